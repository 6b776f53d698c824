import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { opportunityPartner, partner, task } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import type { Actor } from '../../lib/policy.js';
import { TASK_TITLE_MAX } from '../../../shared/schemas/task.js';
import { insertTasks, notifyAssignees } from '../tasks/index.js';
import type { OpportunityRow } from './opportunities.presenter.js';

const auditable = (t: typeof task.$inferSelect) => ({ title: t.title, dueDate: t.dueDate, assigneeId: t.assigneeId, partnerId: t.partnerId, status: t.status });

/** The partner a deal's task belongs to: the one who sourced it, else the first by name. */
async function firstPartner(tx: DbOrTx, opportunityId: string): Promise<string | null> {
  const [p] = await tx
    .select({ id: opportunityPartner.partnerId })
    .from(opportunityPartner)
    .innerJoin(partner, eq(partner.id, opportunityPartner.partnerId))
    .where(eq(opportunityPartner.opportunityId, opportunityId))
    .orderBy(sql`(${opportunityPartner.role} = 'sourced') desc`, asc(partner.name), asc(partner.id))
    .limit(1);
  return p?.id ?? null;
}

/**
 * Keeps a deal's next step as one task (source 'next_step', subject the opportunity) assigned to its
 * owner, due on the next step's day, on the first partner: so My work, the task lists, the due and
 * overdue reminders and the digests show it with no code of their own. The task is open while the
 * deal is open, not archived, and has a next step with a day; it follows changes of text, day, owner
 * and partner; it is cancelled when the deal closes, is archived or loses its next step. A next-step
 * task someone completed stays done until the next step itself changes, which opens a new one.
 */
export async function syncNextStepTask(tx: DbOrTx, o: OpportunityRow, actor: Actor): Promise<void> {
  const want = !!o.nextStep && !!o.nextStepDueOn && !o.closedOn && !o.archivedAt;
  const [latest] = await tx
    .select()
    .from(task)
    .where(and(eq(task.subjectType, 'opportunity'), eq(task.subjectId, o.id), eq(task.source, 'next_step')))
    .orderBy(desc(task.createdAt), desc(task.id))
    .limit(1)
    .for('update');
  const open = latest && (latest.status === 'open' || latest.status === 'in_progress') ? latest : undefined;
  if (!want) {
    if (open) {
      const [after] = await tx
        .update(task)
        .set({ status: 'cancelled', version: sql`${task.version} + 1`, updatedAt: sql`now()` })
        .where(eq(task.id, open.id))
        .returning();
      await recordAudit(tx, { actor, entityType: 'task', entityId: open.id, action: 'update', before: auditable(open), after: auditable(after!) });
    }
    return;
  }
  const fields = { title: o.nextStep!.slice(0, TASK_TITLE_MAX), dueDate: o.nextStepDueOn, assigneeId: o.ownerId, partnerId: await firstPartner(tx, o.id) };
  if (open) {
    if (open.title === fields.title && open.dueDate === fields.dueDate && open.assigneeId === fields.assigneeId && open.partnerId === fields.partnerId) return;
    const [after] = await tx
      .update(task)
      .set({ ...fields, version: sql`${task.version} + 1`, updatedAt: sql`now()` })
      .where(eq(task.id, open.id))
      .returning();
    await recordAudit(tx, { actor, entityType: 'task', entityId: open.id, action: 'update', before: auditable(open), after: auditable(after!) });
    if (after!.assigneeId !== open.assigneeId) await notifyAssignees(tx, [after!], actor);
    return;
  }
  // Done already with this very step and day: the colleague finished it; nothing to reopen.
  if (latest && latest.status === 'done' && latest.title === fields.title && latest.dueDate === fields.dueDate) return;
  await insertTasks(tx, [{ ...fields, subjectType: 'opportunity', subjectId: o.id, source: 'next_step' }], actor);
}
