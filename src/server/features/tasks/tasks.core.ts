import type { DbOrTx } from '../../db/client.js';
import { task } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
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
  return rows.map((r) => r.id);
}
