import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/support/app.js';
import { actorsFor, requestsAs, type Actors } from '../../../../tests/support/actors.js';
import { makeLevel, makeProgram } from '../../../../tests/support/compliance.js';
import { activity, contact, partner, partnerProgram, teamAssignment } from '../../db/schema/index.js';

let t: TestApp;
let as: Actors<'manager' | 'member' | 'viewer'>;
let n = 0;
const name = (base = 'Partner') => `${base} ${++n} ${Math.random().toString(36).slice(2, 6)}`;

beforeAll(async () => {
  t = await createTestApp();
  as = await actorsFor(t, { roles: ['manager', 'member', 'viewer'] });
});
afterAll(() => t.close());

const { get, post, patch } = requestsAs(() => as.manager);
const count = async () => Number((await t.database.query<{ n: string }>('select count(*) as n from partner'))[0]!.n);

async function create(body: Record<string, unknown> = {}) {
  const res = await post('/api/partners', { name: name(), types: ['software_vendor'], ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('partners', () => {
  it('creates a partner with everything we know about it and shows it back', async () => {
    const p = await create({
      types: ['software_vendor', 'distributor'],
      legalName: 'Acme Software AG',
      website: 'https://acme.example',
      country: 'ch',
      importance: 'strategic',
      tags: ['kubernetes', 'kubernetes', 'security'],
      regions: ['DACH'],
      directions: ['we_resell_them', 'joint_offer'],
      links: { portal: 'https://partners.acme.example', prGuidelines: 'https://acme.example/pr' },
      valueWeBring: 'Managed operations',
      valueTheyBring: 'Licences at a discount',
    });
    expect(p).toMatchObject({ country: 'CH', status: 'prospect', importance: 'strategic', tags: ['kubernetes', 'security'], version: 1, heldLevels: [] });
    // The level we hold lives in the partner's programmes: the old free-text fields are refused by name.
    const old = await post('/api/partners', { name: name(), types: ['software_vendor'], program: 'Acme Partner Program', level: 'Premier' });
    expect(old.statusCode).toBe(400);
    expect(old.body).toMatch(/program/);
    expect(p.links).toEqual({ portal: 'https://partners.acme.example', prGuidelines: 'https://acme.example/pr' });
    expect((await get(`/api/partners/${p.id}`)).json()).toMatchObject({ id: p.id, legalName: 'Acme Software AG', directions: ['we_resell_them', 'joint_offer'] });
  });

  it('requires one or more types, only from the four, and explains that customers are out of scope', async () => {
    const before = await count();
    const none = await post('/api/partners', { name: name(), types: [] });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0].path).toBe('body.types');
    const missing = await post('/api/partners', { name: name() });
    expect(missing.json().errors.map((e: { path: string }) => e.path)).toContain('body.types');
    const unknown = await post('/api/partners', { name: name(), types: ['integrator'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('body.types.0');
    const customer = await post('/api/partners', { name: name(), types: ['customer'] });
    expect(customer.statusCode).toBe(400);
    expect(customer.json().errors[0].message).toMatch(/Customers are not partners/);
    expect(await count()).toBe(before);
  });

  it('rejects bad input with 400 problem+json naming the field, and writes nothing', async () => {
    const existing = await create();
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '' }, 'body.name'],
      [{ name: '   ' }, 'body.name'],
      [{ name: existing.name.toUpperCase() }, 'body.name'],
      [{ website: 'not a url' }, 'body.website'],
      [{ website: 'javascript:alert(1)' }, 'body.website'],
      [{ country: 'XX' }, 'body.country'],
      [{ country: 'Switzerland' }, 'body.country'],
      [{ description: 'x'.repeat(1_000_000) }, 'body.description'],
      [{ links: { portal: 'ftp://x' } }, 'body.links.portal'],
      [{ ownerId: 'nobody' }, 'body.ownerId'],
      [{ productIds: ['00000000-0000-4000-8000-000000000000'] }, 'body.productIds'],
    ];
    for (const [body, path] of cases) {
      const res = await post('/api/partners', { name: name(), types: ['distributor'], ...body });
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(
        res.json().errors.map((e: { path: string }) => e.path),
        JSON.stringify(body).slice(0, 80),
      ).toContain(path);
    }
    expect(await count()).toBe(before);
  });

  it('dates and keeps each status change', async () => {
    const p = await create();
    const a = await patch(`/api/partners/${p.id}`, { status: 'onboarding', version: 1 });
    expect(a.statusCode).toBe(200);
    const b = await patch(`/api/partners/${p.id}`, { status: 'active', statusNote: 'Contract signed', version: 2 });
    expect(b.json().status).toBe('active');
    const history = (await get(`/api/partners/${p.id}/status-history`)).json().items;
    expect(history.map((h: { fromStatus: string | null; toStatus: string }) => [h.fromStatus, h.toStatus])).toEqual([
      ['onboarding', 'active'],
      ['prospect', 'onboarding'],
      [null, 'prospect'],
    ]);
    expect(history[0].note).toBe('Contract signed');
    for (const h of history) expect(Number.isNaN(Date.parse(h.changedAt))).toBe(false);
    expect(Date.parse(b.json().statusChangedAt)).toBeGreaterThanOrEqual(Date.parse(p.statusChangedAt));
    // A stale write changes nothing.
    const stale = await patch(`/api/partners/${p.id}`, { status: 'paused', version: 2 });
    expect(stale.statusCode).toBe(409);
    expect((await get(`/api/partners/${p.id}`)).json().status).toBe('active');
  });

  it('filters, sorts and searches the list', async () => {
    const tag = `t${Date.now()}`;
    const a = await create({ name: name('Zeta'), types: ['distributor'], importance: 'key', country: 'DE', tags: [tag] });
    const b = await create({ name: name('Alpha'), types: ['cloud_service_provider'], importance: 'strategic', country: 'CH', tags: [tag] });
    const c = await create({ name: name('Mid'), types: ['software_vendor', 'distributor'], importance: 'standard', tags: [tag], status: 'active' });
    const ids = async (qs: string) => (await get(`/api/partners?tag=${tag}&${qs}`)).json().items.map((p: { id: string }) => p.id);
    expect(await ids('sort=name')).toEqual([b.id, c.id, a.id]);
    expect(await ids('sort=-name')).toEqual([a.id, c.id, b.id]);
    expect(await ids('sort=importance')).toEqual([b.id, a.id, c.id]);
    expect(await ids('type=distributor&sort=name')).toEqual([c.id, a.id]);
    expect(await ids('status=active')).toEqual([c.id]);
    expect(await ids('importance=key,strategic&sort=name')).toEqual([b.id, a.id]);
    expect(await ids('country=ch')).toEqual([b.id]);
    // The level filter and column come from the levels held in the partners' programmes, met or below.
    const hold = async (partnerId: string, levelName: string, archived = false) => {
      const prog = await makeProgram(t, { partnerId, archivedAt: archived ? new Date() : null });
      const level = await makeLevel(t, prog.id, 1, { name: levelName });
      await t.database.db.update(partnerProgram).set({ heldLevelId: level.id }).where(eq(partnerProgram.id, prog.id));
      return { prog, level };
    };
    const gold = await hold(a.id, 'Gold');
    await hold(b.id, 'Silver');
    await hold(c.id, 'Gold', true);
    expect(await ids('level=gold')).toEqual([a.id]);
    expect(await ids('level=GOLD&type=cloud_service_provider')).toEqual([]);
    expect(await ids('sort=level')).toEqual([c.id, a.id, b.id]);
    const listed = (await get(`/api/partners?tag=${tag}&sort=name`)).json().items as { id: string; heldLevels: unknown[] }[];
    expect(listed.find((p) => p.id === a.id)!.heldLevels).toEqual([
      { programId: gold.prog.id, programName: gold.prog.name, level: { id: gold.level.id, name: 'Gold', rank: 1 }, met: true },
    ]);
    expect(listed.find((p) => p.id === c.id)!.heldLevels).toEqual([]);
    expect(await ids(`q=${encodeURIComponent(b.name.slice(0, 8).toLowerCase())}`)).toEqual([b.id]);
    const page = (await get(`/api/partners?tag=${tag}&pageSize=2&page=2&sort=name`)).json();
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.items.map((p: { id: string }) => p.id)).toEqual([a.id]);
    expect((await get('/api/partners?sort=bogus')).statusCode).toBe(400);
    expect((await get('/api/partners?type=customer')).statusCode).toBe(400);
  });

  it('archive hides from lists but keeps the record and its history; restore brings it back', async () => {
    const tag = `arch${Date.now()}`;
    const p = await create({ tags: [tag] });
    const archived = await post(`/api/partners/${p.id}/archive`, { version: 1 });
    expect(archived.statusCode).toBe(200);
    expect((await get(`/api/partners?tag=${tag}`)).json().total).toBe(0);
    expect((await get(`/api/partners?tag=${tag}&archived=true`)).json().total).toBe(1);
    expect((await get(`/api/partners/${p.id}`)).json().archivedAt).not.toBeNull();
    const history = (await get(`/api/audit?entityType=partner&entityId=${p.id}`)).json().items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['archive', 'create']);
    // The name is free again for a new partner while the old one rests in the archive.
    expect((await post('/api/partners', { name: p.name, types: ['distributor'] })).statusCode).toBe(201);
    const restore = await post(`/api/partners/${p.id}/restore`, { version: 2 });
    expect(restore.statusCode).toBe(409);
    expect(restore.json().detail).toMatch(/already called/);
  });

  it('links a distributor to the vendors it represents', async () => {
    const vendor = await create({ types: ['software_vendor'] });
    const distributor = await create({ types: ['distributor'] });
    const linked = await post(`/api/partners/${distributor.id}/links`, { toPartnerId: vendor.id, kind: 'distributor_of' });
    expect(linked.statusCode).toBe(201);
    expect(linked.json().related).toEqual([expect.objectContaining({ kind: 'distributor_of', direction: 'outgoing', partner: { id: vendor.id, name: vendor.name } })]);
    expect((await get(`/api/partners/${vendor.id}`)).json().related).toEqual([
      expect.objectContaining({ kind: 'distributor_of', direction: 'incoming', partner: { id: distributor.id, name: distributor.name } }),
    ]);
    expect((await post(`/api/partners/${vendor.id}/links`, { toPartnerId: distributor.id, kind: 'distributor_of' })).statusCode).toBe(400);
    expect((await post(`/api/partners/${distributor.id}/links`, { toPartnerId: vendor.id, kind: 'distributor_of' })).statusCode).toBe(409);
  });

  it('merges two duplicates keeping every related record', async () => {
    const keep = await create({ tags: ['a'] });
    const dup = await create({ types: ['distributor'], tags: ['b'], website: 'https://dup.example' });
    const other = await create();
    const db = t.database.db;
    const [c] = await db.insert(contact).values({ partnerId: dup.id, firstName: 'Dana', lastName: 'Dup', isPrimary: true }).returning();
    const [k] = await db.insert(contact).values({ partnerId: keep.id, firstName: 'Kim', lastName: 'Keep', isPrimary: true }).returning();
    const [act] = await db
      .insert(activity)
      .values({ partnerId: dup.id, kind: 'call', occurredAt: new Date('2026-01-02T10:00:00Z'), summary: 'Call' })
      .returning();
    await db.insert(teamAssignment).values({ partnerId: dup.id, userId: as.member.id, role: 'sales' });
    await post(`/api/partners/${other.id}/links`, { toPartnerId: dup.id, kind: 'reseller_of' });
    await post(`/api/partners/${dup.id}/links`, { toPartnerId: keep.id, kind: 'reseller_of' });

    const merged = await post(`/api/partners/${keep.id}/merge`, { duplicateId: dup.id, version: keep.version });
    expect(merged.statusCode, merged.body).toBe(200);
    const m = merged.json();
    expect(m.types.sort()).toEqual(['distributor', 'software_vendor']);
    expect(m.tags.sort()).toEqual(['a', 'b']);
    expect(m.website).toBe('https://dup.example');
    expect(m.related).toEqual([expect.objectContaining({ kind: 'reseller_of', direction: 'incoming', partner: { id: other.id, name: other.name } })]);
    expect((await db.select().from(contact).where(eq(contact.id, c!.id)))[0]).toMatchObject({ partnerId: keep.id, isPrimary: false });
    expect((await db.select().from(contact).where(eq(contact.id, k!.id)))[0]!.isPrimary).toBe(true);
    expect((await db.select().from(activity).where(eq(activity.id, act!.id)))[0]!.partnerId).toBe(keep.id);
    expect(await db.select().from(teamAssignment).where(eq(teamAssignment.partnerId, keep.id))).toHaveLength(1);
    const [gone] = await db.select().from(partner).where(eq(partner.id, dup.id));
    expect(gone!.archivedAt).not.toBeNull();
    expect(gone!.mergedIntoId).toBe(keep.id);
    const [{ n: leftovers }] = (await t.database.query<{ n: string }>(
      `select (select count(*) from contact where partner_id = $1) + (select count(*) from activity where partner_id = $1) + (select count(*) from team_assignment where partner_id = $1) as n`,
      [dup.id],
    )) as [{ n: string }];
    expect(Number(leftovers)).toBe(0);
  });

  it('lets a as.member write only partners they own or are on the team of; a viewer only reads', async () => {
    const p = await create();
    expect((await patch(`/api/partners/${p.id}`, { strategy: 'Grow', version: 1 }, as.member)).statusCode).toBe(403);
    await t.database.db.insert(teamAssignment).values({ partnerId: p.id, userId: as.member.id, role: 'technical_lead' });
    expect((await patch(`/api/partners/${p.id}`, { strategy: 'Grow', version: 1 }, as.member)).statusCode).toBe(200);
    const own = await post('/api/partners', { name: name(), types: ['consultant_reseller'] }, as.member);
    expect(own.statusCode).toBe(201);
    expect(own.json().owner.id).toBe(as.member.id);
    expect((await get(`/api/partners/${p.id}`, as.viewer)).statusCode).toBe(200);
    expect((await patch(`/api/partners/${p.id}`, { strategy: 'Shrink', version: 2 }, as.viewer)).statusCode).toBe(403);
    expect((await post('/api/partners', { name: name(), types: ['distributor'] }, as.viewer)).statusCode).toBe(403);
  });

  it('records field-level changes in the audit trail', async () => {
    const p = await create({ strategy: 'Select' });
    await patch(`/api/partners/${p.id}`, { strategy: 'Advanced', tags: ['x'], version: 1 });
    const [latest] = (await get(`/api/audit?entityType=partner&entityId=${p.id}`)).json().items;
    expect(latest.changes).toEqual({ strategy: { from: 'Select', to: 'Advanced' }, tags: { from: [], to: ['x'] } });
  });
});
