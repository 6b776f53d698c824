import type { DbOrTx } from '../../db/client.js';
import { task } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { notify } from '../notifications/index.js';
import type { Actor } from '../../lib/policy.js';
import type { TaskPriority, TaskSource, TaskStatus, TaskSubject } from '../../../shared/rhythm.js';

export interface NewTask {
  title: string;
  description?: string | null;
  subjectType?: TaskSubject | null;
  subjectId?: string | null;
  partnerId?: string | null;
  assigneeId?: string | null;
  /** ISO date (yyyy-mm-dd). */
  dueDate?: string | null;
  priority?: TaskPriority;
  /** Open when left out; a task created as done carries who completed it and when. */
  status?: TaskStatus;
  completedAt?: Date | null;
  completedBy?: string | null;
  source?: TaskSource;
  meetingOccurrenceId?: string | null;
  onboardingId?: string | null;
  stepPosition?: number | null;
  ownerRole?: string | null;
}

/**
 * Creates tasks inside the caller's transaction, with one audit record each. Meeting minutes (action
 * items) and onboarding playbooks create their tasks through this, so every task is born the same way.
 * Callers validate assignees and subjects first: this only writes.
 */
export async function insertTasks(tx: DbOrTx, inputs: NewTask[], actor: Pick<Actor, 'id' | 'name'> | null): Promise<string[]> {
  if (inputs.length === 0) return [];
  const rows = await tx
    .insert(task)
    .values(inputs.map((t) => ({ ...t, createdBy: actor?.id ?? null })))
    .returning();
  for (const row of rows) {
    await recordAudit(tx, { actor, entityType: 'task', entityId: row.id, action: 'create', after: { ...row, id: undefined } });
  }
  await notifyAssignees(tx, rows, actor);
  return rows.map((r) => r.id);
}

/**
 * Tells each assignee, in their inbox, about a task someone else gave them (not about their own).
 * The dedupe key is per task and assignee: assigning the same person again says nothing new.
 */
export async function notifyAssignees(
  tx: DbOrTx,
  rows: Pick<typeof task.$inferSelect, 'id' | 'title' | 'assigneeId' | 'partnerId' | 'dueDate'>[],
  actor: Pick<Actor, 'id' | 'name'> | null,
): Promise<void> {
  const given = rows.filter((r) => r.assigneeId && r.assigneeId !== actor?.id);
  if (!given.length) return;
  await notify(
    tx,
    given.map((r) => ({
      userId: r.assigneeId!,
      kind: 'task_assigned' as const,
      title: `${actor?.name ?? 'Someone'} gave you a task: ${r.title}`.slice(0, 300),
      body: r.dueDate ? `Due ${r.dueDate}` : null,
      link: r.partnerId ? `/partners/${r.partnerId}/tasks` : '/my-work',
      dedupeKey: `task_assigned:${r.id}:${r.assigneeId}`,
    })),
    new Date(),
  );
}
