import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { createTestApp, makeUser, type TestApp } from '../../../../tests/support/app.js';
import { actorsFor, requestsAs, type Actors } from '../../../../tests/support/actors.js';
import { addTeamMember, makeContact, makePartner, unique } from '../../../../tests/support/factories.js';
import { meetingOccurrence, notification, onboarding, task, taskComment, user } from '../../db/schema/index.js';

// The onboarding feature reacts to its step tasks; here we only check that it is told, and when.
const hook = vi.hoisted(() => ({ calls: [] as string[][] }));
vi.mock('./tasks.hooks.js', () => ({
  onOnboardingStepsChanged: () => {},
  afterOnboardingTasksChanged: async (_tx: unknown, ids: string[]) => {
    hook.calls.push([...ids].sort());
  },
}));

let t: TestApp;
let as: Actors<'manager' | 'member' | 'viewer'>;

beforeAll(async () => {
  t = await createTestApp();
  as = await actorsFor(t, { roles: ['manager', 'member', 'viewer'] });
});
afterAll(() => t.close());

const { get, post, patch } = requestsAs(() => as.manager);

async function create(body: Record<string, unknown>, token = as.manager) {
  const res = await post('/api/tasks', { title: unique('Task'), ...body }, token);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const tasksTitled = async (title: string) => (await t.database.db.select({ id: task.id }).from(task).where(eq(task.title, title))).length;
const statusOf = async (ids: string[]) =>
  Object.fromEntries((await t.database.db.select({ id: task.id, status: task.status }).from(task).where(inArray(task.id, ids))).map((r) => [r.id, r.status]));

async function makeMeeting(partnerId: string) {
  const [row] = await t.database.db
    .insert(meetingOccurrence)
    .values({ partnerId, title: 'Kickoff', startsAt: new Date('2026-03-05T09:00:00Z'), endsAt: new Date('2026-03-05T10:00:00Z') })
    .returning();
  return row!;
}
async function makeOnboarding(partnerId: string) {
  const [row] = await t.database.db.insert(onboarding).values({ partnerId, playbookName: 'Software vendor', startedOn: '2026-03-01' }).returning();
  return row!;
}

describe('tasks', () => {
  it('tells a colleague in their inbox when someone else gives them a task, once, and not when they take one themselves', async () => {
    const p = await makePartner(t, { name: unique('Acme') });
    const inbox = async (userId: string) => (await t.database.db.select().from(notification).where(eq(notification.userId, userId))).filter((n) => n.kind === 'task_assigned');
    const before = (await inbox(as.member.id)).length;
    const managerBefore = (await inbox(as.manager.id)).length;

    const given = await create({ subject: { type: 'partner', id: p.id }, assigneeId: as.member.id, dueDate: '2026-12-01' });
    const mine = await inbox(as.member.id);
    expect(mine.length).toBe(before + 1);
    expect(mine.find((n) => n.title.endsWith(given.title))).toMatchObject({ link: `/partners/${p.id}/tasks`, body: 'Due 2026-12-01', readAt: null });

    // Taken by themselves: nothing to tell. Handed back to them later: already told.
    await create({ subject: { type: 'partner', id: p.id }, assigneeId: as.manager.id });
    expect((await inbox(as.manager.id)).length).toBe(managerBefore);
    const moved = await patch(`/api/tasks/${given.id}`, { version: given.version, assigneeId: as.manager.id });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await inbox(as.manager.id)).length).toBe(managerBefore);
    const back = await patch(`/api/tasks/${given.id}`, { version: moved.json().version, assigneeId: as.member.id });
    expect(back.statusCode, back.body).toBe(200);
    expect((await inbox(as.member.id)).length).toBe(before + 1);
  });

  it('links a task to a partner, a contact, a meeting or an onboarding, and derives its partner from the subject', async () => {
    const p = await makePartner(t, { name: unique('Acme') });
    const anna = await makeContact(t, p.id, { firstName: 'Anna', lastName: 'Meier' });
    const meeting = await makeMeeting(p.id);
    const ob = await makeOnboarding(p.id);
    const colleague = await makeUser(t, 'member', { name: 'Cora Colleague' });

    const onPartner = await create({
      title: 'Send the price list',
      description: 'Both editions',
      subject: { type: 'partner', id: p.id },
      assigneeId: colleague.id,
      dueDate: '2026-12-01',
      priority: 'high',
    });
    expect(onPartner).toMatchObject({
      title: 'Send the price list',
      description: 'Both editions',
      subject: { type: 'partner', id: p.id, name: p.name },
      partner: { id: p.id, name: p.name },
      assignee: { id: colleague.id, name: 'Cora Colleague' },
      dueDate: '2026-12-01',
      priority: 'high',
      status: 'open',
      source: 'manual',
      completedAt: null,
      createdBy: { id: as.manager.id, name: as.manager.name },
      comments: [],
      version: 1,
    });
    const onContact = await create({ subject: { type: 'contact', id: anna.id } });
    expect(onContact).toMatchObject({ subject: { type: 'contact', id: anna.id, name: 'Anna Meier' }, partner: { id: p.id } });
    // Without an assignee the creator takes it.
    expect(onContact.assignee).toEqual({ id: as.manager.id, name: as.manager.name });
    const onMeeting = await create({ subject: { type: 'meeting', id: meeting.id }, assigneeId: null });
    expect(onMeeting).toMatchObject({
      subject: { type: 'meeting', id: meeting.id, name: 'Kickoff, 05.03.2026' },
      partner: { id: p.id },
      assignee: null,
      meetingOccurrenceId: meeting.id,
    });
    const onOnboarding = await create({ subject: { type: 'onboarding', id: ob.id } });
    expect(onOnboarding).toMatchObject({ subject: { type: 'onboarding', name: 'Software vendor' }, partner: { id: p.id }, onboardingId: ob.id });
    const personal = await create({ title: 'Read the partner program guide' });
    expect(personal).toMatchObject({ subject: null, partner: null });

    const list = await get(`/api/tasks?partnerId=${p.id}&sort=createdAt`, as.viewer);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((x: { id: string }) => x.id)).toEqual([onPartner.id, onContact.id, onMeeting.id, onOnboarding.id]);
    expect((await get(`/api/tasks/${onPartner.id}`, as.viewer)).json()).toMatchObject({ id: onPartner.id, commentCount: 0, comments: [] });
    expect((await get(`/api/tasks/${crypto.randomUUID()}`)).statusCode).toBe(404);

    const trail = await get(`/api/audit?entityType=task&entityId=${onPartner.id}`);
    expect(trail.json().items.map((e: { action: string }) => e.action)).toEqual(['create']);
  });

  it('refuses an unknown or deactivated assignee, an unknown subject, a 1 MB title and a bad date with 400 naming the field, and writes nothing', async () => {
    const p = await makePartner(t);
    const gone = await makeUser(t, 'member');
    await t.database.db.update(user).set({ deactivatedAt: new Date() }).where(eq(user.id, gone.id));
    const title = unique('Rejected');
    const cases: [Record<string, unknown>, string][] = [
      [{ assigneeId: 'no-such-user' }, 'body.assigneeId'],
      [{ assigneeId: gone.id }, 'body.assigneeId'],
      [{ subject: { type: 'partner', id: crypto.randomUUID() } }, 'body.subject'],
      [{ subject: { type: 'contact', id: crypto.randomUUID() } }, 'body.subject'],
      [{ subject: { type: 'meeting', id: p.id } }, 'body.subject'],
      [{ subject: { type: 'deal', id: p.id } }, 'body.subject.type'],
      [{ dueDate: '2026-02-30' }, 'body.dueDate'],
      [{ dueDate: '1 Dec' }, 'body.dueDate'],
      [{ priority: 'whenever' }, 'body.priority'],
    ];
    for (const [body, path] of cases) {
      const res = await post('/api/tasks', { title, subject: { type: 'partner', id: p.id }, ...body });
      expect(res.statusCode, `${JSON.stringify(body)}: ${res.body}`).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors[0].path).toBe(path);
    }
    for (const big of ['x'.repeat(1_048_576), 'x'.repeat(201), '  ']) {
      const res = await post('/api/tasks', { title: big, subject: { type: 'partner', id: p.id } });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].path).toBe('body.title');
    }
    expect(await tasksTitled(title)).toBe(0);
    expect((await get(`/api/tasks?partnerId=${p.id}`)).json().total).toBe(0);

    // The same checks hold for a change.
    const ok = await create({ subject: { type: 'partner', id: p.id } });
    const bad = await patch(`/api/tasks/${ok.id}`, { assigneeId: 'no-such-user', title: 'Changed', version: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.assigneeId');
    expect((await get(`/api/tasks/${ok.id}`)).json()).toMatchObject({ title: ok.title, version: 1 });
  });

  it('filters by assignee (me), partner, status, due dates, overdue and subject, and pages', async () => {
    const p = await makePartner(t);
    const c = await makeContact(t, p.id);
    const mine = await create({ subject: { type: 'partner', id: p.id }, assigneeId: as.member.id, dueDate: '2020-01-10' });
    const later = await create({ subject: { type: 'contact', id: c.id }, assigneeId: as.member.id, dueDate: '2099-06-01' });
    const managers = await create({ subject: { type: 'partner', id: p.id }, dueDate: '2020-01-20', status: 'done' });
    const noDate = await create({ subject: { type: 'partner', id: p.id }, assigneeId: null });

    const ids = async (query: string, token = as.manager) => {
      const res = await get(`/api/tasks?partnerId=${p.id}&${query}`, token);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((x: { id: string }) => x.id);
    };
    expect(await ids('assigneeId=me', as.member)).toEqual([mine.id, later.id]);
    expect(await ids(`assigneeId=${as.manager.id}`)).toEqual([managers.id]);
    expect(await ids('assigneeId=none')).toEqual([noDate.id]);
    expect(await ids('status=done')).toEqual([managers.id]);
    expect(await ids('status=open,in_progress')).toEqual([mine.id, later.id, noDate.id]);
    expect(await ids('dueBefore=2020-01-20')).toEqual([mine.id]);
    expect(await ids('dueAfter=2020-01-10')).toEqual([managers.id, later.id]);
    // A done task is never overdue, however old its due date.
    expect(await ids('overdue=true')).toEqual([mine.id]);
    expect(await ids('overdue=false')).toEqual([managers.id, later.id, noDate.id]);
    expect((await get(`/api/tasks/${mine.id}`)).json().overdue).toBe(true);
    expect(await ids(`subjectType=contact&subjectId=${c.id}`)).toEqual([later.id]);
    expect(await ids('sort=-dueDate')).toEqual([later.id, managers.id, mine.id, noDate.id]);
    expect(await ids('sort=status')).toEqual([mine.id, later.id, noDate.id, managers.id]);
    const page = await get(`/api/tasks?partnerId=${p.id}&pageSize=2&page=2`);
    expect(page.json()).toMatchObject({ page: 2, pageSize: 2, total: 4 });
    expect(page.json().items.map((x: { id: string }) => x.id)).toEqual([later.id, noDate.id]);

    const bad = await get('/api/tasks?status=finished&dueBefore=tomorrow');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['querystring.dueBefore', 'querystring.status.0']);
  });

  it('status changes set and clear completion; a stale version gets 409 and changes nothing', async () => {
    const p = await makePartner(t);
    const a = await create({ subject: { type: 'partner', id: p.id } });
    const started = await patch(`/api/tasks/${a.id}`, { status: 'in_progress', version: 1 });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json()).toMatchObject({ status: 'in_progress', completedAt: null, version: 2 });
    const done = await patch(`/api/tasks/${a.id}`, { status: 'done', version: 2 });
    expect(done.json()).toMatchObject({ status: 'done', completedBy: { id: as.manager.id }, version: 3 });
    expect(done.json().completedAt).not.toBeNull();
    const reopened = await patch(`/api/tasks/${a.id}`, { status: 'open', version: 3 });
    expect(reopened.json()).toMatchObject({ status: 'open', completedAt: null, completedBy: null, version: 4 });

    const stale = await patch(`/api/tasks/${a.id}`, { title: 'Lost update', status: 'done', version: 3 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    expect((await get(`/api/tasks/${a.id}`)).json()).toMatchObject({ title: a.title, status: 'open', version: 4 });
    expect((await patch(`/api/tasks/${crypto.randomUUID()}`, { title: 'x', version: 1 })).statusCode).toBe(404);

    const trail = (await get(`/api/audit?entityType=task&entityId=${a.id}`)).json().items;
    expect(trail.map((e: { action: string }) => e.action)).toEqual(['update', 'update', 'update', 'create']);
    expect(trail[1].changes.status).toEqual({ from: 'in_progress', to: 'done' });
  });

  it('members change tasks assigned to or created by them, or on partners they may edit; viewers only read', async () => {
    const owned = await makePartner(t, { ownerId: as.member.id });
    const onTeam = await makePartner(t);
    await addTeamMember(t, onTeam.id, as.member.id, 'sales');
    const theirs = await makePartner(t);

    // Creating: on partners they may edit, or personal.
    expect((await post('/api/tasks', { title: 'x', subject: { type: 'partner', id: theirs.id } }, as.member)).statusCode).toBe(403);
    const own = await create({ subject: { type: 'partner', id: owned.id } }, as.member);
    await create({ subject: { type: 'partner', id: onTeam.id }, assigneeId: as.manager.id }, as.member);
    await create({ title: 'Personal note' }, as.member);
    expect(own.createdBy.id).toBe(as.member.id);

    const assignedToMember = await create({ subject: { type: 'partner', id: theirs.id }, assigneeId: as.member.id });
    const managersOwn = await create({ subject: { type: 'partner', id: theirs.id } });
    const onTheirTeam = await create({ subject: { type: 'partner', id: onTeam.id } });

    expect((await patch(`/api/tasks/${assignedToMember.id}`, { status: 'done', version: 1 }, as.member)).statusCode).toBe(200);
    expect((await patch(`/api/tasks/${onTheirTeam.id}`, { priority: 'urgent', version: 1 }, as.member)).statusCode).toBe(200);
    const denied = await patch(`/api/tasks/${managersOwn.id}`, { title: 'Mine now', version: 1 }, as.member);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('forbidden');
    // Moving one's own task onto a partner one may not edit is refused too.
    expect((await patch(`/api/tasks/${own.id}`, { subject: { type: 'partner', id: theirs.id }, version: 1 }, as.member)).statusCode).toBe(403);

    expect((await post('/api/tasks', { title: 'x' }, as.viewer)).statusCode).toBe(403);
    expect((await patch(`/api/tasks/${managersOwn.id}`, { title: 'x', version: 1 }, as.viewer)).statusCode).toBe(403);
    expect((await get(`/api/tasks/${managersOwn.id}`, as.viewer)).json()).toMatchObject({ title: managersOwn.title, version: 1 });
  });

  it('completes several tasks at once, all or nothing', async () => {
    const p = await makePartner(t);
    const [a, b, c] = [
      await create({ subject: { type: 'partner', id: p.id } }),
      await create({ subject: { type: 'partner', id: p.id } }),
      await create({ subject: { type: 'partner', id: p.id } }),
    ];

    const unknown = await post('/api/tasks/complete', { ids: [a.id, crypto.randomUUID()] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('body.ids');
    expect(await statusOf([a.id, b.id])).toEqual({ [a.id]: 'open', [b.id]: 'open' });

    // The as.member may complete a (assigned to them), not b: nothing changes.
    await patch(`/api/tasks/${a.id}`, { assigneeId: as.member.id, version: 1 });
    const notAllowed = await post('/api/tasks/complete', { ids: [a.id, b.id] }, as.member);
    expect(notAllowed.statusCode).toBe(403);
    expect(await statusOf([a.id, b.id])).toEqual({ [a.id]: 'open', [b.id]: 'open' });
    expect((await post('/api/tasks/complete', { ids: [] })).statusCode).toBe(400);

    await patch(`/api/tasks/${c.id}`, { status: 'done', version: 1 });
    const done = await post('/api/tasks/complete', { ids: [a.id, b.id, c.id] });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().items.map((x: { id: string; status: string }) => [x.id, x.status])).toEqual([
      [a.id, 'done'],
      [b.id, 'done'],
      [c.id, 'done'],
    ]);
    expect(done.json().items[0].completedBy).toEqual({ id: as.manager.id, name: as.manager.name });
    // A task that was done already keeps its version: nothing happened to it.
    expect(done.json().items[2].version).toBe(2);
    const trail = (await get(`/api/audit?entityType=task&entityId=${b.id}`)).json().items;
    expect(trail[0]).toMatchObject({ action: 'complete', changes: { status: { from: 'open', to: 'done' } } });
  });

  it('tells the onboarding when its step tasks change status, and only then', async () => {
    const p = await makePartner(t);
    const ob = await makeOnboarding(p.id);
    const step = await create({ subject: { type: 'onboarding', id: ob.id } });
    const other = await create({ subject: { type: 'partner', id: p.id } });
    hook.calls.length = 0;
    await patch(`/api/tasks/${step.id}`, { title: 'Renamed step', version: 1 });
    expect(hook.calls).toEqual([]);
    await patch(`/api/tasks/${step.id}`, { status: 'done', version: 2 });
    expect(hook.calls).toEqual([[ob.id]]);
    await post('/api/tasks/complete', { ids: [other.id] });
    expect(hook.calls).toEqual([[ob.id]]);
    await patch(`/api/tasks/${step.id}`, { status: 'open', version: 3 });
    await post('/api/tasks/complete', { ids: [step.id, other.id] });
    expect(hook.calls).toEqual([[ob.id], [ob.id], [ob.id]]);
  });

  it('moving a task to another subject derives its meeting and onboarding from the new subject, and tells the onboarding it left', async () => {
    const p = await makePartner(t);
    const q = await makePartner(t);
    const meeting = await makeMeeting(p.id);
    const ob = await makeOnboarding(p.id);
    const c = await makeContact(t, q.id);
    const action = await create({ subject: { type: 'meeting', id: meeting.id } });
    expect(action).toMatchObject({ meetingOccurrenceId: meeting.id, onboardingId: null });
    const step = await create({ subject: { type: 'onboarding', id: ob.id } });
    await t.database.db.update(task).set({ stepPosition: 2 }).where(eq(task.id, step.id));
    const row = async (id: string) => (await t.database.db.select().from(task).where(eq(task.id, id)))[0]!;

    // The meeting's action item moves to a contact of another partner: no longer that meeting's.
    const a = await patch(`/api/tasks/${action.id}`, { subject: { type: 'contact', id: c.id }, version: 1 });
    expect(a.statusCode, a.body).toBe(200);
    expect(await row(action.id)).toMatchObject({ subjectType: 'contact', subjectId: c.id, partnerId: q.id, meetingOccurrenceId: null, onboardingId: null });

    // The onboarding's step moves to the meeting: no step any more, and the onboarding hears of it.
    hook.calls.length = 0;
    const b = await patch(`/api/tasks/${step.id}`, { subject: { type: 'meeting', id: meeting.id }, version: 1 });
    expect(b.statusCode, b.body).toBe(200);
    expect(await row(step.id)).toMatchObject({ subjectType: 'meeting', meetingOccurrenceId: meeting.id, onboardingId: null, stepPosition: null });
    expect(hook.calls).toEqual([[ob.id]]);

    // And back onto the onboarding: a task of it again, told again; a subject left out drops both.
    const back = await patch(`/api/tasks/${step.id}`, { subject: { type: 'onboarding', id: ob.id }, version: 2 });
    expect(back.json()).toMatchObject({ onboardingId: ob.id, meetingOccurrenceId: null });
    expect(hook.calls).toEqual([[ob.id], [ob.id]]);
    const none = await patch(`/api/tasks/${step.id}`, { subject: null, version: 3 });
    expect(none.statusCode, none.body).toBe(200);
    expect(await row(step.id)).toMatchObject({ subjectType: null, partnerId: null, meetingOccurrenceId: null, onboardingId: null });
  });

  it('keeps comments on a task, oldest first, for everyone to read; viewers cannot comment', async () => {
    const p = await makePartner(t);
    const a = await create({ subject: { type: 'partner', id: p.id } });
    const first = await post(`/api/tasks/${a.id}/comments`, { body: 'Asked their legal team.' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ body: 'Asked their legal team.', author: { id: as.manager.id, name: as.manager.name } });
    expect((await post(`/api/tasks/${a.id}/comments`, { body: 'Signed copy is in the drive.' }, as.member)).statusCode).toBe(201);

    const list = await get(`/api/tasks/${a.id}/comments`, as.viewer);
    expect(list.json().items.map((c: { body: string; author: { id: string } }) => [c.body, c.author.id])).toEqual([
      ['Asked their legal team.', as.manager.id],
      ['Signed copy is in the drive.', as.member.id],
    ]);
    expect((await get(`/api/tasks/${a.id}`)).json()).toMatchObject({ commentCount: 2, comments: [{ body: 'Asked their legal team.' }, { body: 'Signed copy is in the drive.' }] });

    expect((await post(`/api/tasks/${a.id}/comments`, { body: 'x' }, as.viewer)).statusCode).toBe(403);
    const empty = await post(`/api/tasks/${a.id}/comments`, { body: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].path).toBe('body.body');
    expect((await post(`/api/tasks/${crypto.randomUUID()}/comments`, { body: 'x' })).statusCode).toBe(404);
    expect((await t.database.db.select().from(taskComment).where(eq(taskComment.taskId, a.id))).length).toBe(2);
    expect((await get(`/api/audit?entityType=task&entityId=${a.id}`)).json().items[0]).toMatchObject({ action: 'comment' });
  });
});
