import { beforeAll, describe, expect, it } from 'vitest';
import type { ClientRect, DroppableContainer, KeyboardCoordinateGetter } from '@dnd-kit/core';
import { i18n, initI18n, switchLocale } from '../../i18n.js';
import { closestColumn, columnByColumn } from './boardKeys.js';
import { quarterOf, shiftQuarter, stageName } from './labels.js';
import { createFormSchema, editFormSchema, fieldOf, valuesOf, type OpportunityValues } from './opportunityForm.js';

beforeAll(async () => {
  await initI18n();
  await i18n.loadNamespaces('deals');
});

const rect = (left: number, width = 200, top = 100, height = 400): ClientRect => ({ left, width, top, height, right: left + width, bottom: top + height });
/** Five columns side by side, 10 px apart, of different heights. */
const columns = ['qualify', 'propose', 'negotiate', 'won', 'lost'].map((id, i) => ({ id, rect: rect(i * 210, 200, 100, 100 + i * 150) }));
const containers = columns.map((c) => ({ id: c.id, disabled: false }) as unknown as DroppableContainer);
const droppableRects = new Map(columns.map((c) => [c.id, c.rect]));
const enabled = Object.assign(new Map(containers.map((c) => [c.id, c])), { getEnabled: () => containers });

function press(code: string, overId: string | null, card: ClientRect) {
  const context = { collisionRect: card, droppableRects, droppableContainers: enabled, over: overId ? { id: overId } : null };
  return (columnByColumn as KeyboardCoordinateGetter)({ code } as KeyboardEvent, {
    active: 'deal',
    context: context as never,
    currentCoordinates: { x: card.left, y: card.top },
  });
}

describe('moving a card on the board by keyboard', () => {
  const card = rect(20, 160, 300, 80); // in the first column

  it('moves one column to the right or left per arrow key, centred on the column', () => {
    expect(press('ArrowRight', 'qualify', card)).toEqual({ x: 210 + 20, y: 300 });
    expect(press('ArrowLeft', 'negotiate', rect(440, 160, 300, 80))).toEqual({ x: 210 + 20, y: 300 });
  });

  it('finds the column it is over by its position when no column is reported yet', () => {
    expect(press('ArrowRight', null, card)).toEqual({ x: 230, y: 300 });
  });

  it('stops at the first and the last column, and ignores up and down', () => {
    expect(press('ArrowLeft', 'qualify', card)).toBeUndefined();
    expect(press('ArrowRight', 'lost', rect(860, 160, 300, 80))).toBeUndefined();
    expect(press('ArrowDown', 'qualify', card)).toBeUndefined();
  });

  it('drops over the column whose centre is nearest left to right, however short the column', () => {
    // Far below the short first column, horizontally inside the fourth.
    const low = rect(650, 160, 900, 80);
    const hits = closestColumn({ collisionRect: low, droppableRects, droppableContainers: containers, active: null as never, pointerCoordinates: null });
    expect(hits[0]?.id).toBe('won');
  });
});

describe('quarters', () => {
  it('names the quarter of a day and steps across years', () => {
    expect(quarterOf('2027-03-31')).toBe('2027-Q1');
    expect(quarterOf('2027-04-01')).toBe('2027-Q2');
    expect(shiftQuarter('2027-Q1', -1)).toBe('2026-Q4');
    expect(shiftQuarter('2026-Q4', 1)).toBe('2027-Q1');
    expect(shiftQuarter('2027-Q2', 4)).toBe('2028-Q2');
  });
});

describe('stage names', () => {
  it('takes the catalogue word of a default stage, an administrator name as it is', async () => {
    expect(stageName({ key: 'negotiate', name: null })).toBe('Negotiate');
    expect(stageName({ key: 'negotiate', name: 'Verhandeln (alt)' })).toBe('Verhandeln (alt)');
    await switchLocale('de');
    try {
      expect(stageName({ key: 'won', name: null })).toBe('Gewonnen');
    } finally {
      await switchLocale('en');
    }
  });
});

describe('the opportunity form', () => {
  const partner = { id: '3f1b7a52-9a7e-4d8e-9f3a-0c2f1d5e6a7b', name: 'Cloudy AG' } as never;
  const filled = (over: Partial<OpportunityValues> = {}): OpportunityValues => ({
    ...valuesOf(null, { ownerId: 'u1', partner, stage: 'qualify' }),
    title: ' Migration ',
    customerMode: 'new',
    customerName: 'Muster AG',
    customerDomain: 'www.muster.ch',
    customerCountry: 'CH',
    oneOff: 12500.5,
    mrr: '1000.05',
    currency: 'EUR',
    expectedCloseOn: '2027-03-31',
    ...over,
  });

  it('sends typed major units as exact minor units, the new customer and the prefilled partner', () => {
    const body = createFormSchema.parse(filled());
    expect(body).toMatchObject({
      title: 'Migration',
      customer: { name: 'Muster AG', domain: 'www.muster.ch', country: 'CH' },
      partners: [{ partnerId: '3f1b7a52-9a7e-4d8e-9f3a-0c2f1d5e6a7b', role: 'co_sell' }],
      oneOffMinor: 1250050,
      mrrMinor: 100005,
      currency: 'EUR',
      stage: 'qualify',
      expectedCloseOn: '2027-03-31',
    });
  });

  it('refuses an amount with more decimals than the currency has, on the amount field', () => {
    const result = createFormSchema.safeParse(filled({ oneOff: '10.005' }));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => fieldOf(i.path.join('.')))).toContain('oneOff');
  });

  it('puts the server messages of the nested customer on the form fields', () => {
    expect(fieldOf('customer.name')).toBe('customerName');
    expect(fieldOf('customer.domain')).toBe('customerDomain');
    expect(fieldOf('customer.id')).toBe('customerId');
    expect(fieldOf('mrrMinor')).toBe('mrr');
    expect(fieldOf('partners.0.partnerId')).toBe('partners.0.partnerId');
  });

  it('edits an existing customer by id, without partners or stage', () => {
    const body = editFormSchema.parse(filled({ customerMode: 'existing', customerId: '9d7c1f2e-1111-4a2b-8c3d-123456789abc' }));
    expect(body.customer).toEqual({ id: '9d7c1f2e-1111-4a2b-8c3d-123456789abc' });
    expect(body).not.toHaveProperty('partners');
    expect(body).not.toHaveProperty('stage');
  });
});
