import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/support/app.js';
import { actorsFor, requestsAs, type Actors } from '../../../../tests/support/actors.js';
import { changeOpportunity, makeOpportunity } from '../../../../tests/support/deals.js';
import { csvRows } from '../../../../tests/support/exports.js';
import { makePartner, unique } from '../../../../tests/support/factories.js';
import { pdfText } from '../../../../tests/support/pdf.js';
import { auditLog, commissionStatement } from '../../db/schema/index.js';
import type { Actor } from '../../lib/policy.js';
import { recomputeOpportunity } from './kickbacks.compute.js';
import { formatMoney } from './statements.pdf.js';

let t: TestApp;
let as: Actors<'admin' | 'manager' | 'member' | 'viewer' | 'finance'>;

beforeAll(async () => {
  t = await createTestApp();
  as = await actorsFor(t, { roles: ['admin', 'manager', 'member', 'viewer', 'finance'] });
});
afterAll(() => t.close());

const { get, post } = requestsAs(() => as.manager);
const manager = (): Actor => ({ id: as.manager.id, name: as.manager.name, email: as.manager.email, role: 'manager', via: 'token' });
const dealChanged = (opportunityId: string, day: string) => t.database.db.transaction((tx) => recomputeOpportunity(tx, opportunityId, manager(), day));
/** pdf.js gives a no-break space back as a space or as itself: compare words, not spaces. */
const spaced = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ');

/**
 * A reseller with a 10 % first-year agreement and three deals: two won in Q1 2026 (one later lost in
 * Q2), one won in Q2. Lines: Q1 +1234.57 and +100.00; Q2 −100.00 (reversal) and +50.00.
 */
async function resellerWithLines() {
  const p = await makePartner(t, { name: unique('Muster Consulting'), types: ['consultant_reseller'] });
  const a = await post('/api/kickback-agreements', { partnerId: p.id, name: unique('Referral fee'), validFrom: '2026-01-01', kind: 'first_year_pct', rateBp: 1000 });
  expect(a.statusCode, a.body).toBe(201);
  const big = await makeOpportunity(t, { partnerId: p.id, title: unique('Cloud migration'), oneOffMinor: 1_234_565, closedOn: '2026-02-03' });
  const lost = await makeOpportunity(t, { partnerId: p.id, title: unique('Backup service'), oneOffMinor: 100_000, closedOn: '2026-03-04' });
  const q2 = await makeOpportunity(t, { partnerId: p.id, title: unique('Managed firewall'), oneOffMinor: 50_000, closedOn: '2026-05-05' });
  await dealChanged(big.id, '2026-02-03');
  await dealChanged(lost.id, '2026-03-04');
  await changeOpportunity(t, lost.id, { stageKey: 'lost', closedOn: '2026-04-20' });
  await dealChanged(lost.id, '2026-04-20');
  await dealChanged(q2.id, '2026-05-05');
  return { partner: p, agreement: a.json(), big, lost, q2 };
}

describe('commission statements', () => {
  it('takes every line up to the period end that no statement holds, with the total as the sum of its lines', async () => {
    const { partner, big, lost } = await resellerWithLines();
    const res = await post('/api/commission-statements', { partnerId: partner.id, period: '2026-Q1', currency: 'CHF' });
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json();
    // 10 % of 12 345.65 = 1234.565 → 1234.57 (half away from zero).
    expect(s).toMatchObject({
      partner: { id: partner.id },
      periodStart: '2026-01-01',
      periodEnd: '2026-03-31',
      quarter: '2026-Q1',
      status: 'due',
      totalMinor: 133_457,
      lineCount: 2,
    });
    expect(s.lines).toEqual([
      expect.objectContaining({
        opportunity: { id: big.id, name: big.title },
        customer: expect.objectContaining({ name: expect.any(String) }),
        basis: 'won',
        basisMinor: 1_234_565,
        rateBp: 1000,
        amountMinor: 123_457,
        reason: 'earned',
        earnedOn: '2026-02-03',
      }),
      expect.objectContaining({ opportunity: { id: lost.id, name: lost.title }, amountMinor: 10_000, reason: 'earned' }),
    ]);
    expect(s.totalMinor).toBe(s.lines.reduce((sum: number, l: { amountMinor: number }) => sum + l.amountMinor, 0));

    // The Q1 statement exists: a second one is a conflict. Q2 takes the reversal of the Q1 deal lost in April.
    expect((await post('/api/commission-statements', { partnerId: partner.id, period: '2026-Q1', currency: 'CHF' })).statusCode).toBe(409);
    const q2 = (await post('/api/commission-statements', { partnerId: partner.id, period: '2026-Q2' })).json();
    expect(q2.lines.map((l: { amountMinor: number; reason: string }) => [l.amountMinor, l.reason])).toEqual([
      [-10_000, 'reversed'],
      [5_000, 'earned'],
    ]);
    expect(q2.totalMinor).toBe(-5_000);

    // Nothing left: 400, and no statement written.
    const none = await post('/api/commission-statements', { partnerId: partner.id, period: '2026-Q3' });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0].path).toBe('body.partnerId');
    expect(await t.database.db.select().from(commissionStatement).where(eq(commissionStatement.partnerId, partner.id))).toHaveLength(2);

    const audited = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, s.id));
    expect(audited).toMatchObject([{ entityType: 'commission_statement', action: 'create', actorId: as.manager.id }]);
  });

  it('refuses bad input naming the field, and lets only managers draw statements up', async () => {
    const { partner } = await resellerWithLines();
    const cases: [Record<string, unknown>, string][] = [
      [{ partnerId: partner.id, period: '2026-Q5' }, 'body.period'],
      [{ partnerId: partner.id, period: '2026-Q1', periodStart: '2026-01-01', periodEnd: '2026-01-31' }, 'body.period'],
      [{ partnerId: partner.id, periodStart: '2026-01-01' }, 'body.periodEnd'],
      [{ partnerId: partner.id, periodStart: '2026-03-01', periodEnd: '2026-02-01' }, 'body.periodEnd'],
      [{ partnerId: partner.id, period: '2026-Q1', currency: 'GBP' }, 'body.currency'],
      [{ partnerId: crypto.randomUUID(), period: '2026-Q1' }, 'body.partnerId'],
    ];
    for (const [body, path] of cases) {
      const res = await post('/api/commission-statements', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    for (const who of [as.member, as.viewer, as.finance])
      expect((await post('/api/commission-statements', { partnerId: partner.id, period: '2026-Q1' }, who)).statusCode).toBe(403);
    expect(await t.database.db.select().from(commissionStatement).where(eq(commissionStatement.partnerId, partner.id))).toEqual([]);
  });

  it('writes the statement as a PDF in English and German whose total reads back as the page shows it', async () => {
    const { partner, big } = await resellerWithLines();
    const s = (await post('/api/commission-statements', { partnerId: partner.id, period: '2026-Q1' })).json();
    const en = await get(`/api/commission-statements/${s.id}/pdf`, as.viewer);
    expect(en.statusCode).toBe(200);
    expect(en.headers['content-type']).toBe('application/pdf');
    const text = spaced(await pdfText(en.rawPayload));
    expect(formatMoney(133_457, 'CHF', 'en')).toMatch(/^CHF.1.334\.57$/);
    expect(text).toContain(spaced(`Total: ${formatMoney(133_457, 'CHF', 'en')}`));
    expect(text).toContain('Commission statement');
    expect(text).toContain(partner.name);
    // A long title wraps in its column: compare without the breaks.
    expect(text.replace(/\s/g, '')).toContain(big.title.replace(/\s/g, ''));
    expect(text).toContain('10%');

    const de = spaced(await pdfText((await get(`/api/commission-statements/${s.id}/pdf?lang=de`, as.viewer)).rawPayload));
    expect(de).toContain('Provisionsabrechnung');
    expect(de).toContain(spaced(`Total: ${formatMoney(133_457, 'CHF', 'de')}`));
    expect(de).toContain('Verdient');
  });

  it('writes its lines as CSV whose amounts add up to the total', async () => {
    const { partner, big } = await resellerWithLines();
    const s = (await post('/api/commission-statements', { partnerId: partner.id, period: '2026-Q1' })).json();
    const res = await get(`/api/commission-statements/${s.id}/csv`, as.member);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const [header, ...rows] = csvRows(res.body);
    expect(header).toEqual(['Earned on', 'Opportunity', 'Customer', 'Agreement', 'Reason', 'Basis', 'Computed from', 'Rate (%)', 'Amount', 'Currency']);
    expect(rows[0]).toEqual(['2026-02-03', big.title, expect.any(String), s.lines[0].agreement.name, 'Earned', 'Won deal', '12345.65', '10', '1234.57', 'CHF']);
    const cents = rows.reduce((sum, r) => sum + Math.round(Number(r[8]) * 100), 0);
    expect(cents).toBe(s.totalMinor);
    const [deHeader] = csvRows((await get(`/api/commission-statements/${s.id}/csv?lang=de`, as.member)).body);
    expect(deHeader).toContain('Betrag');
  });

  it('pays out in order — due → approved → paid — by finance or an administrator', async () => {
    const { partner } = await resellerWithLines();
    const s = (await post('/api/commission-statements', { partnerId: partner.id, period: '2026-Q1' })).json();
    expect(s.can).toEqual({ approve: false, pay: false });
    const asFinance = (await get(`/api/commission-statements/${s.id}`, as.finance)).json();
    expect(asFinance.can).toEqual({ approve: true, pay: false });

    const payEarly = await post(`/api/commission-statements/${s.id}/pay`, { version: s.version, paidOn: '2026-04-10', paymentReference: 'PAY-1' }, as.finance);
    expect(payEarly.statusCode).toBe(409);
    for (const who of [as.manager, as.member, as.viewer]) expect((await post(`/api/commission-statements/${s.id}/approve`, { version: s.version }, who)).statusCode).toBe(403);

    const approved = await post(`/api/commission-statements/${s.id}/approve`, { version: s.version }, as.finance);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedBy: { id: as.finance.id }, can: { approve: false, pay: true } });
    expect((await post(`/api/commission-statements/${s.id}/approve`, { version: approved.json().version }, as.finance)).statusCode).toBe(409);
    const badPay = await post(`/api/commission-statements/${s.id}/pay`, { version: approved.json().version, paidOn: '2026-04-31', paymentReference: '' }, as.admin);
    expect(badPay.statusCode).toBe(400);
    expect(badPay.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['body.paidOn', 'body.paymentReference']));

    const paid = await post(`/api/commission-statements/${s.id}/pay`, { version: approved.json().version, paidOn: '2026-04-10', paymentReference: 'PAY-2026-041' }, as.admin);
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({ status: 'paid', paidOn: '2026-04-10', paymentReference: 'PAY-2026-041', totalMinor: 133_457 });
    expect((await post(`/api/commission-statements/${s.id}/pay`, { version: paid.json().version, paidOn: '2026-04-11', paymentReference: 'again' }, as.admin)).statusCode).toBe(
      409,
    );
    const trail = await t.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, s.id));
    expect(trail.map((r) => r.action).sort()).toEqual(['approve', 'create', 'pay']);
  });

  it('lists and exports statements with their filters, and shows finance what is unpaid', async () => {
    const { partner } = await resellerWithLines();
    const q1 = (await post('/api/commission-statements', { partnerId: partner.id, period: '2026-Q1' })).json();
    const list = (await get(`/api/commission-statements?partnerId=${partner.id}&status=due&period=2026-Q1`, as.viewer)).json();
    expect(list).toMatchObject({ total: 1, items: [{ id: q1.id, totalMinor: 133_457 }], can: { create: false } });
    expect((await get(`/api/commission-statements?partnerId=${partner.id}&period=2026-Q2`)).json()).toMatchObject({ total: 0, can: { create: true } });

    const csv = await get(`/api/commission-statements/export?partnerId=${partner.id}&format=csv&columns=partner,status,total`, as.viewer);
    expect(csvRows(csv.body)).toEqual([
      ['Partner', 'Status', 'Total'],
      [partner.name, 'Due', '1334.57'],
    ]);

    const unpaid = (await get('/api/commission-statements/unpaid', as.finance)).json();
    const mine = unpaid.items.find((r: { partner: { id: string } }) => r.partner.id === partner.id);
    // Q1 on a due statement; the Q2 reversal and win (−100.00 + 50.00) on no statement yet.
    expect(mine).toEqual({
      partner: { id: partner.id, name: partner.name },
      currency: 'CHF',
      dueMinor: 133_457,
      approvedMinor: 0,
      statements: 1,
      unstatedMinor: -5_000,
      unstatedLines: 2,
    });
    expect(unpaid.totals.find((x: { currency: string }) => x.currency === 'CHF').dueMinor).toBeGreaterThanOrEqual(133_457);
  });
});
