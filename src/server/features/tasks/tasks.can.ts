import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/policy.js';
import type { Task, TaskCan } from '../../../shared/schemas/task.js';
import { editablePartnerIds } from '../partners/index.js';
import { mayChangeTask, tasksPolicy } from './tasks.policy.js';

/** Tasks with what the actor may do with each; the partners' rule is asked once for all of them. */
export async function withTaskCan<T extends Pick<Task, 'partner' | 'assignee' | 'createdBy'>>(tx: DbOrTx, actor: Actor, items: readonly T[]): Promise<(T & { can: TaskCan })[]> {
  const needPartners = actor.role === 'member' ? items.filter((t) => t.partner && t.assignee?.id !== actor.id && t.createdBy?.id !== actor.id).map((t) => t.partner!.id) : [];
  const editable = await editablePartnerIds(tx, actor, needPartners);
  const comment = tasksPolicy.write.allow(actor);
  return items.map((t) => ({
    ...t,
    can: {
      edit: mayChangeTask(
        actor,
        { assigneeId: t.assignee?.id ?? null, createdBy: t.createdBy?.id ?? null, partnerId: t.partner?.id ?? null },
        t.partner ? editable.has(t.partner.id) : false,
      ),
      comment,
    },
  }));
}
