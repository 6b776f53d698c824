import type { DbOrTx } from '../../db/client.js';
import { AppError, msg } from '../../lib/errors.js';
import { roles, signedIn, type Actor } from '../../lib/policy.js';
import { canEditPartner } from '../partners/index.js';

export const tasksPolicy = {
  /** Everyone signed in reads tasks: they are part of the partner's record. */
  read: signedIn,
  /** Writers; members further limited per task (see canChangeTask). */
  write: roles('admin', 'manager', 'member'),
};

interface TaskOwnership {
  assigneeId: string | null;
  createdBy: string | null;
  partnerId: string | null;
}

/**
 * The task rule, given whether the actor may edit the task's partner: administrators and Partner
 * Managers change every task; members those assigned to or created by them and those on partners
 * they may edit (owner or team member). Responses' `can` and the writes' check both ask it.
 */
export function mayChangeTask(actor: Actor, t: TaskOwnership, partnerEditable: boolean): boolean {
  if (actor.role === 'admin' || actor.role === 'manager') return true;
  if (actor.role !== 'member') return false;
  return t.assigneeId === actor.id || t.createdBy === actor.id || (t.partnerId !== null && partnerEditable);
}

/** The task rule for one task, asking the partners' rule only when it decides. */
export async function canChangeTask(tx: DbOrTx, actor: Actor, t: TaskOwnership): Promise<boolean> {
  const needsPartner = actor.role === 'member' && t.assigneeId !== actor.id && t.createdBy !== actor.id && t.partnerId !== null;
  return mayChangeTask(actor, t, needsPartner && (await canEditPartner(tx, actor, t.partnerId!)));
}

export async function assertCanChangeTask(tx: DbOrTx, actor: Actor, t: TaskOwnership): Promise<void> {
  if (!(await canChangeTask(tx, actor, t))) {
    throw new AppError('forbidden', msg('tasks.forbidden'));
  }
}
