import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityContact, auditLog, contact } from '../../db/schema/index.js';
import { CONTACT_ROLES } from '../../../shared/partners.js';
import { createTestApp, makeUser, type TestApp } from '../../../../tests/support/app.js';
import { actor, actorFor, type Actor } from '../../../../tests/support/actors.js';
import { addTeamMember, makeActivity, makeContact, makePartner, unique } from '../../../../tests/support/factories.js';

let t: TestApp;
let manager: Actor;
beforeAll(async () => {
  t = await createTestApp();
  manager = await actor(t, 'manager', { via: 'session' });
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PATCH';
const as = (who: Actor) => (method: Method, url: string, payload?: object) => who.inject({ method, url, ...(payload ? { payload } : {}) });
const api = (method: Method, url: string, payload?: object) => as(manager)(method, url, payload);
const contactsOf = (partnerId: string) => t.database.db.select().from(contact).where(eq(contact.partnerId, partnerId));
const auditOf = async (id: string) =>
  (await api('GET', `/api/audit?entityType=contact&entityId=${id}`)).json().items as { action: string; changes: Record<string, { from: unknown; to: unknown }> }[];
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe('contacts', () => {
  it('creates a contact, reads it back, and audits the creation', async () => {
    const p = await makePartner(t);
    const res = await api('POST', '/api/contacts', {
      partnerId: p.id,
      firstName: ' Anna ',
      lastName: 'Keller',
      title: 'Alliance Manager',
      role: 'partner_manager',
      influence: 'high',
      strength: 'good',
      email: 'Anna.Keller@Example.COM',
      phone: '+41 (44) 123-45-67',
      location: 'Zürich',
      notes: 'Prefers calls',
      isPrimary: true,
    });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      partner: { id: p.id, name: p.name },
      firstName: 'Anna',
      lastName: 'Keller',
      fullName: 'Anna Keller',
      email: 'anna.keller@example.com',
      role: 'partner_manager',
      influence: 'high',
      strength: 'good',
      isPrimary: true,
      leftAt: null,
      archivedAt: null,
      lastContactAt: null,
      version: 1,
    });
    expect(c).not.toHaveProperty('partnerId');
    expect((await api('GET', `/api/contacts/${c.id}`)).json()).toEqual(c);
    expect((await auditOf(c.id)).map((e) => e.action)).toEqual(['create']);
    expect((await api('GET', `/api/contacts/${crypto.randomUUID()}`)).statusCode).toBe(404);
  });

  it('lists the directory with filters, search, sorting and paging', async () => {
    const tag = unique('zq').replace(/\W/g, '');
    const a = await makePartner(t, { name: `Alpha ${tag}` });
    const b = await makePartner(t, { name: `Beta ${tag}` });
    await makeContact(t, a.id, { firstName: 'Zoe', lastName: `Adams ${tag}`, role: 'sales', lastContactAt: new Date('2026-01-10T10:00:00Z') });
    await makeContact(t, b.id, { firstName: 'Yann', lastName: `Brun ${tag}`, role: 'finance', email: `yann@${tag}.example` });
    await makeContact(t, a.id, { firstName: 'Xavi', lastName: `Cruz ${tag}`, title: `Head of ${tag}`, lastContactAt: new Date('2026-02-10T10:00:00Z') });
    await makeContact(t, b.id, { firstName: 'Will', lastName: `Dunn ${tag}`, role: 'sales', leftAt: daysAgo(3) });
    await makeContact(t, a.id, { firstName: 'Vera', lastName: `Eck ${tag}`, role: 'sales', archivedAt: new Date() });
    const names = async (query: string) => {
      const res = await api('GET', `/api/contacts?q=${tag}&${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { firstName: string }[]).map((i) => i.firstName);
    };
    expect(await names('')).toEqual(['Zoe', 'Yann', 'Xavi']);
    expect(await names('sort=-name')).toEqual(['Xavi', 'Yann', 'Zoe']);
    expect(await names('sort=partner')).toEqual(['Zoe', 'Xavi', 'Yann']);
    expect(await names('sort=-partner')).toEqual(['Yann', 'Zoe', 'Xavi']);
    expect(await names('sort=role')).toEqual(['Zoe', 'Yann', 'Xavi']);
    expect(await names('sort=-lastContactAt')).toEqual(['Xavi', 'Zoe', 'Yann']);
    expect(await names(`partnerId=${b.id}`)).toEqual(['Yann']);
    expect(await names('role=sales,unassigned')).toEqual(['Zoe', 'Xavi']);
    expect(await names('status=left')).toEqual(['Will']);
    expect(await names('status=all')).toEqual(['Zoe', 'Yann', 'Xavi', 'Will']);
    expect(await names('archived=true')).toEqual(['Vera']);
    expect(await names('archived=all&status=all')).toEqual(['Zoe', 'Yann', 'Xavi', 'Will', 'Vera']);
    // q looks in the name, the e-mail and the title, whatever the case.
    expect((await api('GET', `/api/contacts?q=${encodeURIComponent(`yANN@${tag}`)}`)).json().items).toHaveLength(1);
    expect((await api('GET', `/api/contacts?q=${encodeURIComponent(`HEAD OF ${tag}`)}`)).json().items[0].firstName).toBe('Xavi');
    expect((await api('GET', `/api/contacts?q=${encodeURIComponent(`xavi cruz ${tag}`)}`)).json().items[0].firstName).toBe('Xavi');

    const page2 = (await api('GET', `/api/contacts?q=${tag}&pageSize=2&page=2`)).json();
    expect(page2).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    expect(page2.items.map((i: { firstName: string }) => i.firstName)).toEqual(['Xavi']);
    expect(page2.items[0]).toMatchObject({
      partner: { id: a.id, name: a.name },
      fullName: `Xavi Cruz ${tag}`,
      lastContactAt: '2026-02-10T10:00:00.000Z',
      leftAt: null,
      isPrimary: false,
      version: 1,
    });

    const bad = await api('GET', '/api/contacts?role=emperor&status=gone');
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().errors.map((e: { path: string }) => e.path) as string[];
    expect(paths.some((x) => x.startsWith('querystring.role'))).toBe(true);
    expect(paths).toContain('querystring.status');
  });

  it('keeps one primary contact per partner, even under concurrent writes', async () => {
    const p = await makePartner(t);
    const first = (await api('POST', '/api/contacts', { partnerId: p.id, firstName: 'Ada', lastName: 'First', isPrimary: true })).json();
    const second = (await api('POST', '/api/contacts', { partnerId: p.id, firstName: 'Bea', lastName: 'Second', isPrimary: true })).json();
    expect(second.isPrimary).toBe(true);
    expect((await api('GET', `/api/contacts/${first.id}`)).json()).toMatchObject({ isPrimary: false, version: 2 });
    expect((await auditOf(first.id))[0]!.changes).toEqual({ isPrimary: { from: true, to: false } });

    const back = await api('PATCH', `/api/contacts/${first.id}`, { isPrimary: true, version: 2 });
    expect(back.json()).toMatchObject({ isPrimary: true, version: 3 });
    expect((await api('GET', `/api/contacts/${second.id}`)).json().isPrimary).toBe(false);

    await Promise.all(['C', 'D', 'E', 'F'].map((n) => api('POST', '/api/contacts', { partnerId: p.id, firstName: n, lastName: 'Race', isPrimary: true })));
    expect((await contactsOf(p.id)).filter((c) => c.isPrimary)).toHaveLength(1);
  });

  it('a contact who left stays in history but leaves the stakeholder map', async () => {
    const p = await makePartner(t);
    const sponsor = await makeContact(t, p.id, { firstName: 'Sam', role: 'executive_sponsor', influence: 'high', strength: 'strong', isPrimary: true });
    const other = await makeContact(t, p.id, { firstName: 'Olga', role: null });
    const meeting = await makeActivity(t, p.id, { contactIds: [sponsor.id] });

    const map = (await api('GET', `/api/partners/${p.id}/stakeholders`)).json();
    expect(map.partner).toEqual({ id: p.id, name: p.name });
    expect(map.groups.map((g: { role: string }) => g.role)).toEqual([...CONTACT_ROLES, 'unassigned']);
    const group = (m: typeof map, role: string) => m.groups.find((g: { role: string }) => g.role === role).contacts as { id: string }[];
    expect(group(map, 'executive_sponsor')).toEqual([expect.objectContaining({ id: sponsor.id, influence: 'high', strength: 'strong', isPrimary: true, lastContactAt: null })]);
    expect(group(map, 'unassigned').map((c) => c.id)).toEqual([other.id]);

    for (const nonsense of ['2026-02-30', 'next week']) {
      const bad = await api('PATCH', `/api/contacts/${sponsor.id}`, { leftAt: nonsense, version: 1 });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].path).toBe('body.leftAt');
    }

    const left = await api('PATCH', `/api/contacts/${sponsor.id}`, { leftAt: daysAgo(1), version: 1 });
    expect(left.statusCode, left.body).toBe(200);
    // Someone who left cannot remain the partner's primary contact.
    expect(left.json()).toMatchObject({ leftAt: daysAgo(1), isPrimary: false, version: 2 });
    expect(group((await api('GET', `/api/partners/${p.id}/stakeholders`)).json(), 'executive_sponsor')).toEqual([]);
    expect((await api('GET', `/api/contacts/${sponsor.id}`)).json().leftAt).toBe(daysAgo(1));
    expect((await api('GET', `/api/contacts?partnerId=${p.id}&status=left`)).json().items.map((c: { id: string }) => c.id)).toEqual([sponsor.id]);
    expect((await api('GET', `/api/contacts?partnerId=${p.id}`)).json().items.map((c: { id: string }) => c.id)).toEqual([other.id]);
    expect(await t.database.db.select().from(activityContact).where(eq(activityContact.activityId, meeting.id))).toEqual([{ activityId: meeting.id, contactId: sponsor.id }]);
    expect((await api('PATCH', `/api/contacts/${sponsor.id}`, { isPrimary: true, version: 2 })).json().errors[0].path).toBe('body.isPrimary');

    const returned = await api('PATCH', `/api/contacts/${sponsor.id}`, { leftAt: null, version: 2 });
    expect(returned.json()).toMatchObject({ leftAt: null, version: 3 });
    expect(group((await api('GET', `/api/partners/${p.id}/stakeholders`)).json(), 'executive_sponsor').map((c) => c.id)).toEqual([sponsor.id]);
    expect((await api('GET', `/api/partners/${crypto.randomUUID()}/stakeholders`)).statusCode).toBe(404);
  });

  it('a departure recorded ahead of time keeps the contact current until that day; then they have left', async () => {
    const p = await makePartner(t);
    const leaving = await makeContact(t, p.id, { firstName: 'Lena', role: 'sales', isPrimary: true });
    const announced = await api('PATCH', `/api/contacts/${leaving.id}`, { leftAt: daysAgo(-30), version: 1 });
    expect(announced.statusCode, announced.body).toBe(200);
    // Recording a departure, ahead or not, hands the primary role on: the successor can be named now.
    expect(announced.json()).toMatchObject({ leftAt: daysAgo(-30), hasLeft: false, isPrimary: false, version: 2 });
    const ids = async (query: string) => (await api('GET', `/api/contacts?partnerId=${p.id}${query}`)).json().items.map((c: { id: string }) => c.id);
    expect(await ids('')).toEqual([leaving.id]);
    expect(await ids('&status=current')).toEqual([leaving.id]);
    expect(await ids('&status=left')).toEqual([]);
    const sales = (await api('GET', `/api/partners/${p.id}/stakeholders`)).json().groups.find((g: { role: string }) => g.role === 'sales').contacts;
    expect(sales.map((c: { id: string }) => c.id)).toEqual([leaving.id]);

    // The day comes (here: the departure is moved to yesterday): they have left.
    const gone = await api('PATCH', `/api/contacts/${leaving.id}`, { leftAt: daysAgo(1), version: 2 });
    expect(gone.json()).toMatchObject({ hasLeft: true, version: 3 });
    expect(await ids('&status=current')).toEqual([]);
    expect(await ids('&status=left')).toEqual([leaving.id]);
    expect((await api('GET', `/api/partners/${p.id}/stakeholders`)).json().groups.find((g: { role: string }) => g.role === 'sales').contacts).toEqual([]);
  });

  it('archives instead of deleting: hidden from lists, kept for history, restorable', async () => {
    const p = await makePartner(t);
    const c = await makeContact(t, p.id, { role: 'sales', isPrimary: true });
    const meeting = await makeActivity(t, p.id, { contactIds: [c.id] });
    const archived = await api('POST', `/api/contacts/${c.id}/archive`, { version: 1 });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json()).toMatchObject({ archivedAt: expect.any(String), isPrimary: false, version: 2 });

    expect((await api('GET', `/api/contacts?partnerId=${p.id}`)).json().items).toEqual([]);
    expect((await api('GET', `/api/contacts?partnerId=${p.id}&archived=true`)).json().items.map((i: { id: string }) => i.id)).toEqual([c.id]);
    expect((await api('GET', `/api/partners/${p.id}/stakeholders`)).json().groups.flatMap((g: { contacts: unknown[] }) => g.contacts)).toEqual([]);
    expect((await api('GET', `/api/contacts/${c.id}`)).json().archivedAt).not.toBeNull();
    expect((await auditOf(c.id)).map((e) => e.action)).toEqual(['archive']);
    expect(await t.database.db.select().from(activityContact).where(eq(activityContact.activityId, meeting.id))).toHaveLength(1);

    expect((await api('PATCH', `/api/contacts/${c.id}`, { title: 'x', version: 2 })).statusCode).toBe(409);
    expect((await api('POST', `/api/contacts/${c.id}/archive`, { version: 2 })).statusCode).toBe(409);
    const stale = await api('POST', `/api/contacts/${c.id}/restore`, { version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const restored = await api('POST', `/api/contacts/${c.id}/restore`, { version: 2 });
    expect(restored.json()).toMatchObject({ archivedAt: null, version: 3 });
    expect((await api('GET', `/api/contacts?partnerId=${p.id}`)).json().items).toHaveLength(1);
  });

  it('merges a duplicate into the survivor and keeps every related record', async () => {
    const p = await makePartner(t);
    const survivor = await makeContact(t, p.id, { firstName: 'Eva', lastName: 'Brunner', title: 'CTO', lastContactAt: new Date('2026-01-01T09:00:00Z') });
    const duplicate = await makeContact(t, p.id, {
      firstName: 'Eva',
      lastName: 'Brunner',
      title: 'Chief Technology Officer',
      email: 'eva@example.com',
      phone: '+41 44 000 00 00',
      role: 'presales',
      isPrimary: true,
      lastContactAt: new Date('2026-03-01T09:00:00Z'),
    });
    // Stored last-contact values agree with the timeline, which the merge recomputes from.
    const onlyDuplicate = await makeActivity(t, p.id, { contactIds: [duplicate.id], overrides: { occurredAt: new Date('2026-03-01T09:00:00Z') } });
    const both = await makeActivity(t, p.id, { contactIds: [survivor.id, duplicate.id], overrides: { occurredAt: new Date('2026-02-01T09:00:00Z') } });
    const onlySurvivor = await makeActivity(t, p.id, { contactIds: [survivor.id], overrides: { occurredAt: new Date('2026-01-01T09:00:00Z') } });
    const earlier = await makeContact(t, p.id, { archivedAt: new Date(), mergedIntoId: duplicate.id });
    const links = async (activityId: string) => (await t.database.db.select().from(activityContact).where(eq(activityContact.activityId, activityId))).map((l) => l.contactId);

    const elsewhere = await makeContact(t, null);
    const cross = await api('POST', `/api/contacts/${survivor.id}/merge`, { duplicateId: elsewhere.id, version: 1 });
    expect(cross.statusCode).toBe(400);
    expect(cross.json().errors[0].path).toBe('body.duplicateId');
    expect((await api('POST', `/api/contacts/${survivor.id}/merge`, { duplicateId: survivor.id, version: 1 })).statusCode).toBe(400);
    expect((await api('POST', `/api/contacts/${survivor.id}/merge`, { duplicateId: crypto.randomUUID(), version: 1 })).json().errors[0].path).toBe('body.duplicateId');
    const stale = await api('POST', `/api/contacts/${survivor.id}/merge`, { duplicateId: duplicate.id, version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(await links(onlyDuplicate.id)).toEqual([duplicate.id]);

    const res = await api('POST', `/api/contacts/${survivor.id}/merge`, { duplicateId: duplicate.id, version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    // Empty fields filled from the duplicate, own values kept, the newer last contact wins.
    expect(res.json()).toMatchObject({
      id: survivor.id,
      title: 'CTO',
      email: 'eva@example.com',
      phone: '+41 44 000 00 00',
      role: 'presales',
      isPrimary: true,
      lastContactAt: '2026-03-01T09:00:00.000Z',
      version: 2,
    });
    expect(await links(onlyDuplicate.id)).toEqual([survivor.id]);
    expect(await links(both.id)).toEqual([survivor.id]);
    expect(await links(onlySurvivor.id)).toEqual([survivor.id]);
    const dup = (await api('GET', `/api/contacts/${duplicate.id}`)).json();
    expect(dup).toMatchObject({ archivedAt: expect.any(String), mergedIntoId: survivor.id, isPrimary: false, email: 'eva@example.com' });
    expect((await api('GET', `/api/contacts/${earlier.id}`)).json().mergedIntoId).toBe(survivor.id);

    const [kept] = await auditOf(survivor.id);
    expect(kept!.action).toBe(`merge:${duplicate.id}`);
    expect(kept!.changes.activityIds!.to).toEqual([onlyDuplicate.id, both.id, onlySurvivor.id].sort());
    const [gone] = await auditOf(duplicate.id);
    expect(gone!.action).toBe(`merged-into:${survivor.id}`);
    expect(gone!.changes.mergedIntoId).toEqual({ from: null, to: survivor.id });
    expect((await api('POST', `/api/contacts/${duplicate.id}/restore`, { version: dup.version })).statusCode).toBe(409);
  });

  it('a stale version gets 409 and changes nothing', async () => {
    const c = await makeContact(t, null, { title: 'CTO' });
    expect((await api('PATCH', `/api/contacts/${c.id}`, { title: 'CEO', version: 1 })).json()).toMatchObject({ title: 'CEO', version: 2 });
    const stale = await api('PATCH', `/api/contacts/${c.id}`, { title: 'CFO', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json().code).toBe('version_conflict');
    expect((await api('GET', `/api/contacts/${c.id}`)).json()).toMatchObject({ title: 'CEO', version: 2 });
    expect((await auditOf(c.id)).map((e) => e.action)).toEqual(['update']);
  });

  it('bad input gets 400 naming the field, and nothing is written', async () => {
    const p = await makePartner(t);
    const ok = { partnerId: p.id, firstName: 'Valid', lastName: 'Person' };
    const audited = async () => (await t.database.db.select().from(auditLog).where(eq(auditLog.entityType, 'contact'))).length;
    const auditedBefore = await audited();
    const cases: [object, string][] = [
      [{ email: 'not-an-email' }, 'body.email'],
      [{ phone: 'call me maybe' }, 'body.phone'],
      [{ phone: '+41' }, 'body.phone'],
      [{ role: 'emperor' }, 'body.role'],
      [{ influence: 'huge' }, 'body.influence'],
      [{ notes: 'x'.repeat(1_048_576) }, 'body.notes'],
      [{ title: 'x'.repeat(1_048_576) }, 'body.title'],
      [{ firstName: '   ' }, 'body.firstName'],
      [{ lastName: 'Line\nbreak' }, 'body.lastName'],
      [{ partnerId: crypto.randomUUID() }, 'body.partnerId'],
      [{ partnerId: 'nope' }, 'body.partnerId'],
      [{ favouriteColour: 'blue' }, 'body'],
    ];
    for (const [patch, path] of cases) {
      const res = await api('POST', '/api/contacts', { ...ok, ...patch });
      const label = `${JSON.stringify(patch).slice(0, 60)}: ${res.body.slice(0, 300)}`;
      expect(res.statusCode, label).toBe(400);
      expect(res.headers['content-type'], label).toContain('application/problem+json');
      expect(
        res.json().errors.map((e: { path: string }) => e.path),
        label,
      ).toContain(path);
    }
    expect(await contactsOf(p.id)).toEqual([]);
    expect(await audited()).toBe(auditedBefore);

    const c = await makeContact(t, p.id, { email: 'keep@example.com' });
    const patch = await api('PATCH', `/api/contacts/${c.id}`, { email: 'broken@', version: 1 });
    expect(patch.json().errors[0].path).toBe('body.email');
    expect((await api('PATCH', `/api/contacts/${c.id}`, { partnerId: crypto.randomUUID(), version: 1 })).statusCode).toBe(400);
    expect((await api('GET', `/api/contacts/${c.id}`)).json()).toMatchObject({ email: 'keep@example.com', version: 1 });
    // Blank optional fields mean "none".
    expect((await api('PATCH', `/api/contacts/${c.id}`, { email: '', phone: ' ', version: 1 })).json()).toMatchObject({ email: null, phone: null, version: 2 });

    const gone = await makePartner(t, { archivedAt: new Date() });
    const archived = await api('POST', '/api/contacts', { ...ok, partnerId: gone.id });
    expect(archived.statusCode).toBe(409);
    expect(await contactsOf(gone.id)).toEqual([]);
    // Only the one good PATCH above left a trace.
    expect(await audited()).toBe(auditedBefore + 1);
  });

  it('members write contacts only of partners they own or are on the team of; viewers only read', async () => {
    const memberUser = await makeUser(t, 'member');
    const member = await actorFor(t, memberUser, 'session');
    const viewer = await actor(t, 'viewer', { via: 'session' });
    const mine = await makePartner(t, { ownerId: memberUser.id });
    const team = await makePartner(t);
    await addTeamMember(t, team.id, memberUser.id, 'technical_lead');
    const theirs = await makePartner(t);
    const theirContact = await makeContact(t, theirs.id);
    const body = (partnerId: string) => ({ partnerId, firstName: 'Mo', lastName: 'Member' });

    const own = await as(member)('POST', '/api/contacts', body(mine.id));
    expect(own.statusCode, own.body).toBe(201);
    expect((await as(member)('PATCH', `/api/contacts/${own.json().id}`, { title: 'VP', version: 1 })).statusCode).toBe(200);
    expect((await as(member)('POST', '/api/contacts', body(team.id))).statusCode).toBe(201);

    for (const res of [
      await as(member)('POST', '/api/contacts', body(theirs.id)),
      await as(member)('PATCH', `/api/contacts/${theirContact.id}`, { title: 'VP', version: 1 }),
      await as(member)('POST', `/api/contacts/${theirContact.id}/archive`, { version: 1 }),
      await as(member)('POST', `/api/contacts/${own.json().id}/merge`, { duplicateId: theirContact.id, version: 2 }),
      await as(viewer)('POST', '/api/contacts', body(mine.id)),
      await as(viewer)('PATCH', `/api/contacts/${theirContact.id}`, { title: 'VP', version: 1 }),
      await as(viewer)('POST', `/api/contacts/${theirContact.id}/archive`, { version: 1 }),
    ]) {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().code).toBe('forbidden');
    }
    expect(await contactsOf(theirs.id)).toEqual([theirContact]);

    for (const url of ['/api/contacts', `/api/contacts/${theirContact.id}`, `/api/partners/${theirs.id}/stakeholders`, '/api/contacts/export', '/api/contacts/export.vcf']) {
      expect((await as(viewer)('GET', url)).statusCode, url).toBe(200);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/contacts' })).statusCode).toBe(401);
    // An API token writes without the CSRF header a cookie session needs.
    const viaToken = await (await actor(t, 'manager')).post('/api/contacts', body(theirs.id));
    expect(viaToken.statusCode).toBe(201);
  });
});
