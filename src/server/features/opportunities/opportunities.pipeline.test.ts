import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/app.js';
import { actorsFor, requestsAs, type Actors } from '../../../../tests/support/actors.js';
import { csvRows } from '../../../../tests/support/exports.js';
import { makePartner, unique } from '../../../../tests/support/factories.js';
import { createDeal } from './opportunities.fixtures.js';

let t: TestApp;
let as: Actors<'admin' | 'manager' | 'member' | 'viewer' | 'finance'>;
beforeAll(async () => {
  t = await createTestApp();
  as = await actorsFor(t, { roles: ['admin', 'manager', 'member', 'viewer', 'finance'] });
});
afterAll(() => t.close());
const { get, post, put } = requestsAs(() => as.manager);

/** A year no other test uses, so rates and quarters are this file's own. */
const YEAR = 2400 + (process.pid % 500);

describe('pipeline, board, stages and rates', () => {
  it('sums per currency and converts each deal to CHF with the rate of its own month, naming the rates used and the months missing', async () => {
    const p = await makePartner(t);
    const on = [{ partnerId: p.id, role: 'sourced' }];
    expect((await put(`/api/fx-rates/${YEAR}-01/EUR`, { rateToChf: '0.95' }, as.admin)).statusCode).toBe(200);
    expect((await put(`/api/fx-rates/${YEAR}-02/EUR`, { rateToChf: '0.9' }, as.admin)).statusCode).toBe(200);
    await createDeal(t, as.manager, { partners: on, currency: 'EUR', oneOffMinor: 100_001, expectedCloseOn: `${YEAR}-01-20`, stage: 'negotiate' });
    await createDeal(t, as.manager, { partners: on, currency: 'EUR', oneOffMinor: 200_000, expectedCloseOn: `${YEAR}-02-03`, stage: 'qualify' });
    await createDeal(t, as.manager, { partners: on, currency: 'CHF', mrrMinor: 1_000, expectedCloseOn: `${YEAR}-03-01` });
    const res = await get(`/api/opportunities/pipeline?by=partner&partnerId=${p.id}&from=${YEAR}-01-01&to=${YEAR}-12-31`, as.finance);
    expect(res.statusCode, res.body).toBe(200);
    const pl = res.json();
    expect(pl.rows).toHaveLength(1);
    // 100001 × 0.95 = 95000.95 → 95001; 200000 × 0.9 = 180000; weighted: 60001 × 0.95 = 57000.95 → 57001, 20000 × 0.9 = 18000; CHF 12000 (weighted 10 %: 1200)
    expect(pl.rows[0]).toMatchObject({
      key: p.id,
      label: p.name,
      openCount: 3,
      wonCount: 0,
      byCurrency: { open: { EUR: 300_001, CHF: 12_000 }, weighted: { EUR: 80_001, CHF: 1_200 } },
      chf: { open: 95_001 + 180_000 + 12_000, weighted: 57_001 + 18_000 + 1_200, won: 0 },
    });
    expect(pl.ratesUsed).toEqual([
      { month: `${YEAR}-01`, currency: 'EUR', rateToChf: '0.95' },
      { month: `${YEAR}-02`, currency: 'EUR', rateToChf: '0.90' },
    ]);
    expect(pl.missingRates).toEqual([]);

    // A USD deal in a month without a rate: CHF figures are null and the month is named, never a rate of 1.
    await createDeal(t, as.manager, { partners: on, currency: 'USD', oneOffMinor: 5_000, expectedCloseOn: `${YEAR}-04-10` });
    const missing = (await get(`/api/opportunities/pipeline?by=quarter&partnerId=${p.id}&from=${YEAR}-01-01&to=${YEAR}-12-31`)).json();
    expect(missing.missingRates).toEqual([{ month: `${YEAR}-04`, currency: 'USD' }]);
    expect(missing.total.chf).toBeNull();
    expect(missing.total.byCurrency.open).toEqual({ EUR: 300_001, CHF: 12_000, USD: 5_000 });
    expect(missing.rows.map((r: { key: string; chf: unknown }) => [r.key, r.chf === null])).toEqual([
      [`${YEAR}-Q1`, false],
      [`${YEAR}-Q2`, true],
    ]);
  });

  it('gives the partner header its open pipeline and what was won this year, per currency and in CHF', async () => {
    const p = await makePartner(t);
    const on = [{ partnerId: p.id, role: 'sourced' }];
    expect((await put(`/api/fx-rates/${YEAR}-06/USD`, { rateToChf: '0.8' }, as.admin)).statusCode).toBe(200);
    await createDeal(t, as.manager, { partners: on, currency: 'USD', oneOffMinor: 10_000, expectedCloseOn: `${YEAR}-06-30`, stage: 'negotiate' });
    const won = await createDeal(t, as.manager, { partners: on, oneOffMinor: 7_000 });
    await post(`/api/opportunities/${won.id}/stage`, { stage: 'won', version: 1 });
    const lost = await createDeal(t, as.manager, { partners: on, oneOffMinor: 99 });
    await post(`/api/opportunities/${lost.id}/stage`, { stage: 'lost', version: 1, lostReason: 'No budget' });
    const header = (await get(`/api/partners/${p.id}`, as.viewer)).json().deals;
    expect(header).toMatchObject({
      openCount: 1,
      wonCount: 1,
      byCurrency: { open: { USD: 10_000 }, weighted: { USD: 6_000 }, won: { CHF: 7_000 } },
      chf: { open: 8_000, weighted: 4_800, won: 7_000 },
      missingRates: [],
    });
    await createDeal(t, as.manager, { partners: on, currency: 'EUR', oneOffMinor: 1, expectedCloseOn: `${YEAR}-07-01` });
    const named = (await get(`/api/partners/${p.id}`)).json().deals;
    expect(named).toMatchObject({ chf: null, missingRates: [{ month: `${YEAR}-07`, currency: 'EUR' }] });
  });

  it('shows the quarter on the board: open deals expected to close in it, won and lost closed in it; counts and sums per stage', async () => {
    const p = await makePartner(t);
    const on = [{ partnerId: p.id, role: 'co_sell' }];
    const a = await createDeal(t, as.manager, { partners: on, oneOffMinor: 1_000, expectedCloseOn: `${YEAR}-07-15`, stage: 'propose' });
    await createDeal(t, as.manager, { partners: on, currency: 'EUR', oneOffMinor: 500, expectedCloseOn: `${YEAR}-08-01`, stage: 'propose' });
    await createDeal(t, as.manager, { partners: on, expectedCloseOn: `${YEAR}-10-01`, stage: 'propose' });
    const res = await get(`/api/opportunities/board?quarter=${YEAR}-Q3&partnerId=${p.id}`, as.viewer);
    expect(res.statusCode, res.body).toBe(200);
    const board = res.json();
    expect(board).toMatchObject({ quarter: `${YEAR}-Q3`, from: `${YEAR}-07-01`, to: `${YEAR}-09-30` });
    const propose = board.columns.find((c: { key: string }) => c.key === 'propose');
    expect(propose).toMatchObject({ count: 2, valueByCurrency: { CHF: 1_000, EUR: 500 }, probability: 30 });
    expect(propose.cards[0]).toMatchObject({ id: a.id, partners: [{ id: p.id, role: 'co_sell' }], weightedMinor: 300, can: { move: false } });
    expect(board.columns.map((c: { key: string }) => c.key)).toEqual(expect.arrayContaining(['qualify', 'propose', 'negotiate', 'won', 'lost']));
    expect((await get(`/api/opportunities/board?quarter=${YEAR}-Q5`)).statusCode).toBe(400);
  });

  it('lists with filters and sort, and exports the list as CSV', async () => {
    const p = await makePartner(t);
    const on = [{ partnerId: p.id, role: 'referral' }];
    const big = await createDeal(t, as.manager, { partners: on, title: unique('Big'), oneOffMinor: 900_000, currency: 'USD', expectedCloseOn: `${YEAR}-05-01` });
    const small = await createDeal(t, as.manager, { partners: on, title: unique('Small'), oneOffMinor: 100, expectedCloseOn: `${YEAR}-04-01` });
    const ids = async (q: string) => (await get(`/api/opportunities?partnerId=${p.id}&${q}`)).json().items.map((i: { id: string }) => i.id);
    expect(await ids('sort=-value')).toEqual([big.id, small.id]);
    expect(await ids('sort=expectedCloseOn')).toEqual([small.id, big.id]);
    expect(await ids('currency=USD')).toEqual([big.id]);
    expect(await ids(`quarter=${YEAR}-Q2&state=open`)).toEqual([small.id, big.id]);
    expect(await ids(`q=${encodeURIComponent(small.customer.name)}`)).toEqual([small.id]);
    expect(await ids('state=won')).toEqual([]);
    const csv = await get(`/api/opportunities/export?partnerId=${p.id}&sort=-value&columns=title,stage,value,currency`, as.viewer);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csvRows(csv.body)).toEqual([
      ['Title', 'Stage', 'First-year value', 'Currency'],
      [big.title, 'Qualify', '9000', 'USD'],
      [small.title, 'Qualify', '1', 'CHF'],
    ]);
  });

  it('lets the administrator edit stages; archiving one that open deals use is a 409; others may not', async () => {
    const key = `s${process.pid}${Date.now().toString(36)}`.slice(0, 30);
    const created = await post('/api/deal-stages', { key, name: 'Proof of concept', probability: 45, position: 25, kind: 'open' }, as.admin);
    expect(created.statusCode, created.body).toBe(201);
    expect((await post('/api/deal-stages', { key, name: 'Again', probability: 45, position: 25, kind: 'open' }, as.admin)).statusCode).toBe(409);
    expect((await post('/api/deal-stages', { key: 'x_y', name: 'N', probability: 101, position: 1, kind: 'open' }, as.admin)).json().errors[0].path).toBe('body.probability');
    expect((await post('/api/deal-stages', { key: 'zz', name: 'N', probability: 1, position: 1, kind: 'open' }, as.manager)).statusCode).toBe(403);
    const o = await createDeal(t, as.manager, { stage: key });
    expect(o.stage).toMatchObject({ key, name: 'Proof of concept', probability: 45 });
    expect((await post(`/api/deal-stages/${key}/archive`, { version: 1 }, as.admin)).statusCode).toBe(409);
    const renamed = await t.app.inject({ method: 'PATCH', url: `/api/deal-stages/${key}`, headers: as.admin.headers, payload: { version: 1, probability: 50 } });
    expect(renamed.json()).toMatchObject({ probability: 50, openOpportunities: 1, version: 2 });
    expect((await get(`/api/opportunities/${o.id}`)).json().weightedMinor).toBe(0);
    await post(`/api/opportunities/${o.id}/stage`, { stage: 'qualify', version: 1 });
    const archived = await post(`/api/deal-stages/${key}/archive`, { version: 2 }, as.admin);
    expect(archived.statusCode, archived.body).toBe(200);
    const reuse = await post('/api/opportunities', {
      title: 'x',
      customer: { name: 'x' },
      partners: o.partners.map((p: { id: string; role: string }) => ({ partnerId: p.id, role: p.role })),
      currency: 'CHF',
      expectedCloseOn: `${YEAR}-01-01`,
      stage: key,
    });
    expect(reuse.json().errors[0].path).toBe('body.stage');
    expect((await get('/api/deal-stages', as.viewer)).json().items.map((s: { key: string }) => s.key)).not.toContain(key);
  });

  it('keeps monthly rates: the administrator sets and removes them, managers and finance read, members may not', async () => {
    const month = `${YEAR}-11`;
    expect((await put(`/api/fx-rates/${month}/USD`, { rateToChf: '0.8812' }, as.manager)).statusCode).toBe(403);
    expect((await put(`/api/fx-rates/${month}/USD`, { rateToChf: '-1' }, as.admin)).json().errors[0].path).toBe('body.rateToChf');
    expect((await put(`/api/fx-rates/${month}/CHF`, { rateToChf: '1' }, as.admin)).statusCode).toBe(400);
    expect((await put(`/api/fx-rates/${month}/USD`, { rateToChf: '0.8812' }, as.admin)).json()).toMatchObject({ month, currency: 'USD', rateToChf: '0.8812' });
    expect((await put(`/api/fx-rates/${month}/USD`, { rateToChf: '0.89' }, as.admin)).json().rateToChf).toBe('0.89');
    for (const who of [as.manager, as.finance])
      expect((await get(`/api/fx-rates?from=${month}&to=${month}`, who)).json().items).toEqual([expect.objectContaining({ rateToChf: '0.89' })]);
    expect((await get('/api/fx-rates', as.member)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/fx-rates/${month}/USD`, headers: as.admin.headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/fx-rates/${month}/USD`, headers: as.admin.headers })).statusCode).toBe(404);
  });
});
