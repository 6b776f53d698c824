import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/support/app.js';
import { actorsFor, requestsAs, type Actors } from '../../../../tests/support/actors.js';
import { addTeamMember, makeContact, makePartner } from '../../../../tests/support/factories.js';
import { activity, contact, partner } from '../../db/schema/index.js';
import { refreshLastContact } from '../partners/index.js';

let t: TestApp;
let as: Actors<'manager' | 'member' | 'viewer'>;

beforeAll(async () => {
  t = await createTestApp();
  as = await actorsFor(t, { roles: ['manager', 'member', 'viewer'] });
});
afterAll(() => t.close());

const { get, post, patch } = requestsAs(() => as.manager);

async function log(partnerId: string, body: Record<string, unknown> = {}, token = as.manager) {
  const res = await post('/api/activities', { partnerId, kind: 'meeting', occurredAt: '2026-03-01T10:00:00Z', summary: 'Quarterly sync', ...body }, token);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const lastContactOfPartner = async (id: string) =>
  (await t.database.db.select({ at: partner.lastContactAt }).from(partner).where(eq(partner.id, id)))[0]!.at?.toISOString() ?? null;
const lastContactOfContact = async (id: string) =>
  (await t.database.db.select({ at: contact.lastContactAt }).from(contact).where(eq(contact.id, id)))[0]!.at?.toISOString() ?? null;
const entriesOf = async (partnerId: string) => (await t.database.db.select({ id: activity.id }).from(activity).where(eq(activity.partnerId, partnerId))).length;

describe('timeline', () => {
  it('lists a partner’s entries newest first with people and contacts, and filters them', async () => {
    const p = await makePartner(t);
    const anna = await makeContact(t, p.id, { firstName: 'Anna', lastName: 'Meier' });
    const ben = await makeContact(t, p.id, { firstName: 'Ben', lastName: 'Keller' });
    const old = await log(p.id, { kind: 'call', occurredAt: '2026-01-10T09:00:00Z', summary: 'Intro call about Kubernetes reselling', contactIds: [anna.id] });
    const mid = await log(p.id, { kind: 'email', occurredAt: '2026-02-10T09:00:00Z', summary: 'Sent the price list', important: true, userIds: [as.member.id] });
    const recent = await log(p.id, {
      kind: 'meeting',
      occurredAt: '2026-03-10T09:00:00Z',
      summary: 'Joint roadmap workshop',
      outcome: 'Agreed on a webinar in May',
      userIds: [as.manager.id, as.member.id],
      contactIds: [anna.id, ben.id],
    });
    await log((await makePartner(t)).id, { summary: 'Someone else’s meeting' });

    const page = await get(`/api/activities?partnerId=${p.id}`, as.viewer);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().total).toBe(3);
    expect(page.json().items.map((a: { id: string }) => a.id)).toEqual([recent.id, mid.id, old.id]);
    const first = page.json().items[0];
    expect(first).toMatchObject({
      partner: { id: p.id, name: p.name },
      kind: 'meeting',
      summary: 'Joint roadmap workshop',
      outcome: 'Agreed on a webinar in May',
      important: false,
      version: 1,
    });
    expect(first.users.map((u: { id: string }) => u.id).sort()).toEqual([as.manager.id, as.member.id].sort());
    expect(first.contacts).toEqual([
      { id: ben.id, name: 'Ben Keller' },
      { id: anna.id, name: 'Anna Meier' },
    ]);
    expect(first.createdBy).toEqual({ id: as.manager.id, name: as.manager.name });

    const ids = async (query: string) => {
      const res = await get(`/api/activities?partnerId=${p.id}&${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((a: { id: string }) => a.id);
    };
    expect(await ids('sort=occurredAt')).toEqual([old.id, mid.id, recent.id]);
    expect(await ids('kind=call,email')).toEqual([mid.id, old.id]);
    expect(await ids('important=true')).toEqual([mid.id]);
    expect(await ids('important=false')).toEqual([recent.id, old.id]);
    expect(await ids(`contactId=${anna.id}`)).toEqual([recent.id, old.id]);
    expect(await ids(`userId=${as.member.id}`)).toEqual([recent.id, mid.id]);
    expect(await ids('from=2026-02-01T00:00:00Z&to=2026-03-01T00:00:00Z')).toEqual([mid.id]);
    expect(await ids('q=kube')).toEqual([old.id]);
    expect(await ids('q=webinar')).toEqual([recent.id]);
    expect(await ids('pageSize=1&page=2')).toEqual([mid.id]);

    const bad = await get('/api/activities?kind=lunch&from=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['querystring.from', 'querystring.kind.0']);
  });

  it('keeps last contact of the partner and of each contact in step on create, update, a moved date, archive and restore', async () => {
    const p = await makePartner(t);
    const anna = await makeContact(t, p.id);
    const ben = await makeContact(t, p.id);
    expect(await lastContactOfPartner(p.id)).toBeNull();

    const a = await log(p.id, { occurredAt: '2026-01-15T10:00:00Z', contactIds: [anna.id] });
    expect(await lastContactOfPartner(p.id)).toBe('2026-01-15T10:00:00.000Z');
    expect(await lastContactOfContact(anna.id)).toBe('2026-01-15T10:00:00.000Z');
    expect(await lastContactOfContact(ben.id)).toBeNull();

    const b = await log(p.id, { occurredAt: '2026-02-20T10:00:00Z', contactIds: [ben.id] });
    expect(await lastContactOfPartner(p.id)).toBe('2026-02-20T10:00:00.000Z');
    expect(await lastContactOfContact(anna.id)).toBe('2026-01-15T10:00:00.000Z');
    expect(await lastContactOfContact(ben.id)).toBe('2026-02-20T10:00:00.000Z');

    // Moving the newest entry back in time makes the other one the last contact.
    const moved = await patch(`/api/activities/${b.id}`, { occurredAt: '2025-12-01T10:00:00Z', version: b.version });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await lastContactOfPartner(p.id)).toBe('2026-01-15T10:00:00.000Z');
    expect(await lastContactOfContact(ben.id)).toBe('2025-12-01T10:00:00.000Z');

    // Swapping the contacts of an entry moves their last contact with it.
    const swapped = await patch(`/api/activities/${a.id}`, { contactIds: [ben.id], version: a.version });
    expect(swapped.statusCode, swapped.body).toBe(200);
    expect(swapped.json().contacts.map((c: { id: string }) => c.id)).toEqual([ben.id]);
    expect(await lastContactOfContact(anna.id)).toBeNull();
    expect(await lastContactOfContact(ben.id)).toBe('2026-01-15T10:00:00.000Z');

    const archived = await post(`/api/activities/${a.id}/archive`, { version: swapped.json().version });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json().archivedAt).not.toBeNull();
    expect(await lastContactOfPartner(p.id)).toBe('2025-12-01T10:00:00.000Z');
    expect(await lastContactOfContact(ben.id)).toBe('2025-12-01T10:00:00.000Z');
    expect((await get(`/api/activities?partnerId=${p.id}`)).json().items.map((x: { id: string }) => x.id)).toEqual([b.id]);
    expect((await get(`/api/activities?partnerId=${p.id}&archived=true`)).json().items.map((x: { id: string }) => x.id)).toEqual([a.id]);

    const restored = await post(`/api/activities/${a.id}/restore`, { version: archived.json().version });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(await lastContactOfPartner(p.id)).toBe('2026-01-15T10:00:00.000Z');
    expect(await lastContactOfContact(ben.id)).toBe('2026-01-15T10:00:00.000Z');

    // The partner's own version is untouched: logging a call must not make an open partner edit stale.
    expect((await t.database.db.select({ v: partner.version }).from(partner).where(eq(partner.id, p.id)))[0]!.v).toBe(p.version);

    const history = await get(`/api/audit?entityType=activity&entityId=${a.id}`);
    expect(history.json().items.map((e: { action: string }) => e.action)).toEqual(['restore', 'archive', 'update', 'create']);
    expect(history.json().items[2].changes.contactIds).toEqual({ from: [anna.id], to: [ben.id] });
  });

  it('refreshLastContact recomputes the given partners and contacts (for merges)', async () => {
    const p = await makePartner(t);
    const c = await makeContact(t, p.id);
    await log(p.id, { occurredAt: '2026-04-01T08:00:00Z', contactIds: [c.id] });
    await t.database.db.update(partner).set({ lastContactAt: null }).where(eq(partner.id, p.id));
    await t.database.db.update(contact).set({ lastContactAt: null }).where(eq(contact.id, c.id));
    await t.database.db.transaction((tx) => refreshLastContact(tx, { partnerIds: [p.id, p.id], contactIds: [c.id] }));
    expect(await lastContactOfPartner(p.id)).toBe('2026-04-01T08:00:00.000Z');
    expect(await lastContactOfContact(c.id)).toBe('2026-04-01T08:00:00.000Z');
    await refreshLastContact(t.database.db, {});
  });

  it('refuses a contact of another partner, or an unknown user, and writes nothing', async () => {
    const p = await makePartner(t);
    const theirs = await makeContact(t, null);
    const res = await post('/api/activities', { partnerId: p.id, kind: 'call', occurredAt: '2026-03-01T10:00:00Z', summary: 'Call', contactIds: [theirs.id] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('body.contactIds');
    expect(res.json().errors[0].message).toContain(theirs.id);
    const nobody = await post('/api/activities', { partnerId: p.id, kind: 'call', occurredAt: '2026-03-01T10:00:00Z', summary: 'Call', userIds: ['no-such-user'] });
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json().errors[0].path).toBe('body.userIds');
    const noPartner = await post('/api/activities', { partnerId: crypto.randomUUID(), kind: 'call', occurredAt: '2026-03-01T10:00:00Z', summary: 'Call' });
    expect(noPartner.statusCode).toBe(400);
    expect(noPartner.json().errors[0].path).toBe('body.partnerId');
    expect(await entriesOf(p.id)).toBe(0);
    expect(await lastContactOfPartner(p.id)).toBeNull();

    // The same check applies when an entry is edited.
    const entry = await log(p.id);
    const edit = await patch(`/api/activities/${entry.id}`, { contactIds: [theirs.id], version: entry.version });
    expect(edit.statusCode).toBe(400);
    expect(edit.json().errors[0].path).toBe('body.contactIds');
    expect((await get(`/api/activities/${entry.id}`)).json()).toMatchObject({ contacts: [], version: 1 });
  });

  it('rejects a summary over 2,000 characters, a 1 MB one, a missing one and a date without a time zone', async () => {
    const p = await makePartner(t);
    const base = { partnerId: p.id, kind: 'note', occurredAt: '2026-03-01T10:00:00Z' };
    for (const summary of ['x'.repeat(2_001), 'x'.repeat(1_048_576), '   ']) {
      const res = await post('/api/activities', { ...base, summary });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].path).toBe('body.summary');
    }
    const local = await post('/api/activities', { ...base, summary: 'Note', occurredAt: '2026-03-01T10:00:00' });
    expect(local.statusCode).toBe(400);
    expect(local.json().errors[0].path).toBe('body.occurredAt');
    expect((await post('/api/activities', { ...base, summary: 'x'.repeat(2_000) })).statusCode).toBe(201);
    expect(await entriesOf(p.id)).toBe(1);
  });

  it('a stale version gets 409 and changes nothing', async () => {
    const p = await makePartner(t);
    const entry = await log(p.id, { summary: 'First draft' });
    const ok = await patch(`/api/activities/${entry.id}`, { summary: 'Second draft', version: 1 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(2);
    const stale = await patch(`/api/activities/${entry.id}`, { summary: 'Lost update', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const staleArchive = await post(`/api/activities/${entry.id}/archive`, { version: 1 });
    expect(staleArchive.statusCode).toBe(409);
    expect((await get(`/api/activities/${entry.id}`)).json()).toMatchObject({ summary: 'Second draft', version: 2, archivedAt: null });
    expect((await patch(`/api/activities/${crypto.randomUUID()}`, { summary: 'x', version: 1 })).statusCode).toBe(404);
  });

  it('members write only for partners they own or are on the team of; viewers only read', async () => {
    const theirs = await makePartner(t);
    const owned = await makePartner(t, { ownerId: as.member.id });
    const onTeam = await makePartner(t);
    await addTeamMember(t, onTeam.id, as.member.id, 'technical_lead');

    const denied = await post('/api/activities', { partnerId: theirs.id, kind: 'call', occurredAt: '2026-03-01T10:00:00Z', summary: 'Call' }, as.member);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('forbidden');
    await log(owned.id, {}, as.member);
    const mine = await log(onTeam.id, {}, as.member);
    expect(mine.createdBy).toEqual({ id: as.member.id, name: as.member.name });

    const managers = await log(theirs.id);
    expect((await patch(`/api/activities/${managers.id}`, { summary: 'Mine now', version: 1 }, as.member)).statusCode).toBe(403);
    expect((await post(`/api/activities/${managers.id}/archive`, { version: 1 }, as.member)).statusCode).toBe(403);

    const viewerWrite = await post('/api/activities', { partnerId: owned.id, kind: 'call', occurredAt: '2026-03-01T10:00:00Z', summary: 'Call' }, as.viewer);
    expect(viewerWrite.statusCode).toBe(403);
    expect((await patch(`/api/activities/${mine.id}`, { summary: 'x', version: 1 }, as.viewer)).statusCode).toBe(403);
    expect((await get(`/api/activities/${mine.id}`, as.viewer)).statusCode).toBe(200);
    expect(await entriesOf(theirs.id)).toBe(1);
  });

  it('an archived partner’s timeline cannot be changed (409)', async () => {
    const p = await makePartner(t);
    const entry = await log(p.id);
    await t.database.db.update(partner).set({ archivedAt: new Date() }).where(eq(partner.id, p.id));
    const res = await post('/api/activities', { partnerId: p.id, kind: 'call', occurredAt: '2026-03-01T10:00:00Z', summary: 'Call' });
    expect(res.statusCode).toBe(409);
    expect((await patch(`/api/activities/${entry.id}`, { summary: 'x', version: 1 })).statusCode).toBe(409);
    expect(await entriesOf(p.id)).toBe(1);
  });
});
