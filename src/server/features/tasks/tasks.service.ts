import { and, asc, desc, eq, gt, inArray, isNull, lt, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { contact, contract, meetingOccurrence, onboarding, opportunityPartner, partner, riskAssessment, task, taskComment, user } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { fieldError, msg, notFound } from '../../lib/errors.js';
import { offsetOf } from '../../lib/pagination.js';
import type { Actor } from '../../lib/policy.js';
import { lockRow, updateVersioned } from '../../lib/versioned.js';
import type { Page } from '../../../shared/list.js';
import type { TaskStatus, TaskSubject } from '../../../shared/rhythm.js';
import type { ListTasksQuery, Task, TaskComment, TaskDetail, createTaskBody, updateTaskBody } from '../../../shared/schemas/task.js';
import { OPEN_TASK_STATUSES } from '../../../shared/schemas/task.js';
import type { z } from 'zod';
import { lockPartnerForEdit } from '../partners/index.js';
import { afterOnboardingTasksChanged } from './tasks.hooks.js';
import { insertTasks, notifyAssignees } from './tasks.core.js';
import { dayIn } from '../../../shared/days.js';
import { assertCanChangeTask } from './tasks.policy.js';
import { auditableTask, presentComment, presentTask, taskNames } from './tasks.presenter.js';

type Row = typeof task.$inferSelect;
type CreateInput = z.output<typeof createTaskBody>;
type UpdateInput = z.output<typeof updateTaskBody>;
const WHAT = { what: msg('tasks.what'), the: msg('tasks.the') };

const PRIORITY_RANK = sql`case "task".priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end`;
const OPEN_RANK = sql`case when "task".status in ('open', 'in_progress') then 0 else 1 end`;
const DUE_ASC = sql`"task".due_date asc nulls last`;
const DUE_DESC = sql`"task".due_date desc nulls last`;

function sortOf(sort: string): SQL[] {
  const descending = sort.startsWith('-');
  const dir = (e: SQL) => (descending ? desc(e) : asc(e));
  switch (sort.replace(/^-/, '')) {
    case 'priority':
      return [dir(PRIORITY_RANK), DUE_ASC, asc(task.id)];
    case 'status':
      // Open work first, soonest due first; then what was closed, most recently first.
      return [dir(OPEN_RANK), DUE_ASC, sql`"task".completed_at desc nulls last`, asc(task.id)];
    case 'createdAt':
      return [dir(sql`"task".created_at`), asc(task.id)];
    case 'title':
      return [dir(sql`lower("task".title)`), asc(task.id)];
    default:
      // Ties as My work orders them, so its export lists a day's tasks as the page does.
      return [descending ? DUE_DESC : DUE_ASC, asc(PRIORITY_RANK), asc(task.createdAt), asc(task.id)];
  }
}

/** Tasks with the names they refer to, in the given order, in one statement. */
export function selectTasks(db: DbOrTx) {
  return db.select({ t: task, ...taskNames }).from(task);
}

const present = (rows: Awaited<ReturnType<typeof selectTasks>>, now: Date): Task[] => {
  const today = dayIn(now);
  return rows.map(({ t, ...x }) => presentTask(t, x, today));
};

async function tasksByIds(db: DbOrTx, ids: string[], now: Date): Promise<Task[]> {
  if (!ids.length) return [];
  const rows = await selectTasks(db).where(inArray(task.id, ids));
  const byId = new Map(present(rows, now).map((t) => [t.id, t]));
  return ids.map((id) => byId.get(id)!).filter(Boolean);
}

function listFilter(q: ListTasksQuery, actor: Actor, now: Date): SQL | undefined {
  const where: SQL[] = [];
  if (q.assigneeId === 'none') where.push(isNull(task.assigneeId));
  else if (q.assigneeId) where.push(eq(task.assigneeId, q.assigneeId === 'me' ? actor.id : q.assigneeId));
  if (q.partnerId) where.push(eq(task.partnerId, q.partnerId));
  if (q.status?.length) where.push(inArray(task.status, q.status));
  if (q.dueBefore) where.push(lt(task.dueDate, q.dueBefore));
  if (q.dueAfter) where.push(gt(task.dueDate, q.dueAfter));
  if (q.overdue !== undefined) {
    const overdue = and(inArray(task.status, [...OPEN_TASK_STATUSES]), lt(task.dueDate, dayIn(now)))!;
    where.push(q.overdue ? overdue : sql`not coalesce(${overdue}, false)`);
  }
  if (q.subjectType) where.push(eq(task.subjectType, q.subjectType));
  if (q.subjectId) where.push(eq(task.subjectId, q.subjectId));
  if (q.onboardingId) where.push(eq(task.onboardingId, q.onboardingId));
  if (q.q) where.push(sql`"task".title ilike ${`%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  return and(...where);
}

export async function listTasks(db: DbOrTx, q: ListTasksQuery, actor: Actor, now: Date = new Date()): Promise<Page<Task>> {
  const filter = listFilter(q, actor, now);
  const rows = await selectTasks(db)
    .where(filter)
    .orderBy(...sortOf(q.sort))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  const total =
    q.page === 1 && rows.length < q.pageSize
      ? rows.length
      : (
          await db
            .select({ n: sql<number>`count(*)`.mapWith(Number) })
            .from(task)
            .where(filter)
        )[0]!.n;
  return { items: present(rows, now), page: q.page, pageSize: q.pageSize, total };
}

async function commentsOf(db: DbOrTx, taskId: string): Promise<TaskComment[]> {
  const rows = await db
    .select({ c: taskComment, authorName: user.name })
    .from(taskComment)
    .leftJoin(user, eq(user.id, taskComment.authorId))
    .where(eq(taskComment.taskId, taskId))
    .orderBy(asc(taskComment.createdAt), asc(taskComment.id));
  return rows.map((r) => presentComment(r.c, r.authorName));
}

export async function getTask(db: DbOrTx, id: string, now: Date = new Date()): Promise<TaskDetail> {
  const [t] = await tasksByIds(db, [id], now);
  if (!t) throw notFound(WHAT.what);
  return { ...t, comments: await commentsOf(db, id) };
}

/**
 * The partner a subject belongs to; the subject must exist. Its partner is locked for the
 * transaction by the partner guard, so an archive or merge of it waits for this write; the actor
 * must be allowed to edit it unless it is the partner the task already belongs to (`current`),
 * which the task's own rule (canChangeTask) has settled.
 */
async function partnerOfSubject(tx: DbOrTx, subject: { type: TaskSubject; id: string }, actor: Actor, current: string | null = null): Promise<string> {
  const lookups: Record<TaskSubject, () => Promise<{ partnerId: string }[]>> = {
    partner: () => tx.select({ partnerId: partner.id }).from(partner).where(eq(partner.id, subject.id)),
    contact: () => tx.select({ partnerId: contact.partnerId }).from(contact).where(eq(contact.id, subject.id)),
    meeting: () => tx.select({ partnerId: meetingOccurrence.partnerId }).from(meetingOccurrence).where(eq(meetingOccurrence.id, subject.id)),
    onboarding: () => tx.select({ partnerId: onboarding.partnerId }).from(onboarding).where(eq(onboarding.id, subject.id)),
    risk_assessment: () => tx.select({ partnerId: riskAssessment.partnerId }).from(riskAssessment).where(eq(riskAssessment.id, subject.id)),
    contract: () => tx.select({ partnerId: contract.partnerId }).from(contract).where(eq(contract.id, subject.id)),
    // A deal's tasks belong to the partner who sourced it, else its first partner by id (as its next-step task).
    opportunity: () =>
      tx
        .select({ partnerId: opportunityPartner.partnerId })
        .from(opportunityPartner)
        .where(eq(opportunityPartner.opportunityId, subject.id))
        .orderBy(sql`(${opportunityPartner.role} = 'sourced') desc`, asc(opportunityPartner.partnerId))
        .limit(1),
  };
  const [found] = await lookups[subject.type]();
  if (!found) throw fieldError('body.subject', msg(`tasks.unknownSubject.${subject.type}`));
  await lockPartnerForEdit(tx, actor, found.partnerId, { purpose: msg('tasks.addingTasks'), permitted: found.partnerId === current });
  return found.partnerId;
}

/**
 * The columns a task's subject decides: the subject itself, the meeting it is an action item of and
 * the onboarding it is a step of. Creating and moving a task both set them here, so a task moved
 * off an onboarding stops counting as one of its steps (and off a meeting, as one of its actions).
 * A step's position belongs to the onboarding it was a step of: it goes when the task leaves it.
 */
function subjectColumns(subject: { type: TaskSubject; id: string } | null, before?: Pick<Row, 'onboardingId' | 'stepPosition'>) {
  const onboardingId = subject?.type === 'onboarding' ? subject.id : null;
  return {
    subjectType: subject?.type ?? null,
    subjectId: subject?.id ?? null,
    meetingOccurrenceId: subject?.type === 'meeting' ? subject.id : null,
    onboardingId,
    stepPosition: before && before.onboardingId === onboardingId ? before.stepPosition : null,
  };
}

/** Assignees are active colleagues; a deactivated one may stay on a task that already has them. */
async function checkAssignee(tx: DbOrTx, assigneeId: string | null, current: string | null = null) {
  if (!assigneeId || assigneeId === current) return;
  const [u] = await tx.select({ deactivatedAt: user.deactivatedAt }).from(user).where(eq(user.id, assigneeId));
  if (!u || u.deactivatedAt) throw fieldError('body.assigneeId', msg('tasks.notActiveUser'));
}

/** Completion follows the status: done records who and when; leaving done clears it. */
function completion(to: TaskStatus | undefined, from: string, actor: Actor, now: Date) {
  if (to === undefined || to === from) return {};
  if (to === 'done') return { completedAt: now, completedBy: actor.id };
  return from === 'done' ? { completedAt: null, completedBy: null } : {};
}

export async function createTask(db: Db, input: CreateInput, actor: Actor, now: Date = new Date()): Promise<TaskDetail> {
  const id = await db.transaction(async (tx) => {
    const partnerId = input.subject ? await partnerOfSubject(tx, input.subject, actor) : null;
    const assigneeId = input.assigneeId === undefined ? actor.id : input.assigneeId;
    await checkAssignee(tx, assigneeId);
    const [created] = await insertTasks(
      tx,
      [
        {
          title: input.title,
          description: input.description ?? null,
          ...subjectColumns(input.subject ?? null),
          partnerId,
          assigneeId,
          dueDate: input.dueDate ?? null,
          priority: input.priority,
          status: input.status,
          ...completion(input.status, 'open', actor, now),
        },
      ],
      actor,
    );
    return created!;
  });
  return getTask(db, id, now);
}

export async function updateTask(db: Db, id: string, body: UpdateInput, actor: Actor, now: Date = new Date()): Promise<TaskDetail> {
  await db.transaction(async (tx) => {
    const before = await lockRow(tx, task, id, WHAT);
    await assertCanChangeTask(tx, actor, before);
    const { version, subject, ...fields } = body;
    let moved = {};
    if (subject !== undefined && (subject?.type !== before.subjectType || subject?.id !== before.subjectId)) {
      const partnerId = subject ? await partnerOfSubject(tx, subject, actor, before.partnerId) : null;
      moved = { ...subjectColumns(subject, before), partnerId };
    }
    if (fields.assigneeId !== undefined) await checkAssignee(tx, fields.assigneeId, before.assigneeId);
    const after = await updateVersioned(tx, task, id, version, { ...fields, ...moved, ...completion(fields.status, before.status, actor, now) } as never, WHAT);
    await recordAudit(tx, { actor, entityType: 'task', entityId: id, action: 'update', before: auditableTask(before), after: auditableTask(after) });
    if (after.assigneeId !== before.assigneeId) await notifyAssignees(tx, [after], actor);
    await afterStatusChange(tx, [before], [after], actor);
  });
  return getTask(db, id, now);
}

/**
 * Lets onboardings follow their steps, in the transaction that changed them: a step that changed
 * status, and an onboarding a step left (its remaining steps may now all be done) or joined.
 */
async function afterStatusChange(tx: DbOrTx, before: Row[], after: Row[], actor: Actor) {
  const was = new Map(before.map((t) => [t.id, t]));
  const onboardingIds = new Set<string>();
  for (const t of after) {
    const old = was.get(t.id);
    if (old?.onboardingId !== t.onboardingId) {
      if (old?.onboardingId) onboardingIds.add(old.onboardingId);
      if (t.onboardingId) onboardingIds.add(t.onboardingId);
    } else if (t.onboardingId && old?.status !== t.status) onboardingIds.add(t.onboardingId);
  }
  if (onboardingIds.size) await afterOnboardingTasksChanged(tx, [...onboardingIds], actor);
}

/**
 * Completes the tasks, all or none: an unknown task (400) or one the actor may not change (403)
 * leaves every task as it was. Tasks already done stay as they are.
 */
export async function completeTasks(db: Db, ids: string[], actor: Actor, now: Date = new Date()): Promise<{ items: Task[] }> {
  await db.transaction(async (tx) => {
    const rows = await tx.select().from(task).where(inArray(task.id, ids)).for('update');
    const known = new Set(rows.map((r) => r.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length) throw fieldError('body.ids', msg('tasks.unknownTasks', { ids: unknown.join(', '), count: unknown.length }));
    for (const r of rows) await assertCanChangeTask(tx, actor, r);
    const todo = rows.filter((r) => r.status !== 'done');
    if (!todo.length) return;
    const after = await tx
      .update(task)
      .set({ status: 'done', completedAt: now, completedBy: actor.id, version: sql`${task.version} + 1`, updatedAt: sql`now()` })
      .where(
        and(
          inArray(
            task.id,
            todo.map((r) => r.id),
          ),
          notInArray(task.status, ['done']),
        ),
      )
      .returning();
    const byId = new Map(todo.map((r) => [r.id, r]));
    for (const a of after) {
      await recordAudit(tx, { actor, entityType: 'task', entityId: a.id, action: 'complete', before: auditableTask(byId.get(a.id)!), after: auditableTask(a) });
    }
    await afterStatusChange(tx, todo, after, actor);
  });
  return { items: await tasksByIds(db, ids, now) };
}

export async function listComments(db: DbOrTx, taskId: string): Promise<{ items: TaskComment[] }> {
  const [t] = await db.select({ id: task.id }).from(task).where(eq(task.id, taskId));
  if (!t) throw notFound(WHAT.what);
  return { items: await commentsOf(db, taskId) };
}

/** Any writer may comment on any task: a comment asks or tells, it changes nothing of the task. */
export async function addComment(db: Db, taskId: string, body: string, actor: Actor): Promise<TaskComment> {
  return db.transaction(async (tx) => {
    const [t] = await tx.select({ id: task.id }).from(task).where(eq(task.id, taskId));
    if (!t) throw notFound(WHAT.what);
    const [c] = await tx.insert(taskComment).values({ taskId, authorId: actor.id, body }).returning();
    await recordAudit(tx, { actor, entityType: 'task', entityId: taskId, action: 'comment', before: null, after: { comment: body } });
    return presentComment(c!, actor.name);
  });
}
