import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { onboarding, partner, task, teamAssignment, user } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, fieldError, msg, notFound } from '../../lib/errors.js';
import type { Actor } from '../../lib/policy.js';
import { lockRow, staleVersion } from '../../lib/versioned.js';
import type { Onboarding } from '../../../shared/schemas/onboarding.js';
import { changePartnerStatus } from '../partners/index.js';
import { lockPartnerForEdit } from '../partners/index.js';
import { findPlaybookWithSteps } from '../playbooks/index.js';
import { insertTasks, type NewTask } from '../tasks/index.js';
import { addDays, daysBetween, zurichDate } from '../../../shared/days.js';
import { auditableOnboarding } from './onboarding.presenter.js';
import { getOnboarding, openOnboardingOf, stepCounts } from './onboarding.read.js';

type Row = typeof onboarding.$inferSelect;
type AuditActor = Pick<Actor, 'id' | 'name'>;
const WHAT = { what: msg('onboarding.what'), the: msg('onboarding.the') };

/**
 * Who does each step: the colleague holding the step's role on this partner (the longest-standing
 * one when several do), else the partner's owner, else whoever starts the onboarding. Deactivated
 * colleagues are passed over.
 */
async function assigneesByRole(tx: DbOrTx, partnerId: string, ownerId: string | null, starterId: string | null) {
  const team = await tx
    .select({ role: teamAssignment.role, userId: teamAssignment.userId })
    .from(teamAssignment)
    .innerJoin(user, eq(user.id, teamAssignment.userId))
    .where(and(eq(teamAssignment.partnerId, partnerId), isNull(user.deactivatedAt)))
    .orderBy(asc(teamAssignment.createdAt), asc(user.name), asc(user.id));
  const byRole = new Map<string, string>();
  for (const a of team) if (!byRole.has(a.role)) byRole.set(a.role, a.userId);
  let owner: string | null = null;
  if (ownerId) {
    const [u] = await tx
      .select({ id: user.id })
      .from(user)
      .where(and(eq(user.id, ownerId), isNull(user.deactivatedAt)));
    owner = u?.id ?? null;
  }
  return (role: string) => byRole.get(role) ?? owner ?? starterId;
}

export async function startOnboarding(db: Db, partnerId: string, input: { playbookId: string; startedOn?: string }, actor: Actor, now: Date): Promise<Onboarding> {
  const id = await db.transaction(async (tx) => {
    // Locking the partner serialises two people starting at once; the unique index is the backstop.
    const p = await lockPartnerForEdit(tx, actor, partnerId, { purpose: msg('onboarding.onboardingIt') });
    const pb = await findPlaybookWithSteps(tx, input.playbookId);
    if (!pb) throw fieldError('body.playbookId', msg('onboarding.field.unknownPlaybook'));
    if (pb.archivedAt) throw fieldError('body.playbookId', msg('onboarding.field.archivedPlaybook', { name: pb.name }));
    if (!pb.steps.length) throw fieldError('body.playbookId', msg('onboarding.field.emptyPlaybook', { name: pb.name }));
    const open = await openOnboardingOf(tx, partnerId);
    if (open) {
      throw new AppError('conflict', msg('onboarding.alreadyOnboarding', { partner: p.name, playbook: open.playbookName, startedOn: open.startedOn }));
    }
    return createOnboarding(tx, p, pb, input.startedOn ?? zurichDate(now), actor);
  });
  return getOnboarding(db, id, now);
}

/**
 * The onboarding row, a task per step (due relative to the start, assigned by role) and a prospect
 * moved to onboarding, in the caller's transaction; checks are the caller's. The demo data uses it too.
 */
export async function createOnboarding(
  tx: DbOrTx,
  p: Pick<typeof partner.$inferSelect, 'id' | 'ownerId' | 'status'>,
  pb: NonNullable<Awaited<ReturnType<typeof findPlaybookWithSteps>>>,
  startedOn: string,
  actor: AuditActor | null,
): Promise<string> {
  const [row] = await tx
    .insert(onboarding)
    .values({ partnerId: p.id, playbookId: pb.id, playbookName: pb.name, startedOn, startedBy: actor?.id ?? null })
    .returning();
  const assigneeFor = await assigneesByRole(tx, p.id, p.ownerId, actor?.id ?? null);
  const tasks: NewTask[] = pb.steps.map((s) => ({
    title: s.title,
    description: s.description,
    subjectType: 'onboarding',
    subjectId: row!.id,
    partnerId: p.id,
    assigneeId: assigneeFor(s.ownerRole),
    dueDate: addDays(startedOn, s.dueAfterDays),
    source: 'playbook',
    onboardingId: row!.id,
    stepPosition: s.position,
    ownerRole: s.ownerRole,
  }));
  await insertTasks(tx, tasks, actor);
  await recordAudit(tx, { actor, entityType: 'onboarding', entityId: row!.id, action: 'create', before: null, after: auditableOnboarding(row!) });
  if (p.status === 'prospect') await changePartnerStatus(tx, actor, p.id, 'onboarding', `Onboarding started with “${pb.name}”`);
  return row!.id;
}

/**
 * Completes an onboarding in the caller's transaction: the time it took in Zurich calendar days, and
 * the partner made active (a dated status change) unless it is already past onboarding or archived.
 */
async function finish(tx: DbOrTx, o: Row, actor: AuditActor | null, now: Date, override: { reason: string } | null): Promise<void> {
  const durationDays = Math.max(0, daysBetween(o.startedOn, zurichDate(now)));
  const [after] = await tx
    .update(onboarding)
    .set({
      status: 'completed',
      completedAt: now,
      durationDays,
      ...(override ? { overrideBy: actor?.id ?? null, overrideReason: override.reason } : {}),
      version: sql`${onboarding.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(onboarding.id, o.id))
    .returning();
  await recordAudit(tx, {
    actor,
    entityType: 'onboarding',
    entityId: o.id,
    action: override ? 'complete-override' : 'complete',
    before: auditableOnboarding(o),
    after: auditableOnboarding(after!),
  });
  const [p] = await tx.select({ status: partner.status, archivedAt: partner.archivedAt }).from(partner).where(eq(partner.id, o.partnerId));
  if (p && !p.archivedAt && (p.status === 'prospect' || p.status === 'onboarding')) {
    const note = override
      ? `Made active before every onboarding step was done: ${override.reason}`
      : `Onboarding “${o.playbookName}” completed in ${durationDays} ${durationDays === 1 ? 'day' : 'days'}`;
    await changePartnerStatus(tx, actor, o.partnerId, 'active', note, now);
  }
}

/**
 * After step tasks changed status: every onboarding in progress whose steps are all done or
 * cancelled (with at least one done) completes. An onboarding already completed stays completed
 * when a step is reopened: the partner has been made active, and undoing that is a person's call.
 */
export async function completeWhenDone(tx: DbOrTx, onboardingIds: string[], actor: AuditActor | null, now: Date): Promise<string[]> {
  const completed: string[] = [];
  // Sorted, so two transactions lock in the same order.
  for (const id of [...new Set(onboardingIds)].sort()) {
    const [o] = await tx
      .select()
      .from(onboarding)
      .where(and(eq(onboarding.id, id), eq(onboarding.status, 'in_progress')))
      .for('update');
    if (!o) continue;
    const { done, open } = await stepCounts(tx, id);
    if (open > 0 || done === 0) continue;
    await finish(tx, o, actor, now, null);
    completed.push(id);
  }
  return completed;
}

/**
 * The onboarding, locked after its partner (the order every partner write and the merge keep); with
 * `actor`, also refused (403) when they may not edit the partner. Archived partners' onboardings can
 * still be cancelled, as before the partner guard.
 */
async function lockForChange(tx: DbOrTx, id: string, version: number, verb: 'completed' | 'cancelled', actor?: Actor): Promise<Row> {
  const [ref] = await tx.select({ partnerId: onboarding.partnerId }).from(onboarding).where(eq(onboarding.id, id));
  if (!ref) throw notFound(WHAT.what);
  if (actor) await lockPartnerForEdit(tx, actor, ref.partnerId, { allowArchived: true });
  const o = await lockRow(tx, onboarding, id, WHAT);
  if (o.partnerId !== ref.partnerId) throw new AppError('conflict', msg('onboarding.moved'));
  if (o.status !== 'in_progress') throw new AppError('conflict', msg(`onboarding.closed.${o.status === 'completed' ? 'completed' : 'cancelled'}.${verb}`));
  if (o.version !== version) throw staleVersion(WHAT, version, o.version);
  return o;
}

/**
 * The Partner Manager's override: completes the onboarding with a reason and makes the partner
 * active. Open steps stay open as tasks: the work (say, the website listing) still needs doing,
 * it just no longer holds the partnership back.
 */
export async function overrideComplete(db: Db, id: string, input: { reason: string; version: number }, actor: Actor, now: Date): Promise<Onboarding> {
  await db.transaction(async (tx) => {
    const o = await lockForChange(tx, id, input.version, 'completed', actor);
    await finish(tx, o, actor, now, { reason: input.reason });
  });
  return getOnboarding(db, id, now);
}

/** Stops an onboarding: its open steps are cancelled; the partner's status is left to the people. */
export async function cancelOnboarding(db: Db, id: string, input: { reason?: string; version: number }, actor: Actor, now: Date): Promise<Onboarding> {
  await db.transaction(async (tx) => {
    const o = await lockForChange(tx, id, input.version, 'cancelled', actor);
    const [after] = await tx
      .update(onboarding)
      .set({ status: 'cancelled', version: sql`${onboarding.version} + 1`, updatedAt: sql`now()` })
      .where(eq(onboarding.id, id))
      .returning();
    await recordAudit(tx, {
      actor,
      entityType: 'onboarding',
      entityId: id,
      action: 'cancel',
      before: auditableOnboarding(o),
      after: { ...auditableOnboarding(after!), reason: input.reason ?? null },
    });
    const open = await tx
      .select({ id: task.id, status: task.status })
      .from(task)
      .where(and(eq(task.onboardingId, id), inArray(task.status, ['open', 'in_progress'])));
    if (open.length) {
      await tx
        .update(task)
        .set({ status: 'cancelled', version: sql`${task.version} + 1`, updatedAt: sql`now()` })
        .where(
          inArray(
            task.id,
            open.map((t) => t.id),
          ),
        );
    }
    for (const t of open) {
      await recordAudit(tx, {
        actor,
        entityType: 'task',
        entityId: t.id,
        action: 'update',
        before: { status: t.status },
        after: { status: 'cancelled', note: 'Onboarding cancelled' },
      });
    }
  });
  return getOnboarding(db, id, now);
}
