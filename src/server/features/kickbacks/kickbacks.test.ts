import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/support/app.js';
import { actorsFor, requestsAs, type Actors } from '../../../../tests/support/actors.js';
import { changeOpportunity, makeOpportunity } from '../../../../tests/support/deals.js';
import { makePartner, unique } from '../../../../tests/support/factories.js';
import { auditLog, commissionLine, fxRate, kickbackAgreement } from '../../db/schema/index.js';
import type { Actor } from '../../lib/policy.js';
import { recomputeOpportunity } from './kickbacks.compute.js';

let t: TestApp;
let as: Actors<'admin' | 'manager' | 'member' | 'viewer' | 'finance'>;

beforeAll(async () => {
  t = await createTestApp();
  as = await actorsFor(t, { roles: ['admin', 'manager', 'member', 'viewer', 'finance'] });
});
afterAll(() => t.close());
afterEach(() => vi.useRealTimers());

const { get, post, patch } = requestsAs(() => as.manager);
const manager = (): Actor => ({ id: as.manager.id, name: as.manager.name, email: as.manager.email, role: 'manager', via: 'token' });

/** Freezes only the clock (timers keep running, so requests still complete); 10:00 in Zurich. */
function today(day: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${day}T09:00:00Z`));
}

const reseller = () => makePartner(t, { name: unique('Reseller'), types: ['consultant_reseller'] });

async function agreement(body: Record<string, unknown>) {
  const res = await post('/api/kickback-agreements', { name: unique('Kickback'), validFrom: '2026-01-01', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** What the opportunities feature's listener does after a change of the deal, on `day`. */
const dealChanged = (opportunityId: string, day: string) => t.database.db.transaction((tx) => recomputeOpportunity(tx, opportunityId, manager(), day));

const linesOf = (agreementId: string) =>
  t.database.db
    .select({
      opportunityId: commissionLine.opportunityId,
      amount: commissionLine.amountMinor,
      reason: commissionLine.reason,
      earnedOn: commissionLine.earnedOn,
      rateBp: commissionLine.rateBp,
    })
    .from(commissionLine)
    .where(eq(commissionLine.agreementId, agreementId))
    .orderBy(asc(commissionLine.createdAt), asc(commissionLine.earnedOn), asc(commissionLine.reason));

describe('kickback agreements', () => {
  it('creates one of each kind for a consultant or reseller, reads it as any role, and audits it', async () => {
    const p = await reseller();
    const first = await agreement({ partnerId: p.id, kind: 'first_year_pct', rateBp: 250, validTo: '2026-12-31' });
    expect(first).toMatchObject({
      partner: { id: p.id, name: p.name },
      kind: 'first_year_pct',
      rateBp: 250,
      basis: 'won',
      currency: 'CHF',
      computes: true,
      notice: null,
      earnedMinor: 0,
    });
    expect(first.can).toEqual({ edit: true, archive: true, restore: false, recompute: true });
    const mrr = await agreement({ partnerId: p.id, kind: 'mrr_pct_months', rateBp: 1000, months: 6, validFrom: '2027-01-01', validTo: '2027-12-31' });
    expect(mrr).toMatchObject({ months: 6, rateBp: 1000 });
    const flat = await agreement({ partnerId: p.id, kind: 'flat_per_deal', flatMinor: 50_000, currency: 'EUR', validFrom: '2028-01-01', validTo: '2028-12-31' });
    expect(flat).toMatchObject({ flatMinor: 50_000, currency: 'EUR', rateBp: null });
    const tiered = await agreement({
      partnerId: p.id,
      kind: 'tiered',
      tierMode: 'whole_year',
      tiers: [
        { thresholdMinor: 0, rateBp: 500 },
        { thresholdMinor: 1_000_000, rateBp: 1000 },
      ],
      validFrom: '2029-01-01',
    });
    expect(tiered.tiers).toEqual([
      { thresholdMinor: 0, rateBp: 500 },
      { thresholdMinor: 1_000_000, rateBp: 1000 },
    ]);

    for (const who of [as.viewer, as.member, as.finance]) {
      const seen = await get(`/api/kickback-agreements/${first.id}`, who);
      expect(seen.statusCode).toBe(200);
      expect(seen.json().can).toEqual({ edit: false, archive: false, restore: false, recompute: false });
    }
    const listed = (await get(`/api/kickback-agreements?partnerId=${p.id}&sort=validFrom`, as.viewer)).json();
    expect(listed.items.map((a: { id: string }) => a.id)).toEqual([first.id, mrr.id, flat.id, tiered.id]);
    expect(listed.can).toEqual({ create: false });
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'kickback_agreement'), eq(auditLog.entityId, tiered.id)));
    expect(audit).toMatchObject([{ action: 'create', actorId: as.manager.id }]);
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const p = await reseller();
    const vendor = await makePartner(t, { types: ['software_vendor'] });
    const cases: [Record<string, unknown>, string][] = [
      [{ partnerId: vendor.id, kind: 'flat_per_deal', flatMinor: 100 }, 'body.partnerId'],
      [{ partnerId: p.id, kind: 'first_year_pct' }, 'body.rateBp'],
      [{ partnerId: p.id, kind: 'mrr_pct_months', rateBp: 100 }, 'body.months'],
      [{ partnerId: p.id, kind: 'flat_per_deal' }, 'body.flatMinor'],
      [{ partnerId: p.id, kind: 'tiered', tierMode: 'whole_year' }, 'body.tiers'],
      [{ partnerId: p.id, kind: 'tiered', tiers: [{ thresholdMinor: 0, rateBp: 100 }] }, 'body.tierMode'],
      [{ partnerId: p.id, kind: 'tiered', tierMode: 'whole_year', tiers: [{ thresholdMinor: 100, rateBp: 100 }] }, 'body.tiers.0.thresholdMinor'],
      [
        {
          partnerId: p.id,
          kind: 'tiered',
          tierMode: 'above_threshold',
          tiers: [
            { thresholdMinor: 0, rateBp: 100 },
            { thresholdMinor: 0, rateBp: 200 },
          ],
        },
        'body.tiers.1.thresholdMinor',
      ],
      [{ partnerId: p.id, kind: 'first_year_pct', rateBp: 10_001 }, 'body.rateBp'],
      [{ partnerId: p.id, kind: 'flat_per_deal', flatMinor: -1 }, 'body.flatMinor'],
      [{ partnerId: p.id, kind: 'flat_per_deal', flatMinor: 100, currency: 'GBP' }, 'body.currency'],
      [{ partnerId: p.id, kind: 'flat_per_deal', flatMinor: 100, validTo: '2025-12-31' }, 'body.validTo'],
      [{ partnerId: p.id, kind: 'bonus', flatMinor: 100 }, 'body.kind'],
    ];
    for (const [body, path] of cases) {
      const res = await post('/api/kickback-agreements', { name: 'Bad', validFrom: '2026-01-01', ...body });
      expect(res.statusCode, `${JSON.stringify(body)}: ${res.body}`).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    for (const partnerId of [p.id, vendor.id]) expect(await t.database.db.select().from(kickbackAgreement).where(eq(kickbackAgreement.partnerId, partnerId))).toEqual([]);
    const de = await t.app.inject({
      method: 'POST',
      url: '/api/kickback-agreements',
      headers: { ...as.manager.headers, 'accept-language': 'de' },
      payload: { partnerId: p.id, name: 'x', validFrom: '2026-01-01', kind: 'first_year_pct' },
    });
    expect(de.json().errors).toEqual([{ path: 'body.rateBp', message: 'ist für einen Prozentsatz des ersten Jahres erforderlich' }]);
  });

  it('keeps two agreements of one partner from overlapping, and only managers write', async () => {
    const p = await reseller();
    const a = await agreement({ partnerId: p.id, kind: 'flat_per_deal', flatMinor: 100, validFrom: '2026-01-01', validTo: '2026-06-30' });
    const overlap = await post('/api/kickback-agreements', { partnerId: p.id, name: 'Second', kind: 'flat_per_deal', flatMinor: 100, validFrom: '2026-06-30' });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().errors[0]).toMatchObject({ path: 'body.validFrom' });
    expect(overlap.json().errors[0].message).toContain(a.name);
    const next = await agreement({ partnerId: p.id, kind: 'flat_per_deal', flatMinor: 100, validFrom: '2026-07-01' });
    const stretched = await patch(`/api/kickback-agreements/${a.id}`, { version: a.version, validTo: '2026-09-30' });
    expect(stretched.statusCode).toBe(400);
    expect(stretched.json().errors[0].path).toBe('body.validFrom');

    for (const who of [as.member, as.viewer, as.finance]) {
      expect((await post('/api/kickback-agreements', { partnerId: p.id, name: 'x', kind: 'flat_per_deal', flatMinor: 1, validFrom: '2030-01-01' }, who)).statusCode).toBe(403);
    }
    const stale = await patch(`/api/kickback-agreements/${next.id}`, { version: next.version + 1, flatMinor: 200 });
    expect(stale.statusCode).toBe(409);
    const archived = await post(`/api/kickback-agreements/${a.id}/archive`, { version: a.version });
    expect(archived.json()).toMatchObject({ archivedAt: expect.any(String), can: { restore: true, edit: false } });
    expect((await patch(`/api/kickback-agreements/${a.id}`, { version: archived.json().version, name: 'x' })).statusCode).toBe(409);
    const restored = await post(`/api/kickback-agreements/${a.id}/restore`, { version: archived.json().version });
    expect(restored.statusCode, restored.body).toBe(200);
  });

  it("stores an 'invoice paid' basis, says it earns when invoices are paid, and computes nothing yet", async () => {
    const p = await reseller();
    const deal = await makeOpportunity(t, { partnerId: p.id, oneOffMinor: 100_000, closedOn: '2026-02-01' });
    const a = await agreement({ partnerId: p.id, kind: 'first_year_pct', rateBp: 1000, basis: 'invoice_paid' });
    expect(a).toMatchObject({ basis: 'invoice_paid', computes: false, can: { recompute: false } });
    expect(a.notice).toBe('Earns when invoices are paid (invoices arrive with issue 15): nothing is computed for this agreement yet.');
    const de = await t.app.inject({ method: 'GET', url: `/api/kickback-agreements/${a.id}?lang=de`, headers: as.viewer.headers });
    expect(de.json().notice).toContain('Rechnungen kommen mit Issue 15');
    await dealChanged(deal.id, '2026-02-01');
    const r = await post(`/api/kickback-agreements/${a.id}/recompute`);
    expect(r.json()).toMatchObject({ added: 0, addedMinor: 0, notice: a.notice });
    expect(await linesOf(a.id)).toEqual([]);
  });
});

describe('commission lines', () => {
  it('computes every kind in minor units, rounding half away from zero at the line', async () => {
    // 2.5 % of 400.20 + 12 × 50.00 = 1000.20 is 25.005 → 25.01 (rounded up, away from zero).
    const p1 = await reseller();
    const d1 = await makeOpportunity(t, { partnerId: p1.id, oneOffMinor: 40_020, mrrMinor: 5_000, closedOn: '2026-02-10' });
    const a1 = await agreement({ partnerId: p1.id, kind: 'first_year_pct', rateBp: 250 });
    expect(await linesOf(a1.id)).toEqual([{ opportunityId: d1.id, amount: 2501, reason: 'earned', earnedOn: expect.any(String), rateBp: 250 }]);

    // 10 % of 3 months of 123.45 = 370.35 is 37.035 → 37.04 (rounded once on the total, not per month).
    const p2 = await reseller();
    const a2 = await agreement({ partnerId: p2.id, kind: 'mrr_pct_months', rateBp: 1000, months: 3 });
    const d2 = await makeOpportunity(t, { partnerId: p2.id, oneOffMinor: 99_999, mrrMinor: 12_345, closedOn: '2026-03-01' });
    await dealChanged(d2.id, '2026-03-01');
    expect(await linesOf(a2.id)).toEqual([{ opportunityId: d2.id, amount: 3704, reason: 'earned', earnedOn: '2026-03-01', rateBp: 1000 }]);

    // A flat fee per won deal; an open deal, a deal where the partner is not 'sourced' and one won before the agreement earn nothing.
    const p3 = await reseller();
    const a3 = await agreement({ partnerId: p3.id, kind: 'flat_per_deal', flatMinor: 50_000, validFrom: '2026-03-01' });
    const won = await makeOpportunity(t, { partnerId: p3.id, closedOn: '2026-03-02' });
    const open = await makeOpportunity(t, { partnerId: p3.id, stageKey: 'negotiate' });
    const coSell = await makeOpportunity(t, { partnerId: p3.id, role: 'co_sell', closedOn: '2026-03-02' });
    const before = await makeOpportunity(t, { partnerId: p3.id, closedOn: '2026-02-28' });
    for (const d of [won, open, coSell, before]) await dealChanged(d.id, '2026-03-02');
    expect(await linesOf(a3.id)).toEqual([{ opportunityId: won.id, amount: 50_000, reason: 'earned', earnedOn: '2026-03-02', rateBp: null }]);
  });

  it('converts a deal in another currency with the rate of the month it was won, and refuses a month without one', async () => {
    const p = await reseller();
    const a = await agreement({ partnerId: p.id, kind: 'first_year_pct', rateBp: 1000, validFrom: '2031-01-01' });
    const deal = await makeOpportunity(t, { partnerId: p.id, oneOffMinor: 100_000, currency: 'EUR', closedOn: '2031-04-20' });
    const missing = await t.database.db.transaction((tx) => recomputeOpportunity(tx, deal.id, manager(), '2031-04-20')).catch((e: Error) => e);
    expect(String(missing)).toContain('EUR in 2031-04');
    await t.database.db.insert(fxRate).values({ month: '2031-04', currency: 'EUR', rateToChf: '0.938500' });
    await dealChanged(deal.id, '2031-04-20');
    // EUR 1000.00 × 0.9385 = CHF 938.50; 10 % = CHF 93.85.
    expect(await linesOf(a.id)).toMatchObject([{ amount: 9385, reason: 'earned' }]);
  });

  it('reverses a won deal that is later lost with a negative line equal to the earned one, and a reduced deal by the difference', async () => {
    const p = await reseller();
    const a = await agreement({ partnerId: p.id, kind: 'first_year_pct', rateBp: 1000 });
    const lost = await makeOpportunity(t, { partnerId: p.id, oneOffMinor: 123_456, closedOn: '2026-04-01' });
    await dealChanged(lost.id, '2026-04-01');
    await changeOpportunity(t, lost.id, { stageKey: 'lost', closedOn: '2026-07-15' });
    await dealChanged(lost.id, '2026-07-15');

    const reduced = await makeOpportunity(t, { partnerId: p.id, oneOffMinor: 200_000, closedOn: '2026-04-02' });
    await dealChanged(reduced.id, '2026-04-02');
    await changeOpportunity(t, reduced.id, { oneOffMinor: 150_005 });
    await dealChanged(reduced.id, '2026-08-01');

    const lines = await linesOf(a.id);
    expect(lines.filter((l) => l.opportunityId === lost.id)).toEqual([
      { opportunityId: lost.id, amount: 12_346, reason: 'earned', earnedOn: '2026-04-01', rateBp: 1000 },
      { opportunityId: lost.id, amount: -12_346, reason: 'reversed', earnedOn: '2026-07-15', rateBp: null },
    ]);
    // 10 % of 1500.05 = 150.005 → 150.01: the difference to the 200.00 earned is −49.99.
    expect(lines.filter((l) => l.opportunityId === reduced.id)).toEqual([
      { opportunityId: reduced.id, amount: 20_000, reason: 'earned', earnedOn: '2026-04-02', rateBp: 1000 },
      { opportunityId: reduced.id, amount: -4_999, reason: 'changed', earnedOn: '2026-08-01', rateBp: 1000 },
    ]);
    // Nothing changed since: the listener and a recompute add nothing.
    await dealChanged(reduced.id, '2026-08-02');
    const again = await post(`/api/kickback-agreements/${a.id}/recompute`);
    expect(again.json()).toMatchObject({ added: 0, addedMinor: 0 });
    expect(await linesOf(a.id)).toHaveLength(4);
  });

  it('whole-year tiers: crossing a tier mid-year raises the earlier deals of the year by tier lines; the next agreement year starts again', async () => {
    const p = await reseller();
    const a = await agreement({
      partnerId: p.id,
      kind: 'tiered',
      tierMode: 'whole_year',
      validFrom: '2026-02-01',
      tiers: [
        { thresholdMinor: 0, rateBp: 500 },
        { thresholdMinor: 1_000_000, rateBp: 1000 },
      ],
    });
    const first = await makeOpportunity(t, { partnerId: p.id, oneOffMinor: 600_000, closedOn: '2026-03-01' });
    await dealChanged(first.id, '2026-03-01');
    const second = await makeOpportunity(t, { partnerId: p.id, oneOffMinor: 500_000, closedOn: '2026-06-10' });
    await dealChanged(second.id, '2026-06-10');
    // 2027-01-31 is still the first agreement year (from 1 February); 2027-02-01 starts the second at 5 % again.
    const lastDay = await makeOpportunity(t, { partnerId: p.id, oneOffMinor: 100_001, closedOn: '2027-01-31' });
    await dealChanged(lastDay.id, '2027-01-31');
    const nextYear = await makeOpportunity(t, { partnerId: p.id, oneOffMinor: 100_001, closedOn: '2027-02-01' });
    await dealChanged(nextYear.id, '2027-02-01');

    expect((await linesOf(a.id)).map(({ opportunityId, amount, reason, earnedOn }) => ({ opportunityId, amount, reason, earnedOn }))).toEqual([
      { opportunityId: first.id, amount: 30_000, reason: 'earned', earnedOn: '2026-03-01' },
      { opportunityId: second.id, amount: 50_000, reason: 'earned', earnedOn: '2026-06-10' },
      // Crossing 10 000.00 on 10 June: the first deal gets the other 5 % as a tier line dated that day.
      { opportunityId: first.id, amount: 30_000, reason: 'tier', earnedOn: '2026-06-10' },
      // 10 % of 1000.01 = 100.001 → 100.00.
      { opportunityId: lastDay.id, amount: 10_000, reason: 'earned', earnedOn: '2027-01-31' },
      // 5 % of 1000.01 = 50.0005 → 50.00.
      { opportunityId: nextYear.id, amount: 5_000, reason: 'earned', earnedOn: '2027-02-01' },
    ]);

    // The second deal lost: the year falls below the tier again; its line is reversed and the others drop back to 5 %.
    await changeOpportunity(t, second.id, { stageKey: 'lost', closedOn: '2026-09-01' });
    await dealChanged(second.id, '2026-09-01');
    const sums = new Map<string, number>();
    for (const l of await linesOf(a.id)) sums.set(l.opportunityId!, (sums.get(l.opportunityId!) ?? 0) + l.amount);
    expect(Object.fromEntries(sums)).toEqual({ [first.id]: 30_000, [second.id]: 0, [lastDay.id]: 5_000, [nextYear.id]: 5_000 });
    expect((await post(`/api/kickback-agreements/${a.id}/recompute`)).json()).toMatchObject({ added: 0 });
  });

  it('tiers above the threshold: only the part of the volume above it earns the higher rate; earlier deals stay', async () => {
    const p = await reseller();
    const a = await agreement({
      partnerId: p.id,
      kind: 'tiered',
      tierMode: 'above_threshold',
      tiers: [
        { thresholdMinor: 0, rateBp: 500 },
        { thresholdMinor: 1_000_000, rateBp: 1000 },
      ],
    });
    const first = await makeOpportunity(t, { partnerId: p.id, oneOffMinor: 600_000, closedOn: '2026-03-01' });
    await dealChanged(first.id, '2026-03-01');
    const second = await makeOpportunity(t, { partnerId: p.id, oneOffMinor: 500_010, closedOn: '2026-06-10' });
    await dealChanged(second.id, '2026-06-10');
    // 4000.00 at 5 % + 1000.10 at 10 % = 200.00 + 100.01 = 300.01.
    expect((await linesOf(a.id)).map(({ opportunityId, amount, reason }) => ({ opportunityId, amount, reason }))).toEqual([
      { opportunityId: first.id, amount: 30_000, reason: 'earned' },
      { opportunityId: second.id, amount: 30_001, reason: 'earned' },
    ]);
  });

  it('recompute is idempotent and the manager’s alone; changed terms add the difference', async () => {
    const p = await reseller();
    const a = await agreement({ partnerId: p.id, kind: 'flat_per_deal', flatMinor: 10_000 });
    const d = await makeOpportunity(t, { partnerId: p.id, closedOn: '2026-05-05' });
    today('2026-05-06');
    const first = await post(`/api/kickback-agreements/${a.id}/recompute`);
    expect(first.json()).toEqual({ added: 1, addedMinor: 10_000, notice: null });
    expect((await post(`/api/kickback-agreements/${a.id}/recompute`)).json()).toEqual({ added: 0, addedMinor: 0, notice: null });
    for (const who of [as.member, as.viewer, as.finance]) expect((await post(`/api/kickback-agreements/${a.id}/recompute`, undefined, who)).statusCode).toBe(403);
    const changed = await patch(`/api/kickback-agreements/${a.id}`, { version: a.version, flatMinor: 12_500 });
    expect(changed.json()).toMatchObject({ flatMinor: 12_500, earnedMinor: 12_500 });
    // Both dated today (the frozen clock): by amount.
    const lines = (await linesOf(a.id)).sort((x, y) => y.amount - x.amount);
    expect(lines.map((l) => [l.opportunityId, l.amount, l.reason, l.earnedOn])).toEqual([
      [d.id, 10_000, 'earned', '2026-05-06'],
      [d.id, 2_500, 'changed', '2026-05-06'],
    ]);
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'commission_line'), eq(auditLog.actorId, as.manager.id)));
    expect(audited.length).toBeGreaterThanOrEqual(2);
  });
});

describe('through the opportunities feature', () => {
  it("computes a line when a deal is won and reverses it when it is lost, inside the deal's own change", async () => {
    today('2026-06-15');
    const p = await reseller();
    const a = await agreement({ partnerId: p.id, kind: 'first_year_pct', rateBp: 500 });
    const created = await post('/api/opportunities', {
      title: unique('Cloud backup'),
      customer: { name: unique('Kunde AG') },
      partners: [{ partnerId: p.id, role: 'sourced' }],
      oneOffMinor: 100_010,
      currency: 'CHF',
      stage: 'won',
      expectedCloseOn: '2026-06-30',
    });
    expect(created.statusCode, created.body).toBe(201);
    const deal = created.json();
    // 5 % of 1000.10 = 50.005 → 50.01.
    expect(await linesOf(a.id)).toEqual([{ opportunityId: deal.id, amount: 5_001, reason: 'earned', earnedOn: '2026-06-15', rateBp: 500 }]);

    today('2026-07-02');
    const lost = await post(`/api/opportunities/${deal.id}/stage`, { stage: 'lost', version: deal.version, lostReason: 'Budget frozen' });
    expect(lost.statusCode, lost.body).toBe(200);
    expect((await linesOf(a.id)).map((l) => [l.amount, l.reason, l.earnedOn])).toEqual([
      [5_001, 'earned', '2026-06-15'],
      [-5_001, 'reversed', '2026-07-02'],
    ]);
  });
});
