import { and, eq, isNull, lt } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { customer, dealRegistration, opportunity } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, fieldError, msg } from '../../lib/errors.js';
import type { Actor } from '../../lib/policy.js';
import { updateVersioned } from '../../lib/versioned.js';
import type { DealCurrency } from '../../../shared/deals.js';
import { addDays, dayIn } from '../../../shared/days.js';
import type { approveRegistrationBody, extendRegistrationBody, Registration, rejectRegistrationBody } from '../../../shared/schemas/registration.js';
import { addOpportunityPartner, createOpportunityInTx } from '../opportunities/index.js';
import { checkedRegistration, findConflicts } from './registrations.conflicts.js';
import { auditableRegistration, type RegistrationRow } from './registrations.presenter.js';
import { getRegistration, REGISTRATION } from './registrations.read.js';
import { guardOneApproved, lockRegistration, productIdsOf, protectionDays, syncProducts } from './registrations.service.js';

type ApproveInput = z.output<typeof approveRegistrationBody>;
type RejectInput = z.output<typeof rejectRegistrationBody>;
type ExtendInput = z.output<typeof extendRegistrationBody>;

/** Approve and reject are our decisions on what a consultant or reseller registered with us, while it is submitted. */
function checkDecidable(r: RegistrationRow) {
  if (r.direction !== 'inbound') throw new AppError('conflict', msg('registrations.inboundOnly'));
  if (r.status !== 'submitted') throw new AppError('conflict', msg('registrations.notSubmitted', { status: msg(`registrations.status.${r.status as 'draft'}`) }));
}

/** The deal the approval protects: the given (or already linked) opportunity with the partner as sourced, or a new one. */
async function opportunityFor(tx: DbOrTx, r: RegistrationRow, partnerName: string, opportunityId: string | null, actor: Actor, today: string): Promise<string> {
  if (opportunityId) {
    const [o] = await tx.select({ id: opportunity.id }).from(opportunity).where(eq(opportunity.id, opportunityId));
    if (!o) throw fieldError('body.opportunityId', msg('registrations.unknownOpportunity'));
    await addOpportunityPartner(tx, o.id, r.partnerId, 'sourced', actor);
    return o.id;
  }
  const [c] = await tx.select({ name: customer.name }).from(customer).where(eq(customer.id, r.customerId));
  return createOpportunityInTx(
    tx,
    {
      title: `${c?.name ?? ''} · ${partnerName}`.trim(),
      customer: { id: r.customerId },
      partners: [{ partnerId: r.partnerId, role: 'sourced' }],
      productIds: await productIdsOf(tx, r.id),
      oneOffMinor: r.estimatedValueMinor ?? 0,
      mrrMinor: 0,
      currency: (r.currency as DealCurrency | null) ?? 'CHF',
      stage: 'qualify',
      expectedCloseOn: r.expectedCloseOn ?? r.protectedUntil ?? today,
      ownerId: actor.id,
    },
    actor,
  );
}

/**
 * Approves an inbound registration. First to file wins by default: when an earlier-filed active
 * registration conflicts, the approver must say why (kept as the decision reason). The products'
 * copies take the status in the same transaction, so the unique index refuses a second approved
 * registration for the same customer and product, also when two approvals race (409).
 */
export async function approveRegistration(db: Db, id: string, body: ApproveInput, actor: Actor, now: Date = new Date()): Promise<Registration> {
  const today = dayIn(now);
  await guardOneApproved(() =>
    db.transaction(async (tx) => {
      const { row: before, partner: p } = await lockRegistration(tx, id, actor, body.version);
      checkDecidable(before);
      const conflicts = await findConflicts(tx, await checkedRegistration(tx, id));
      if (conflicts.reasonRequired && !body.reason) throw fieldError('body.reason', msg('registrations.reasonRequiredEarlier'));
      const protectedUntil = addDays(today, await protectionDays(tx, before.programId));
      const approved = await updateVersioned(
        tx,
        dealRegistration,
        id,
        body.version,
        { status: 'approved', approvedOn: today, protectedUntil, decisionReason: body.reason ?? null, rejectionReason: null },
        REGISTRATION,
      );
      await syncProducts(tx, approved);
      const opportunityId = await opportunityFor(tx, approved, p.name, body.opportunityId ?? approved.opportunityId, actor, today);
      const [after] = await tx.update(dealRegistration).set({ opportunityId }).where(eq(dealRegistration.id, id)).returning();
      await recordAudit(tx, {
        actor,
        entityType: 'deal_registration',
        entityId: id,
        action: 'approve',
        before: auditableRegistration(before),
        after: auditableRegistration(after!),
      });
    }),
  );
  return getRegistration(db, id, actor);
}

/** Rejects an inbound registration with the reason the partner is told. */
export async function rejectRegistration(db: Db, id: string, body: RejectInput, actor: Actor): Promise<Registration> {
  await db.transaction(async (tx) => {
    const { row: before } = await lockRegistration(tx, id, actor, body.version);
    checkDecidable(before);
    const after = await updateVersioned(tx, dealRegistration, id, body.version, { status: 'rejected', rejectionReason: body.reason }, REGISTRATION);
    await syncProducts(tx, after);
    await recordAudit(tx, { actor, entityType: 'deal_registration', entityId: id, action: 'reject', before: auditableRegistration(before), after: auditableRegistration(after) });
  });
  return getRegistration(db, id, actor);
}

/** The one extension of an approved registration's protection: to a given day, or by the programme's days again. */
export async function extendRegistration(db: Db, id: string, body: ExtendInput, actor: Actor, now: Date = new Date()): Promise<Registration> {
  await db.transaction(async (tx) => {
    const { row: before } = await lockRegistration(tx, id, actor, body.version);
    if (before.status !== 'approved' || !before.protectedUntil) throw new AppError('conflict', msg('registrations.notApproved'));
    if (before.extendedOn) throw new AppError('conflict', msg('registrations.alreadyExtended'));
    const until = body.until ?? addDays(before.protectedUntil, await protectionDays(tx, before.programId));
    if (until <= before.protectedUntil) throw fieldError('body.until', msg('registrations.untilNotLater', { day: before.protectedUntil }));
    const after = await updateVersioned(tx, dealRegistration, id, body.version, { protectedUntil: until, extendedOn: dayIn(now) }, REGISTRATION);
    await recordAudit(tx, { actor, entityType: 'deal_registration', entityId: id, action: 'extend', before: auditableRegistration(before), after: auditableRegistration(after) });
  });
  return getRegistration(db, id, actor);
}

/**
 * The expiry job's work: approved registrations whose protection ended before today (Europe/Zurich)
 * become expired, each with an audit record by the system. Safe to run again: a second run finds none.
 */
export async function expireRegistrations(db: Db, now: Date): Promise<{ expired: number }> {
  const today = dayIn(now);
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(dealRegistration)
      .where(and(eq(dealRegistration.status, 'approved'), lt(dealRegistration.protectedUntil, today), isNull(dealRegistration.archivedAt)))
      .for('update');
    for (const before of due) {
      const [after] = await tx
        .update(dealRegistration)
        .set({ status: 'expired', version: before.version + 1, updatedAt: now })
        .where(eq(dealRegistration.id, before.id))
        .returning();
      await syncProducts(tx, after!);
      await recordAudit(tx, {
        actor: null,
        entityType: 'deal_registration',
        entityId: before.id,
        action: 'expire',
        before: auditableRegistration(before),
        after: auditableRegistration(after!),
      });
    }
    return { expired: due.length };
  });
}
