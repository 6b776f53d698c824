import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { createTestApp, makeUser, type TestApp } from '../../../../tests/support/app.js';
import { actorsFor, requestsAs, type Actors } from '../../../../tests/support/actors.js';
import { addTeamMember, makePartner } from '../../../../tests/support/factories.js';
import { onboarding, partner, partnerStatusChange, task, user } from '../../db/schema/index.js';
import type { Actor } from '../../lib/policy.js';
import type { User } from '../../../shared/schemas/user.js';
import { addDays, daysBetween, zurichDate } from '../../../shared/days.js';
import { startOnboarding } from './onboarding.service.js';
import { seedDemoOnboardings } from './onboarding.demo.js';
import { ensureStarterPlaybooks } from '../playbooks/index.js';

let t: TestApp;
let as: Actors;

beforeAll(async () => {
  t = await createTestApp();
  as = await actorsFor(t);
});
afterAll(() => t.close());

const { get, post } = requestsAs(() => as.manager);
const actorOf = (u: User): Actor => ({ id: u.id, name: u.name, email: u.email, role: u.role, via: 'token' });

type Step = { title: string; ownerRole: string; dueAfterDays: number };
let seq = 0;
async function makePlaybook(
  steps: Step[] = [
    { title: 'NDA signed', ownerRole: 'owner', dueAfterDays: 7 },
    { title: 'Kickoff meeting held', ownerRole: 'sales', dueAfterDays: 30 },
  ],
) {
  const res = await post('/api/playbooks', { name: `Playbook ${process.pid}-${++seq}`, partnerType: 'software_vendor', steps }, as.admin);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; name: string; version: number };
}
async function start(partnerId: string, playbookId: string, startedOn?: string, token = as.manager) {
  const res = await post(`/api/partners/${partnerId}/onboarding`, { playbookId, ...(startedOn ? { startedOn } : {}) }, token);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const tasksOf = (onboardingId: string) => t.database.db.select().from(task).where(eq(task.onboardingId, onboardingId)).orderBy(asc(task.stepPosition));
const countRows = async (table: typeof task | typeof onboarding, partnerId: string) =>
  (
    await t.database.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(table)
      .where(eq(table.partnerId, partnerId))
  )[0]!.n;
const partnerRow = async (id: string) => (await t.database.db.select().from(partner).where(eq(partner.id, id)))[0]!;

describe('onboarding dates', () => {
  it('counts calendar days across month ends and leap years, and takes today in Zurich', () => {
    expect(addDays('2026-01-30', 30)).toBe('2026-03-01');
    expect(addDays('2026-01-31', 28)).toBe('2026-02-28');
    expect(addDays('2028-01-30', 30)).toBe('2028-02-29');
    expect(addDays('2027-12-31', 60)).toBe('2028-02-29');
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(addDays('2026-05-01', 730)).toBe('2028-04-30');
    expect(daysBetween('2026-02-01', '2026-03-01')).toBe(28);
    expect(daysBetween('2028-02-01', '2028-03-01')).toBe(29);
    // 23:30 UTC on 28 March is already 29 March in Zurich (00:30 CET, just before the clocks go forward).
    expect(zurichDate(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29');
    expect(zurichDate(new Date('2026-07-31T22:30:00Z'))).toBe('2026-08-01');
    expect(zurichDate(new Date('2026-07-31T21:30:00Z'))).toBe('2026-07-31');
  });
});

describe('starting an onboarding', () => {
  it('turns each step into a task due relative to the start, assigned by team role, and moves a prospect to onboarding', async () => {
    const owner = await makeUser(t, 'member', { name: 'Olga Owner' });
    const sales = await makeUser(t, 'member', { name: 'Sam Sales' });
    const laterSales = await makeUser(t, 'member', { name: 'Lea Later' });
    const gone = await makeUser(t, 'member', { name: 'Gina Gone' });
    await t.database.db.update(user).set({ deactivatedAt: new Date() }).where(eq(user.id, gone.id));
    const p = await makePartner(t, { status: 'prospect', ownerId: owner.id });
    await addTeamMember(t, p.id, gone.id, 'technical_lead');
    await addTeamMember(t, p.id, sales.id, 'sales');
    await addTeamMember(t, p.id, laterSales.id, 'sales');
    // Added a minute later for certain: two inserts in one millisecond would tie, and the name would decide.
    await t.database.query(`update team_assignment set created_at = created_at + interval '1 minute' where partner_id = $1 and user_id = $2`, [p.id, laterSales.id]);
    const pb = await makePlaybook([
      { title: 'NDA signed', ownerRole: 'owner', dueAfterDays: 0 },
      { title: 'Access to the partner’s portal', ownerRole: 'sales', dueAfterDays: 29 },
      { title: 'Partner agreement signed', ownerRole: 'owner', dueAfterDays: 30 },
      { title: 'Supplier risk assessed', ownerRole: 'technical_lead', dueAfterDays: 31 },
      { title: 'First business plan', ownerRole: 'sales', dueAfterDays: 365 },
      { title: 'Listed on our website', ownerRole: 'marketing', dueAfterDays: 730 },
    ]);

    const o = await start(p.id, pb.id, '2026-01-30');
    expect(o).toMatchObject({
      partner: { id: p.id, status: 'onboarding' },
      playbook: { id: pb.id, name: pb.name },
      status: 'in_progress',
      startedOn: '2026-01-30',
      startedBy: { id: as.manager.id, name: as.manager.name },
      completedAt: null,
      durationDays: null,
      override: null,
    });
    expect(o.progress).toEqual({ done: 0, total: 6, cancelled: 0 });
    expect(
      o.steps.map((s: { title: string; dueDate: string; assignee: { name: string }; ownerRole: string; status: string }) => [
        s.title,
        s.dueDate,
        s.ownerRole,
        s.assignee.name,
        s.status,
      ]),
    ).toEqual([
      ['NDA signed', '2026-01-30', 'owner', 'Olga Owner', 'open'],
      ['Access to the partner’s portal', '2026-02-28', 'sales', 'Sam Sales', 'open'],
      ['Partner agreement signed', '2026-03-01', 'owner', 'Olga Owner', 'open'],
      // The only technical lead is deactivated: the partner's owner takes the step.
      ['Supplier risk assessed', '2026-03-02', 'technical_lead', 'Olga Owner', 'open'],
      ['First business plan', '2027-01-30', 'sales', 'Sam Sales', 'open'],
      ['Listed on our website', '2028-01-30', 'marketing', 'Olga Owner', 'open'],
    ]);

    const rows = await tasksOf(o.id);
    expect(rows).toHaveLength(6);
    for (const r of rows)
      expect(r).toMatchObject({ subjectType: 'onboarding', subjectId: o.id, source: 'playbook', onboardingId: o.id, partnerId: p.id, createdBy: as.manager.id });
    expect(rows.map((r) => r.stepPosition)).toEqual([0, 1, 2, 3, 4, 5]);

    const after = await partnerRow(p.id);
    expect(after.status).toBe('onboarding');
    expect(after.version).toBe(p.version + 1);
    const changes = await t.database.db.select().from(partnerStatusChange).where(eq(partnerStatusChange.partnerId, p.id));
    expect(changes.map((c) => `${c.fromStatus}->${c.toStatus}`)).toEqual(['prospect->onboarding']);
    expect(changes[0]!.note).toContain(pb.name);
    const history = await get(`/api/audit?entityType=onboarding&entityId=${o.id}`);
    expect(history.json().items.map((e: { action: string }) => e.action)).toEqual(['create']);
    const taskHistory = await get(`/api/audit?entityType=task&entityId=${rows[0]!.id}`);
    expect(taskHistory.json().items.map((e: { action: string }) => e.action)).toEqual(['create']);
  });

  it('gives steps without a colleague in the role and no partner owner to whoever starts it; leap years count; an active partner stays active', async () => {
    const p = await makePartner(t, { status: 'active', ownerId: null });
    const pb = await makePlaybook([
      { title: 'Kickoff meeting held', ownerRole: 'sales', dueAfterDays: 30 },
      { title: 'Sync meeting series set up', ownerRole: 'owner', dueAfterDays: 60 },
    ]);
    const o = await start(p.id, pb.id, '2028-01-30');
    expect(o.steps.map((s: { dueDate: string; assignee: { id: string } }) => [s.dueDate, s.assignee.id])).toEqual([
      ['2028-02-29', as.manager.id],
      ['2028-03-30', as.manager.id],
    ]);
    expect((await partnerRow(p.id)).status).toBe('active');
  });

  it('starts today in Zurich when no date is given (the service takes the clock)', async () => {
    const p = await makePartner(t, { status: 'prospect' });
    const pb = await makePlaybook([{ title: 'NDA signed', ownerRole: 'owner', dueAfterDays: 30 }]);
    const o = await startOnboarding(t.database.db, p.id, { playbookId: pb.id }, actorOf(as.manager), new Date('2026-03-28T23:30:00Z'));
    expect(o.startedOn).toBe('2026-03-29');
    expect(o.steps[0]!.dueDate).toBe('2026-04-28');
  });

  it('refuses a second onboarding of the same partner with 409 and a clear message, writing nothing', async () => {
    const p = await makePartner(t, { status: 'prospect' });
    const pb = await makePlaybook();
    await start(p.id, pb.id, '2026-02-01');
    const other = await makePlaybook();
    const second = await post(`/api/partners/${p.id}/onboarding`, { playbookId: other.id });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('conflict');
    expect(second.json().detail).toContain('already being onboarded');
    expect(second.json().detail).toContain(pb.name);
    expect(await countRows(onboarding, p.id)).toBe(1);
    expect(await countRows(task, p.id)).toBe(2);
  });

  it('refuses an unknown or archived playbook, a malformed or impossible start date and an unknown partner, writing nothing', async () => {
    const p = await makePartner(t, { status: 'prospect' });
    const unknown = await post(`/api/partners/${p.id}/onboarding`, { playbookId: crypto.randomUUID() });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('body.playbookId');
    const archived = await makePlaybook();
    expect((await post(`/api/playbooks/${archived.id}/archive`, { version: 1 }, as.admin)).statusCode).toBe(200);
    const old = await post(`/api/partners/${p.id}/onboarding`, { playbookId: archived.id });
    expect(old.statusCode).toBe(400);
    expect(old.json().errors[0].path).toBe('body.playbookId');
    const pb = await makePlaybook();
    for (const startedOn of ['2026-02-30', '2027-02-29', '30.01.2026', '2026-01-30T10:00:00Z']) {
      const res = await post(`/api/partners/${p.id}/onboarding`, { playbookId: pb.id, startedOn });
      expect(res.statusCode, startedOn).toBe(400);
      expect(res.json().errors[0].path).toBe('body.startedOn');
    }
    expect((await post(`/api/partners/${p.id}/onboarding`, { playbookId: 'nope' })).json().errors[0].path).toBe('body.playbookId');
    expect((await post(`/api/partners/${crypto.randomUUID()}/onboarding`, { playbookId: pb.id })).statusCode).toBe(404);
    expect(await countRows(onboarding, p.id)).toBe(0);
    expect(await countRows(task, p.id)).toBe(0);
    expect((await partnerRow(p.id)).status).toBe('prospect');
  });

  it('members start onboardings only for partners they own or are on the team of; viewers not at all', async () => {
    const pb = await makePlaybook();
    const theirs = await makePartner(t, { status: 'prospect' });
    expect((await post(`/api/partners/${theirs.id}/onboarding`, { playbookId: pb.id }, as.member)).statusCode).toBe(403);
    expect((await post(`/api/partners/${theirs.id}/onboarding`, { playbookId: pb.id }, as.viewer)).statusCode).toBe(403);
    expect(await countRows(onboarding, theirs.id)).toBe(0);
    const mine = await makePartner(t, { status: 'prospect' });
    await addTeamMember(t, mine.id, as.member.id, 'sales');
    const o = await start(mine.id, pb.id, undefined, as.member);
    // The as.member holds the sales role; nobody owns the partner, so the owner step is theirs as the starter.
    expect(o.steps.map((s: { assignee: { id: string } }) => s.assignee.id)).toEqual([as.member.id, as.member.id]);
    expect((await get(`/api/partners/${mine.id}/onboarding`, as.viewer)).json().current.id).toBe(o.id);
  });
});

describe('demo onboardings', () => {
  it('gives partners in onboarding one in progress (past-due steps mostly done) and some active partners a completed one', { timeout: 120_000 }, async () => {
    const fresh = await createTestApp();
    try {
      const petra = await makeUser(fresh, 'manager', { name: 'Petra Partner' });
      await fresh.database.db.transaction((tx) => ensureStarterPlaybooks(tx, null));
      const pending = await makePartner(fresh, { status: 'onboarding', types: ['software_vendor'], ownerId: petra.id });
      const done = await makePartner(fresh, { status: 'active', types: ['distributor'], ownerId: petra.id });
      const now = new Date('2026-11-26T10:00:00Z');
      const made = await fresh.database.db.transaction((tx) => seedDemoOnboardings(tx, [pending.id, done.id], petra, now));
      expect(made).toBe(2);
      const rows = await fresh.database.db
        .select()
        .from(onboarding)
        .where(inArray(onboarding.partnerId, [pending.id, done.id]));
      const open = rows.find((r) => r.partnerId === pending.id)!;
      const closed = rows.find((r) => r.partnerId === done.id)!;
      expect(open.status).toBe('in_progress');
      expect(closed.status).toBe('completed');
      expect(closed.durationDays).toBeGreaterThanOrEqual(40);
      const steps = await fresh.database.db.select({ status: task.status }).from(task).where(eq(task.onboardingId, open.id));
      expect(steps.some((s) => s.status === 'done')).toBe(true);
      expect(steps.some((s) => s.status === 'open')).toBe(true);
      expect((await fresh.database.db.select({ status: partner.status }).from(partner).where(eq(partner.id, pending.id)))[0]!.status).toBe('onboarding');
    } finally {
      await fresh.close();
    }
  });
});
