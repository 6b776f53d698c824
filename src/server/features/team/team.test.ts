import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, makeUser, tokenFor, type TestApp } from '../../../../tests/support/app.js';
import { actorsFor, requestsAs, type Actors } from '../../../../tests/support/actors.js';
import { addTeamMember, makePartner } from '../../../../tests/support/factories.js';
import { partner, teamAssignment } from '../../db/schema/index.js';

let t: TestApp;
let as: Actors<'manager' | 'member' | 'viewer'>;

beforeAll(async () => {
  t = await createTestApp();
  as = await actorsFor(t, { roles: ['manager', 'member', 'viewer'] });
});
afterAll(() => t.close());

const { get, post, del } = requestsAs(() => as.manager);
const teamSize = async (partnerId: string) => (await t.database.db.select().from(teamAssignment).where(eq(teamAssignment.partnerId, partnerId))).length;

describe('our team on a partner', () => {
  it('adds and removes colleagues with roles, refuses duplicates, and keeps it in the partner’s history', async () => {
    const p = await makePartner(t);
    const sales = await makeUser(t, 'member', { name: 'Sara Sales' });
    const tech = await makeUser(t, 'member', { name: 'Tom Tech' });

    const added = await post(`/api/partners/${p.id}/team`, { userId: sales.id, role: 'sales' });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ user: { id: sales.id, name: 'Sara Sales', email: sales.email, active: true }, role: 'sales' });
    expect((await post(`/api/partners/${p.id}/team`, { userId: tech.id, role: 'technical_lead' })).statusCode).toBe(201);
    // The same person may hold a second role.
    expect((await post(`/api/partners/${p.id}/team`, { userId: sales.id, role: 'owner' })).statusCode).toBe(201);

    const dup = await post(`/api/partners/${p.id}/team`, { userId: sales.id, role: 'sales' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].path).toBe('body.userId');
    expect(await teamSize(p.id)).toBe(3);

    const team = await get(`/api/partners/${p.id}/team`, as.viewer);
    expect(team.statusCode).toBe(200);
    expect(team.json().items.map((a: { user: { name: string }; role: string }) => `${a.user.name}:${a.role}`)).toEqual([
      'Sara Sales:owner',
      'Sara Sales:sales',
      'Tom Tech:technical_lead',
    ]);

    const removed = await del(`/api/partners/${p.id}/team/${added.json().id}`);
    expect(removed.statusCode).toBe(204);
    expect(await teamSize(p.id)).toBe(2);
    expect((await del(`/api/partners/${p.id}/team/${added.json().id}`)).statusCode).toBe(404);
    // An assignment is only reachable through its own partner.
    const other = await makePartner(t);
    const techAssignment = (await get(`/api/partners/${p.id}/team`)).json().items.find((a: { role: string }) => a.role === 'technical_lead');
    expect((await del(`/api/partners/${other.id}/team/${techAssignment.id}`)).statusCode).toBe(404);

    const history = await get(`/api/audit?entityType=partner&entityId=${p.id}`);
    expect(history.json().items.map((e: { action: string }) => e.action)).toEqual(['team-remove', 'team-add', 'team-add', 'team-add']);
    expect(history.json().items[0].changes.teamUserId).toEqual({ from: sales.id, to: null });
    expect(history.json().items[0].changes.teamRole).toEqual({ from: 'sales', to: null });
  });

  it('refuses unknown and deactivated users and unknown roles (400), an unknown partner (404) and an archived one (409)', async () => {
    const p = await makePartner(t);
    const gone = await makeUser(t, 'member');
    const admin = await tokenFor(t, await makeUser(t, 'admin'));
    expect((await post(`/api/users/${gone.id}/deactivate`, { version: gone.version }, admin)).statusCode).toBe(200);
    for (const userId of ['no-such-user', gone.id]) {
      const res = await post(`/api/partners/${p.id}/team`, { userId, role: 'sales' });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].path).toBe('body.userId');
    }
    const role = await post(`/api/partners/${p.id}/team`, { userId: as.member.id, role: 'emperor' });
    expect(role.statusCode).toBe(400);
    expect(role.json().errors[0].path).toBe('body.role');
    expect((await post(`/api/partners/${crypto.randomUUID()}/team`, { userId: as.member.id, role: 'sales' })).statusCode).toBe(404);
    expect((await get(`/api/partners/${crypto.randomUUID()}/team`)).statusCode).toBe(404);
    const archived = await makePartner(t, { archivedAt: new Date() });
    expect((await post(`/api/partners/${archived.id}/team`, { userId: as.member.id, role: 'sales' })).statusCode).toBe(409);
    expect(await teamSize(p.id)).toBe(0);
  });

  it('members change only the teams of partners they own or are on; viewers only read', async () => {
    const theirs = await makePartner(t);
    const mine = await makePartner(t);
    await addTeamMember(t, mine.id, as.member.id, 'sales');
    const colleague = await makeUser(t, 'member');

    const denied = await post(`/api/partners/${theirs.id}/team`, { userId: as.member.id, role: 'sales' }, as.member);
    expect(denied.statusCode).toBe(403);
    expect(await teamSize(theirs.id)).toBe(0);
    const ok = await post(`/api/partners/${mine.id}/team`, { userId: colleague.id, role: 'marketing' }, as.member);
    expect(ok.statusCode).toBe(201);

    expect((await post(`/api/partners/${mine.id}/team`, { userId: colleague.id, role: 'sales' }, as.viewer)).statusCode).toBe(403);
    expect((await del(`/api/partners/${mine.id}/team/${ok.json().id}`, as.viewer)).statusCode).toBe(403);
    const managersAssignment = await post(`/api/partners/${theirs.id}/team`, { userId: colleague.id, role: 'sales' });
    expect((await del(`/api/partners/${theirs.id}/team/${managersAssignment.json().id}`, as.member)).statusCode).toBe(403);
    expect(await teamSize(theirs.id)).toBe(1);
  });
});

describe('colleagues', () => {
  it('lists active colleagues for pickers, filtered by name or e-mail', async () => {
    const zoe = await makeUser(t, 'finance', { name: 'Zoë Zwicky' });
    const gone = await makeUser(t, 'member', { name: 'Zoltan Gone' });
    const admin = await tokenFor(t, await makeUser(t, 'admin'));
    await post(`/api/users/${gone.id}/deactivate`, { version: gone.version }, admin);

    const res = await get('/api/colleagues?q=zo', as.viewer);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([{ id: zoe.id, name: 'Zoë Zwicky', email: zoe.email, role: 'finance', active: true }]);
    expect(res.json().total).toBe(1);
    const all = await get('/api/colleagues?pageSize=100');
    expect(all.json().items.some((u: { id: string }) => u.id === gone.id)).toBe(false);
  });

  it('a colleague’s page lists the partners they work on with their roles, and those they own', async () => {
    const colleague = await makeUser(t, 'member', { name: 'Colin Colleague' });
    const alpha = await makePartner(t, { name: 'Alpha Cloud AG', status: 'active', importance: 'strategic' });
    const beta = await makePartner(t, { name: 'Beta Software GmbH', status: 'onboarding', importance: 'key', ownerId: colleague.id });
    const old = await makePartner(t, { name: 'Old Partner', archivedAt: new Date() });
    await addTeamMember(t, alpha.id, colleague.id, 'sales');
    await addTeamMember(t, alpha.id, colleague.id, 'technical_lead');
    await addTeamMember(t, beta.id, colleague.id, 'owner');
    await addTeamMember(t, old.id, colleague.id, 'sales');

    const res = await get(`/api/colleagues/${colleague.id}`, as.viewer);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.user).toMatchObject({ id: colleague.id, name: 'Colin Colleague', role: 'member', active: true });
    expect(page.assignments.map((a: { partner: { name: string }; role: string }) => `${a.partner.name}:${a.role}`)).toEqual([
      'Alpha Cloud AG:sales',
      'Alpha Cloud AG:technical_lead',
      'Beta Software GmbH:owner',
    ]);
    expect(page.assignments[0].partner).toEqual({ id: alpha.id, name: 'Alpha Cloud AG', status: 'active', importance: 'strategic' });
    expect(page.owned).toEqual([{ id: beta.id, name: 'Beta Software GmbH' }]);
    expect((await get('/api/colleagues/no-such-user')).statusCode).toBe(404);
    // Owning is the partner's owner field, not a team role.
    await t.database.db.update(partner).set({ ownerId: null }).where(eq(partner.id, beta.id));
    expect((await get(`/api/colleagues/${colleague.id}`)).json().owned).toEqual([]);
  });
});
