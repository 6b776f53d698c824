import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/app.js';
import { actorsFor, requestsAs, type Actors } from '../../../../tests/support/actors.js';
import { makePartner, unique, type PartnerRow } from '../../../../tests/support/factories.js';
import { listPartnersQuery } from '../../../shared/schemas/partner.js';
import { getPartner, listPartners } from '../partners/index.js';

let t: TestApp;
let as: Actors<'manager'>;

beforeAll(async () => {
  t = await createTestApp();
  as = await actorsFor(t, { roles: ['manager'] });
});
afterAll(() => t.close());

const { get, post, patch } = requestsAs(() => as.manager);

const DAY = 86_400_000;
// A frozen clock: every expectation below is relative to it.
const NOW = new Date('2026-11-26T09:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);
const cadenceOf = async (p: PartnerRow, now = NOW) => {
  const { effectiveContactIntervalDays, contactIntervalDays, contactDueAt, contactOverdue } = await getPartner(t.database.db, p.id, now);
  return { effectiveContactIntervalDays, contactIntervalDays, contactDueAt, contactOverdue };
};

describe('contact cadence', () => {
  it('defaults the interval by importance: strategic 14 days, key 30, standard 90', async () => {
    const strategic = await makePartner(t, { importance: 'strategic', lastContactAt: daysAgo(15) });
    expect(await cadenceOf(strategic)).toEqual({ effectiveContactIntervalDays: 14, contactIntervalDays: null, contactDueAt: daysAgo(1).toISOString(), contactOverdue: true });
    const recent = await makePartner(t, { importance: 'strategic', lastContactAt: daysAgo(13) });
    expect(await cadenceOf(recent)).toMatchObject({ contactDueAt: new Date(NOW.getTime() + DAY).toISOString(), contactOverdue: false });
    // Due exactly now is not yet overdue; a second later it is.
    const edge = await makePartner(t, { importance: 'key', lastContactAt: daysAgo(30) });
    expect(await cadenceOf(edge)).toMatchObject({ effectiveContactIntervalDays: 30, contactOverdue: false });
    expect(await cadenceOf(edge, new Date(NOW.getTime() + 1000))).toMatchObject({ contactOverdue: true });
    const standard = await makePartner(t, { importance: 'standard', lastContactAt: daysAgo(89) });
    expect(await cadenceOf(standard)).toMatchObject({ effectiveContactIntervalDays: 90, contactOverdue: false });
    expect(await cadenceOf(standard, new Date(NOW.getTime() + 2 * DAY))).toMatchObject({ contactOverdue: true });
  });

  it('takes a partner’s own interval over the default, edited through the partner API', async () => {
    const p = await makePartner(t, { importance: 'strategic', lastContactAt: daysAgo(20) });
    expect((await cadenceOf(p)).contactOverdue).toBe(true);
    for (const bad of [0, 731, 1.5, '30']) {
      const res = await patch(`/api/partners/${p.id}`, { contactIntervalDays: bad, version: p.version });
      expect(res.statusCode, String(bad)).toBe(400);
      expect(res.json().errors[0].path).toBe('body.contactIntervalDays');
    }
    const res = await patch(`/api/partners/${p.id}`, { contactIntervalDays: 30, version: p.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ contactIntervalDays: 30, effectiveContactIntervalDays: 30 });
    expect(await cadenceOf(p)).toEqual({
      effectiveContactIntervalDays: 30,
      contactIntervalDays: 30,
      contactDueAt: new Date(NOW.getTime() + 10 * DAY).toISOString(),
      contactOverdue: false,
    });
    const audit = await get(`/api/audit?entityType=partner&entityId=${p.id}`);
    expect(audit.json().items[0].changes.contactIntervalDays).toEqual({ from: null, to: 30 });
    // Back to the default.
    const reset = await patch(`/api/partners/${p.id}`, { contactIntervalDays: null, version: res.json().version });
    expect(reset.json()).toMatchObject({ contactIntervalDays: null, effectiveContactIntervalDays: 14 });
  });

  it('counts a partner never contacted from when it entered its status; paused partners and prospects are never overdue', async () => {
    const fresh = await makePartner(t, { status: 'onboarding', importance: 'key', statusChangedAt: daysAgo(10) });
    expect(await cadenceOf(fresh)).toMatchObject({ contactDueAt: new Date(NOW.getTime() + 20 * DAY).toISOString(), contactOverdue: false });
    const forgotten = await makePartner(t, { status: 'active', importance: 'standard', statusChangedAt: daysAgo(100) });
    expect(await cadenceOf(forgotten)).toMatchObject({ contactDueAt: daysAgo(10).toISOString(), contactOverdue: true });
    for (const status of ['paused', 'prospect', 'offboarded']) {
      const p = await makePartner(t, { status, importance: 'strategic', lastContactAt: daysAgo(400), statusChangedAt: daysAgo(400) });
      expect(await cadenceOf(p), status).toMatchObject({ effectiveContactIntervalDays: 14, contactDueAt: null, contactOverdue: false });
    }
    const archived = await makePartner(t, { importance: 'strategic', lastContactAt: daysAgo(400), archivedAt: daysAgo(1) });
    expect((await cadenceOf(archived)).contactOverdue).toBe(false);
  });

  it('a new timeline entry resets it', async () => {
    const p = await makePartner(t, { importance: 'strategic', lastContactAt: daysAgo(30) });
    expect((await cadenceOf(p)).contactOverdue).toBe(true);
    const logged = await post('/api/activities', { partnerId: p.id, kind: 'call', occurredAt: daysAgo(2).toISOString(), summary: 'Checked in on the renewal' });
    expect(logged.statusCode, logged.body).toBe(201);
    expect(await cadenceOf(p)).toMatchObject({ contactDueAt: new Date(NOW.getTime() + 12 * DAY).toISOString(), contactOverdue: false });
  });

  it('filters and sorts the partner list by it, in SQL', async () => {
    const tag = unique('cadence');
    const overdueLong = await makePartner(t, { name: `${tag} A`, importance: 'standard', lastContactAt: daysAgo(200) });
    const overdueShort = await makePartner(t, { name: `${tag} B`, importance: 'strategic', lastContactAt: daysAgo(16) });
    const fine = await makePartner(t, { name: `${tag} C`, importance: 'strategic', lastContactAt: daysAgo(1) });
    const paused = await makePartner(t, { name: `${tag} D`, status: 'paused', lastContactAt: daysAgo(300) });

    const names = async (query: Record<string, string>, now = NOW) =>
      (await listPartners(t.database.db, listPartnersQuery.parse({ q: tag, ...query }), now)).items.map((p) => p.name);
    expect(await names({ overdue: 'true' })).toEqual([overdueLong.name, overdueShort.name]);
    expect(await names({ overdue: 'false' })).toEqual([fine.name, paused.name]);
    expect(await names({ overdue: 'true', pageSize: '1' })).toEqual([overdueLong.name]);
    expect((await listPartners(t.database.db, listPartnersQuery.parse({ q: tag, overdue: 'true', pageSize: '1' }), NOW)).total).toBe(2);
    expect(await names({ sort: 'contactDueAt' })).toEqual([overdueLong.name, overdueShort.name, fine.name, paused.name]);
    // Fifteen days on, the one contacted yesterday is overdue as well.
    expect(await names({ overdue: 'true' }, new Date(NOW.getTime() + 15 * DAY))).toEqual([overdueLong.name, overdueShort.name, fine.name]);
    const page = (await listPartners(t.database.db, listPartnersQuery.parse({ q: tag, sort: 'name' }), NOW)).items;
    expect(page.map((p) => p.contactOverdue)).toEqual([true, true, false, false]);
    expect(page[1]).toMatchObject({ effectiveContactIntervalDays: 14, contactDueAt: daysAgo(2).toISOString() });

    // The same over HTTP, on the server's clock (these contacts are long past).
    const res = await get(`/api/partners?q=${encodeURIComponent(tag)}&overdue=true`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((p: { name: string }) => p.name)).toContain(overdueLong.name);
    expect(res.json().items.map((p: { name: string }) => p.name)).not.toContain(paused.name);
  });
});
