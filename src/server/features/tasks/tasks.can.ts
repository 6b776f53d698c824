import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/policy.js';
import type { Task, TaskCan } from '../../../shared/schemas/task.js';
import { editablePartnerIds } from '../partners/index.js';
import { tasksPolicy } from './tasks.policy.js';

/**
 * The task rule (canChangeTask's), given whether the actor may edit the task's partner: administrators
 * and Partner Managers change every task; members those assigned to or created by them and those on
 * partners they may edit.
 */
export function mayChangeTask(actor: Actor, t: { assigneeId: string | null; createdBy: string | null; partnerId: string | null }, partnerEditable: boolean): boolean {
  if (actor.role === 'admin' || actor.role === 'manager') return true;
  if (actor.role !== 'member') return false;
  return t.assigneeId === actor.id || t.createdBy === actor.id || (t.partnerId !== null && partnerEditable);
}

/** Tasks with what the actor may do with each; the partners' rule is asked once for all of them. */
export async function withTaskCan<T extends Pick<Task, 'partner' | 'assignee' | 'createdBy'>>(tx: DbOrTx, actor: Actor, items: readonly T[]): Promise<(T & { can: TaskCan })[]> {
  const needPartners = actor.role === 'member' ? items.filter((t) => t.partner && t.assignee?.id !== actor.id && t.createdBy?.id !== actor.id).map((t) => t.partner!.id) : [];
  const editable = await editablePartnerIds(tx, actor, needPartners);
  const comment = tasksPolicy.write.allow(actor);
  return items.map((t) => ({
    ...t,
    can: {
      edit: mayChangeTask(actor, { assigneeId: t.assignee?.id ?? null, createdBy: t.createdBy?.id ?? null, partnerId: t.partner?.id ?? null }, t.partner ? editable.has(t.partner.id) : false),
      comment,
    },
  }));
}
