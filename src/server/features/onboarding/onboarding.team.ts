import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { onboarding, partner, task, teamAssignment, user } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import type { Actor } from '../../lib/policy.js';
import { notifyAssignees } from '../tasks/index.js';

/**
 * A colleague given a team role while the partner's onboarding is in progress receives that role's
 * open steps, as if they had held the role at the start: the steps that went, for want of anyone in
 * the role, to the partner's owner or to whoever started the onboarding (or to no one). A step
 * someone handed to a particular colleague stays with them, and so do the steps when another
 * colleague already held the role (they got them at the start, or by this same rule). Runs in the
 * caller's transaction, after the partner was locked; a second run changes nothing.
 */
export async function giveOpenStepsToNewRoleHolder(tx: DbOrTx, partnerId: string, userId: string, role: string, actor: Actor): Promise<number> {
  const [o] = await tx
    .select({ id: onboarding.id, startedBy: onboarding.startedBy, ownerId: partner.ownerId })
    .from(onboarding)
    .innerJoin(partner, eq(partner.id, onboarding.partnerId))
    .where(and(eq(onboarding.partnerId, partnerId), eq(onboarding.status, 'in_progress')));
  if (!o) return 0;
  // The role's holder is the longest-standing active colleague in it, as when the onboarding started.
  const [holder] = await tx
    .select({ userId: teamAssignment.userId })
    .from(teamAssignment)
    .innerJoin(user, eq(user.id, teamAssignment.userId))
    .where(and(eq(teamAssignment.partnerId, partnerId), eq(teamAssignment.role, role), isNull(user.deactivatedAt)))
    .orderBy(asc(teamAssignment.createdAt), asc(user.name), asc(user.id))
    .limit(1);
  if (holder?.userId !== userId) return 0;
  const fallbacks = [o.ownerId, o.startedBy].filter((id): id is string => !!id && id !== userId);
  const steps = await tx
    .select({ id: task.id, title: task.title, assigneeId: task.assigneeId, partnerId: task.partnerId, dueDate: task.dueDate })
    .from(task)
    .where(
      and(
        eq(task.onboardingId, o.id),
        eq(task.ownerRole, role),
        inArray(task.status, ['open', 'in_progress']),
        or(isNull(task.assigneeId), fallbacks.length ? inArray(task.assigneeId, fallbacks) : undefined),
      ),
    )
    .orderBy(asc(task.stepPosition))
    .for('update');
  if (!steps.length) return 0;
  await tx
    .update(task)
    .set({ assigneeId: userId, version: sql`${task.version} + 1`, updatedAt: sql`now()` })
    .where(
      inArray(
        task.id,
        steps.map((s) => s.id),
      ),
    );
  for (const s of steps) {
    await recordAudit(tx, {
      actor,
      entityType: 'task',
      entityId: s.id,
      action: 'update',
      before: { assigneeId: s.assigneeId },
      after: { assigneeId: userId, note: `Onboarding step of the ${role} role, given to the new ${role}` },
    });
  }
  await notifyAssignees(
    tx,
    steps.map((s) => ({ ...s, assigneeId: userId })),
    actor,
  );
  return steps.length;
}
