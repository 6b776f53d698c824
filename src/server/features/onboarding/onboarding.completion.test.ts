import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { bearer, createTestApp, type TestApp } from '../../../../tests/support/app.js';
import { actorsFor, requestsAs, type Actors } from '../../../../tests/support/actors.js';
import { addTeamMember, makePartner } from '../../../../tests/support/factories.js';
import { onboarding, partner, partnerStatusChange, task } from '../../db/schema/index.js';
import type { Actor } from '../../lib/policy.js';
import type { User } from '../../../shared/schemas/user.js';
import { addDays, zurichDate } from '../../../shared/days.js';
import { afterOnboardingTasksChanged } from './onboarding.hooks.js';

let t: TestApp;
let as: Actors<'admin' | 'manager' | 'member'>;

beforeAll(async () => {
  t = await createTestApp();
  as = await actorsFor(t, { roles: ['admin', 'manager', 'member'] });
});
afterAll(() => t.close());

const { get, post } = requestsAs(() => as.manager);
const actorOf = (u: User): Actor => ({ id: u.id, name: u.name, email: u.email, role: u.role, via: 'token' });

let seq = 0;
async function makePlaybook(steps = ['NDA signed', 'Kickoff meeting held', 'Listed on our website']) {
  const res = await post(
    '/api/playbooks',
    { name: `Playbook ${process.pid}-${++seq}`, partnerType: 'distributor', steps: steps.map((title, i) => ({ title, ownerRole: 'owner', dueAfterDays: (i + 1) * 10 })) },
    as.admin,
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; name: string };
}
async function onboard(status: 'prospect' | 'onboarding' = 'prospect', startedOn = '2026-01-30', steps?: string[]) {
  const p = await makePartner(t, { status });
  const pb = await makePlaybook(steps);
  const res = await post(`/api/partners/${p.id}/onboarding`, { playbookId: pb.id, startedOn });
  expect(res.statusCode, res.body).toBe(201);
  const o = res.json();
  return { p, pb, o, taskIds: (o.steps as { taskId: string }[]).map((s) => s.taskId) };
}

/** Step tasks changed as the tasks service changes them, then the hook it calls, on a frozen clock. */
async function setSteps(onboardingId: string, taskIds: string[], status: 'done' | 'cancelled' | 'open', now: Date, by: User = as.manager) {
  await t.database.db.transaction(async (tx) => {
    await tx
      .update(task)
      .set({ status, completedAt: status === 'done' ? now : null, completedBy: status === 'done' ? by.id : null, version: sql`${task.version} + 1` })
      .where(inArray(task.id, taskIds));
    await afterOnboardingTasksChanged(tx, [onboardingId], actorOf(by), now);
  });
}
const onboardingRow = async (id: string) => (await t.database.db.select().from(onboarding).where(eq(onboarding.id, id)))[0]!;
const partnerRow = async (id: string) => (await t.database.db.select().from(partner).where(eq(partner.id, id)))[0]!;
const statusChanges = async (partnerId: string) =>
  t.database.db.select().from(partnerStatusChange).where(eq(partnerStatusChange.partnerId, partnerId)).orderBy(asc(partnerStatusChange.changedAt));

describe('completing an onboarding', () => {
  it('completes when every step task is done: records the days it took (Zurich) and makes the partner active with a dated status change', async () => {
    const { p, o, taskIds } = await onboard('prospect', '2026-01-30');
    await setSteps(o.id, taskIds.slice(0, 2), 'done', new Date('2026-02-10T09:00:00Z'));
    expect((await onboardingRow(o.id)).status).toBe('in_progress');
    expect((await get(`/api/onboardings/${o.id}`)).json().progress).toEqual({ done: 2, total: 3, cancelled: 0 });

    // 23:15 UTC on 1 March is 2 March in Zurich: 31 days after 30 January.
    const doneAt = new Date('2026-03-01T23:15:00Z');
    await setSteps(o.id, taskIds.slice(2), 'done', doneAt);
    const row = await onboardingRow(o.id);
    expect(row).toMatchObject({ status: 'completed', durationDays: 31, overrideBy: null, overrideReason: null, version: 2 });
    expect(row.completedAt?.toISOString()).toBe(doneAt.toISOString());
    expect((await partnerRow(p.id)).status).toBe('active');
    // The frozen clock dates the change before the real one that started it: compare as a set.
    const changes = await statusChanges(p.id);
    expect(changes.map((c) => `${c.fromStatus}->${c.toStatus}`).sort()).toEqual(['onboarding->active', 'prospect->onboarding']);
    const activated = changes.find((c) => c.toStatus === 'active')!;
    expect(activated.changedAt.toISOString()).toBe(doneAt.toISOString());
    expect(activated.changedBy).toBe(as.manager.id);
    expect(activated.note).toContain('31 days');

    const read = (await get(`/api/partners/${p.id}/onboarding`)).json();
    expect(read.current).toBeNull();
    expect(read.past).toHaveLength(1);
    expect(read.past[0]).toMatchObject({
      id: o.id,
      status: 'completed',
      durationDays: 31,
      progress: { done: 3, total: 3, cancelled: 0 },
      nextStep: null,
      overdueSteps: 0,
      partner: { status: 'active' },
    });
    const audit = (await get(`/api/audit?entityType=onboarding&entityId=${o.id}`)).json().items;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['complete', 'create']);
    expect(audit[0].changes.durationDays).toEqual({ from: null, to: 31 });
    const partnerAudit = (await get(`/api/audit?entityType=partner&entityId=${p.id}`)).json().items;
    expect(partnerAudit[0].changes.status).toEqual({ from: 'onboarding', to: 'active' });

    // Reopening a step later leaves the completed onboarding and the active partner alone.
    await setSteps(o.id, taskIds.slice(0, 1), 'open', new Date('2026-03-05T09:00:00Z'));
    expect((await onboardingRow(o.id)).status).toBe('completed');
    expect((await partnerRow(p.id)).status).toBe('active');
  });

  it('completing the steps through the tasks API (bulk, then the last one) completes it and makes the partner active', async () => {
    const startedOn = addDays(zurichDate(new Date()), -5);
    const { p, o, taskIds } = await onboard('prospect', startedOn);
    const bulk = await post('/api/tasks/complete', { ids: taskIds.slice(0, 2) });
    expect(bulk.statusCode, bulk.body).toBe(200);
    expect((await get(`/api/onboardings/${o.id}`)).json()).toMatchObject({ status: 'in_progress', progress: { done: 2, total: 3 } });
    const last = await post('/api/tasks/complete', { ids: [taskIds[2]] });
    expect(last.statusCode, last.body).toBe(200);
    const done = (await get(`/api/onboardings/${o.id}`)).json();
    expect(done).toMatchObject({ status: 'completed', durationDays: 5, partner: { status: 'active' }, progress: { done: 3, total: 3 } });
    expect((await partnerRow(p.id)).status).toBe('active');
  });

  it('a step task moved to another subject stops counting as a step; moved onto another onboarding it counts there', async () => {
    const { p, o, taskIds } = await onboard('prospect', '2026-03-01');
    const other = await onboard('prospect', '2026-03-01', ['Only step']);
    const taskOf = async (id: string) => (await get(`/api/tasks/${id}`)).json();
    const patch = (id: string, payload: object) => t.app.inject({ method: 'PATCH', url: `/api/tasks/${id}`, headers: bearer(as.manager.token), payload });

    // The second step now hangs off the partner itself.
    const moved = await patch(taskIds[1]!, { subject: { type: 'partner', id: p.id }, version: (await taskOf(taskIds[1]!)).version });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ subject: { type: 'partner', id: p.id }, onboardingId: null });
    expect((await t.database.db.select().from(task).where(eq(task.id, taskIds[1]!)))[0]).toMatchObject({ onboardingId: null, stepPosition: null });
    const after = (await get(`/api/onboardings/${o.id}`)).json();
    expect(after.progress).toEqual({ done: 0, total: 2, cancelled: 0 });
    expect(after.steps.map((st: { taskId: string }) => st.taskId)).toEqual([taskIds[0], taskIds[2]]);
    // Done, it completes nothing: it is no step of that onboarding any more.
    await post('/api/tasks/complete', { ids: [taskIds[1]] });
    expect((await get(`/api/onboardings/${o.id}`)).json().progress).toEqual({ done: 0, total: 2, cancelled: 0 });

    // The third step moves onto the other partner's onboarding: a step there, no longer here.
    const onto = await patch(taskIds[2]!, { subject: { type: 'onboarding', id: other.o.id }, version: (await taskOf(taskIds[2]!)).version });
    expect(onto.statusCode, onto.body).toBe(200);
    expect(onto.json()).toMatchObject({ onboardingId: other.o.id, partner: { id: other.p.id } });
    expect((await get(`/api/onboardings/${o.id}`)).json().progress).toEqual({ done: 0, total: 1, cancelled: 0 });
    expect((await get(`/api/onboardings/${other.o.id}`)).json().progress).toEqual({ done: 0, total: 2, cancelled: 0 });

    // With its one remaining step done, the first onboarding completes and its partner becomes active.
    await post('/api/tasks/complete', { ids: [taskIds[0]] });
    expect((await get(`/api/onboardings/${o.id}`)).json()).toMatchObject({ status: 'completed', progress: { done: 1, total: 1 } });
  });

  it('moving the last open step away completes an onboarding whose other steps are done', async () => {
    const { p, o, taskIds } = await onboard('prospect', '2026-03-01');
    await post('/api/tasks/complete', { ids: taskIds.slice(0, 2) });
    expect((await onboardingRow(o.id)).status).toBe('in_progress');
    const version = (await get(`/api/tasks/${taskIds[2]}`)).json().version;
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/tasks/${taskIds[2]}`,
      headers: bearer(as.manager.token),
      payload: { subject: { type: 'partner', id: p.id }, version },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await get(`/api/onboardings/${o.id}`)).json()).toMatchObject({ status: 'completed', progress: { done: 2, total: 2 } });
    expect((await partnerRow(p.id)).status).toBe('active');
  });

  it('cancelled steps need no doing; an onboarding whose steps are all cancelled stays in progress', async () => {
    const { p, o, taskIds } = await onboard('onboarding', '2026-03-01');
    await setSteps(o.id, [taskIds[1]!], 'cancelled', new Date('2026-03-02T09:00:00Z'));
    expect((await get(`/api/onboardings/${o.id}`)).json().progress).toEqual({ done: 0, total: 2, cancelled: 1 });
    await setSteps(o.id, [taskIds[0]!, taskIds[2]!], 'done', new Date('2026-03-11T09:00:00Z'));
    expect(await onboardingRow(o.id)).toMatchObject({ status: 'completed', durationDays: 10 });
    expect((await partnerRow(p.id)).status).toBe('active');

    const nothing = await onboard('prospect', '2026-03-01', ['Only step']);
    await setSteps(nothing.o.id, nothing.taskIds, 'cancelled', new Date('2026-03-02T09:00:00Z'));
    expect((await onboardingRow(nothing.o.id)).status).toBe('in_progress');
    expect((await partnerRow(nothing.p.id)).status).toBe('onboarding');
  });

  it('a Partner Manager completes it early with a reason: the partner becomes active, open steps stay open; members may not', async () => {
    const { p, o, taskIds } = await onboard('prospect', '2026-01-30');
    await setSteps(o.id, [taskIds[0]!], 'done', new Date('2026-02-01T09:00:00Z'));
    const fresh = (await get(`/api/onboardings/${o.id}`)).json();
    await addTeamMember(t, p.id, as.member.id, 'owner');
    expect((await post(`/api/onboardings/${o.id}/complete`, { reason: 'Contract signed, rest follows', version: fresh.version }, as.member)).statusCode).toBe(403);
    const noReason = await post(`/api/onboardings/${o.id}/complete`, { reason: '  ', version: fresh.version });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('body.reason');
    expect((await post(`/api/onboardings/${o.id}/complete`, { reason: 'x', version: fresh.version + 5 })).statusCode).toBe(409);
    expect((await onboardingRow(o.id)).status).toBe('in_progress');

    const res = await post(`/api/onboardings/${o.id}/complete`, { reason: 'Contract signed, rest follows', version: fresh.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'completed',
      override: { by: { id: as.manager.id, name: as.manager.name }, reason: 'Contract signed, rest follows' },
      progress: { done: 1, total: 3 },
      partner: { status: 'active' },
    });
    expect(res.json().durationDays).toBeGreaterThanOrEqual(0);
    expect(res.json().steps.map((s: { status: string }) => s.status)).toEqual(['done', 'open', 'open']);
    expect((await partnerRow(p.id)).status).toBe('active');
    const change = (await statusChanges(p.id)).find((c) => c.toStatus === 'active')!;
    expect(change.note).toContain('Contract signed, rest follows');

    const again = await post(`/api/onboardings/${o.id}/complete`, { reason: 'Twice', version: res.json().version });
    expect(again.statusCode).toBe(409);
    const audit = (await get(`/api/audit?entityType=onboarding&entityId=${o.id}`)).json().items;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['complete-override', 'create']);
    // Doing the remaining steps later changes nothing more.
    await setSteps(o.id, taskIds.slice(1), 'done', new Date('2026-04-01T09:00:00Z'));
    expect(await onboardingRow(o.id)).toMatchObject({ status: 'completed', overrideReason: 'Contract signed, rest follows' });
  });

  it('cancelling stops the onboarding and cancels its open steps; the partner keeps its status and may be onboarded again', async () => {
    const { p, o, taskIds } = await onboard('prospect', '2026-01-30');
    await setSteps(o.id, [taskIds[0]!], 'done', new Date('2026-02-01T09:00:00Z'));
    const version = (await onboardingRow(o.id)).version;
    expect((await post(`/api/onboardings/${o.id}/cancel`, { version }, as.member)).statusCode).toBe(403);
    const res = await post(`/api/onboardings/${o.id}/cancel`, { version, reason: 'Wrong playbook' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', completedAt: null, progress: { done: 1, total: 1, cancelled: 2 } });
    expect(res.json().steps.map((s: { status: string }) => s.status)).toEqual(['done', 'cancelled', 'cancelled']);
    expect((await partnerRow(p.id)).status).toBe('onboarding');
    expect((await post(`/api/onboardings/${o.id}/cancel`, { version: res.json().version })).statusCode).toBe(409);
    const audit = (await get(`/api/audit?entityType=onboarding&entityId=${o.id}`)).json().items;
    expect(audit[0]).toMatchObject({ action: 'cancel' });
    expect(audit[0].changes.reason).toEqual({ from: null, to: 'Wrong playbook' });
    expect((await get(`/api/audit?entityType=task&entityId=${taskIds[1]}`)).json().items[0].changes.status).toEqual({ from: 'open', to: 'cancelled' });

    const pb = await makePlaybook();
    const again = await post(`/api/partners/${p.id}/onboarding`, { playbookId: pb.id });
    expect(again.statusCode, again.body).toBe(201);
    const both = (await get(`/api/partners/${p.id}/onboarding`)).json();
    expect(both.current.id).toBe(again.json().id);
    expect(both.past.map((x: { id: string }) => x.id)).toEqual([o.id]);
  });
});

describe('onboardings in progress', () => {
  it('lists every onboarding in progress with progress, the next step due and overdue steps, and the average time completed ones took', async () => {
    const before = (await get('/api/onboardings?status=completed')).json().completed;
    // Started long ago: every step is overdue.
    const late = await onboard('prospect', '2025-01-06');
    await setSteps(late.o.id, [late.taskIds[0]!], 'done', new Date('2025-01-10T09:00:00Z'));
    // Started in the future (planned): nothing overdue yet.
    const planned = await onboard('prospect', '2099-01-01');
    const finished = await onboard('prospect', '2026-01-01', ['Only step']);
    await setSteps(finished.o.id, finished.taskIds, 'done', new Date('2026-01-21T09:00:00Z'));

    const list = await get('/api/onboardings', as.member);
    expect(list.statusCode).toBe(200);
    const items = list.json().items as {
      id: string;
      partner: { id: string };
      playbook: { name: string };
      progress: unknown;
      nextStep: { title: string; dueDate: string } | null;
      overdueSteps: number;
      startedOn: string;
    }[];
    const ids = items.map((i) => i.id);
    expect(ids).toContain(late.o.id);
    expect(ids).toContain(planned.o.id);
    expect(ids).not.toContain(finished.o.id);
    // Oldest start first.
    expect(ids.indexOf(late.o.id)).toBeLessThan(ids.indexOf(planned.o.id));
    const lateItem = items.find((i) => i.id === late.o.id)!;
    expect(lateItem).toMatchObject({
      partner: { id: late.p.id },
      playbook: { name: late.pb.name },
      startedOn: '2025-01-06',
      progress: { done: 1, total: 3, cancelled: 0 },
      overdueSteps: 2,
    });
    expect(lateItem.nextStep).toMatchObject({ title: 'Kickoff meeting held', dueDate: '2025-01-26' });
    expect(items.find((i) => i.id === planned.o.id)).toMatchObject({ overdueSteps: 0, nextStep: { title: 'NDA signed', dueDate: '2099-01-11' } });

    const completed = (await get('/api/onboardings?status=completed')).json();
    expect(completed.items.map((i: { id: string }) => i.id)).toContain(finished.o.id);
    expect(completed.completed.count).toBe(before.count + 1);
    expect(completed.completed.averageDays).not.toBeNull();
    expect((await get('/api/onboardings?status=someday')).statusCode).toBe(400);
  });
});
