import { eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { contact, dealRegistration, dealRegistrationProduct, opportunity, partnerProgram, product, user } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, fieldError, msg, notFound } from '../../lib/errors.js';
import type { Actor } from '../../lib/policy.js';
import { lockRow, staleVersion, updateVersioned } from '../../lib/versioned.js';
import { DEFAULT_PROTECTION_DAYS, REGISTRATION_PARTNER_TYPES, type RegistrationDirection, type RegistrationStatus } from '../../../shared/deals.js';
import { addDays, dayIn } from '../../../shared/days.js';
import { canMove, type Registration, type createRegistrationBody, type registrationStatusBody, type updateRegistrationBody } from '../../../shared/schemas/registration.js';
import { resolveCustomer } from '../customers/index.js';
import { lockPartnerForEdit, type LockedPartner } from '../partners/index.js';
import { auditableRegistration, type RegistrationRow } from './registrations.presenter.js';
import { getRegistration, REGISTRATION } from './registrations.read.js';

type CreateInput = z.output<typeof createRegistrationBody>;
type UpdateInput = z.output<typeof updateRegistrationBody>;
type StatusInput = z.output<typeof registrationStatusBody>;

/**
 * A registration locked for a change by the actor, its partner first (the order every partner write
 * keeps): 404, then 403 when they may not edit its partner, 409 when the partner or the registration is archived.
 */
export async function lockRegistration(tx: DbOrTx, id: string, actor: Actor, version?: number, opts: { archivedToo?: boolean } = {}) {
  const [ref] = await tx.select({ partnerId: dealRegistration.partnerId }).from(dealRegistration).where(eq(dealRegistration.id, id));
  if (!ref) throw notFound(REGISTRATION.what);
  const partner = await lockPartnerForEdit(tx, actor, ref.partnerId, { purpose: msg('registrations.changingItsRegistrations') });
  const row = await lockRow(tx, dealRegistration, id, REGISTRATION);
  if (version !== undefined && row.version !== version) throw staleVersion(REGISTRATION, version, row.version);
  if (row.archivedAt && !opts.archivedToo) throw new AppError('conflict', msg('registrations.archived'));
  return { row, partner };
}

/** The partner's type fits the direction: vendors and distributors outbound, consultants and resellers inbound. */
function checkPartnerType(p: LockedPartner, direction: RegistrationDirection) {
  const allowed: readonly string[] = REGISTRATION_PARTNER_TYPES[direction];
  if (!p.types.some((t) => allowed.includes(t))) throw fieldError('body.partnerId', msg(`registrations.wrongPartnerType.${direction}`));
}

async function checkProgram(tx: DbOrTx, programId: string | null | undefined, direction: RegistrationDirection, partnerId: string) {
  if (!programId) return;
  if (direction === 'inbound') throw fieldError('body.programId', msg('registrations.programInbound'));
  const [p] = await tx.select({ partnerId: partnerProgram.partnerId }).from(partnerProgram).where(eq(partnerProgram.id, programId));
  if (!p || p.partnerId !== partnerId) throw fieldError('body.programId', msg('registrations.programNotOfPartner'));
}

async function opportunityCustomer(tx: DbOrTx, opportunityId: string | null | undefined): Promise<string | null> {
  if (!opportunityId) return null;
  const [o] = await tx.select({ customerId: opportunity.customerId }).from(opportunity).where(eq(opportunity.id, opportunityId));
  if (!o) throw fieldError('body.opportunityId', msg('registrations.unknownOpportunity'));
  return o.customerId;
}

async function checkContact(tx: DbOrTx, contactId: string | null | undefined, partnerId: string) {
  if (!contactId) return;
  const [c] = await tx.select({ partnerId: contact.partnerId }).from(contact).where(eq(contact.id, contactId));
  if (!c || c.partnerId !== partnerId) throw fieldError('body.contactId', msg('registrations.contactNotOfPartner'));
}

async function checkProducts(tx: DbOrTx, ids: string[]) {
  if (!ids.length) return;
  const found = await tx.select({ id: product.id }).from(product).where(inArray(product.id, ids));
  if (found.length !== ids.length) throw fieldError('body.productIds', msg('registrations.unknownProduct'));
}

/** Owners are active colleagues; a deactivated one may stay on a registration that already has them. */
async function checkOwner(tx: DbOrTx, ownerId: string | null | undefined, current: string | null = null) {
  if (!ownerId || ownerId === current) return;
  const [u] = await tx.select({ deactivatedAt: user.deactivatedAt }).from(user).where(eq(user.id, ownerId));
  if (!u || u.deactivatedAt) throw fieldError('body.ownerId', msg('registrations.ownerInactive'));
}

/** How long approval protects: the programme's days, 90 when it sets none or there is no programme. */
export async function protectionDays(tx: DbOrTx, programId: string | null): Promise<number> {
  if (!programId) return DEFAULT_PROTECTION_DAYS;
  const [p] = await tx.select({ days: partnerProgram.registrationProtectionDays }).from(partnerProgram).where(eq(partnerProgram.id, programId));
  return p?.days ?? DEFAULT_PROTECTION_DAYS;
}

/**
 * The products' copies of the registration's direction, customer and status, which the partial
 * unique index reads (one approved per direction, customer and product). An archived registration
 * holds no product: its copies say 'archived'.
 */
export async function syncProducts(tx: DbOrTx, r: RegistrationRow, productIds?: string[]) {
  const status = r.archivedAt ? 'archived' : r.status;
  if (productIds) {
    await tx.delete(dealRegistrationProduct).where(eq(dealRegistrationProduct.registrationId, r.id));
    if (productIds.length)
      await tx
        .insert(dealRegistrationProduct)
        .values(productIds.map((productId) => ({ registrationId: r.id, productId, direction: r.direction, customerId: r.customerId, status })));
  } else {
    await tx.update(dealRegistrationProduct).set({ direction: r.direction, customerId: r.customerId, status }).where(eq(dealRegistrationProduct.registrationId, r.id));
  }
}

export const productIdsOf = async (tx: DbOrTx, id: string) =>
  (await tx.select({ id: dealRegistrationProduct.productId }).from(dealRegistrationProduct).where(eq(dealRegistrationProduct.registrationId, id))).map((p) => p.id);

/** The one-approved index said no: another registration of the same direction holds the customer and product. */
function isOneApprovedViolation(error: unknown): boolean {
  for (let e = error as { code?: string; constraint?: string; message?: string; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (e.code === '23505' && (e.constraint === 'deal_registration_one_approved_uq' || e.message?.includes('deal_registration_one_approved_uq'))) return true;
  }
  return false;
}

/** Runs a write; the unique index's refusal (also when two approvals race) becomes a 409 that says what happened. */
export async function guardOneApproved<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (isOneApprovedViolation(e)) throw new AppError('conflict', msg('registrations.alreadyApproved'));
    throw e;
  }
}

export async function createRegistration(db: Db, input: CreateInput, actor: Actor): Promise<Registration> {
  const id = await guardOneApproved(() =>
    db.transaction(async (tx) => {
      const p = await lockPartnerForEdit(tx, actor, input.partnerId, { field: 'body.partnerId', purpose: msg('registrations.changingItsRegistrations') });
      checkPartnerType(p, input.direction);
      await checkProgram(tx, input.programId, input.direction, p.id);
      const fromOpportunity = await opportunityCustomer(tx, input.opportunityId);
      await checkContact(tx, input.contactId, p.id);
      await checkProducts(tx, input.productIds);
      await checkOwner(tx, input.ownerId);
      let customerId = fromOpportunity;
      if (input.customer) customerId = (await resolveCustomer(tx, input.customer, 'body.customer', actor)).id;
      if (!customerId) throw fieldError('body.customer', msg('registrations.customerRequired'));
      const [row] = await tx
        .insert(dealRegistration)
        .values({
          direction: input.direction,
          partnerId: p.id,
          programId: input.programId ?? null,
          customerId,
          opportunityId: input.opportunityId ?? null,
          contactId: input.contactId ?? null,
          ownerId: input.ownerId === undefined ? actor.id : input.ownerId,
          status: input.status,
          portalReference: input.portalReference ?? null,
          portalUrl: input.portalUrl ?? null,
          estimatedValueMinor: input.estimatedValueMinor ?? null,
          currency: input.currency ?? null,
          expectedCloseOn: input.expectedCloseOn ?? null,
          submittedOn: input.submittedOn ?? (input.status === 'submitted' ? dayIn(new Date()) : null),
          benefit: input.benefit ?? null,
          notes: input.notes ?? null,
          createdBy: actor.id,
        })
        .returning();
      await syncProducts(tx, row!, input.productIds);
      await recordAudit(tx, { actor, entityType: 'deal_registration', entityId: row!.id, action: 'create', before: null, after: auditableRegistration(row!, input.productIds) });
      return row!.id;
    }),
  );
  return getRegistration(db, id, actor);
}

export async function updateRegistration(db: Db, id: string, body: UpdateInput, actor: Actor): Promise<Registration> {
  await guardOneApproved(() =>
    db.transaction(async (tx) => {
      const { row: before } = await lockRegistration(tx, id, actor, body.version);
      const direction = before.direction as RegistrationDirection;
      const { version, customer: customerInput, productIds, ...fields } = body;
      const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<RegistrationRow>;
      if (changes.programId !== undefined) await checkProgram(tx, changes.programId, direction, before.partnerId);
      if (changes.opportunityId !== undefined) await opportunityCustomer(tx, changes.opportunityId);
      if (changes.contactId !== undefined) await checkContact(tx, changes.contactId, before.partnerId);
      if (changes.ownerId !== undefined) await checkOwner(tx, changes.ownerId, before.ownerId);
      if (productIds) {
        await checkProducts(tx, productIds);
        if (direction === 'inbound' && !productIds.length) throw fieldError('body.productIds', msg('registrations.productsRequired'));
      }
      if (customerInput) changes.customerId = (await resolveCustomer(tx, customerInput, 'body.customer', actor)).id;
      const value = changes.estimatedValueMinor !== undefined ? changes.estimatedValueMinor : before.estimatedValueMinor;
      const currency = changes.currency !== undefined ? changes.currency : before.currency;
      if (value !== null && !currency) throw fieldError('body.currency', msg('registrations.currencyRequired'));
      const beforeProducts = await productIdsOf(tx, id);
      const after = await updateVersioned(tx, dealRegistration, id, version, changes, REGISTRATION);
      await syncProducts(tx, after, productIds);
      await recordAudit(tx, {
        actor,
        entityType: 'deal_registration',
        entityId: id,
        action: 'update',
        before: auditableRegistration(before, beforeProducts),
        after: auditableRegistration(after, productIds ?? beforeProducts),
      });
    }),
  );
  return getRegistration(db, id, actor);
}

export async function archiveRegistration(db: Db, id: string, version: number, actor: Actor): Promise<Registration> {
  await db.transaction(async (tx) => {
    const { row: before } = await lockRegistration(tx, id, actor, version);
    const after = await updateVersioned(tx, dealRegistration, id, version, { archivedAt: sql`now()` } as never, REGISTRATION);
    await syncProducts(tx, after);
    await recordAudit(tx, { actor, entityType: 'deal_registration', entityId: id, action: 'archive', before: auditableRegistration(before), after: auditableRegistration(after) });
  });
  return getRegistration(db, id, actor);
}

/** 409 unless the direction's flow allows the move (STATUS_MOVES). */
export function checkMove(r: RegistrationRow, to: RegistrationStatus) {
  const from = r.status as RegistrationStatus;
  const direction = r.direction as RegistrationDirection;
  if (!canMove(direction, from, to))
    throw new AppError(
      'conflict',
      msg('registrations.cannotMove', { direction: msg(`registrations.direction.${direction}`), from: msg(`registrations.status.${from}`), to: msg(`registrations.status.${to}`) }),
    );
}

/**
 * A status change as the person saw it in the vendor's portal (outbound), or submitting a draft and
 * marking an approved one won (inbound). Approval starts the protection: the approval day plus the
 * programme's days.
 */
export async function setRegistrationStatus(db: Db, id: string, body: StatusInput, actor: Actor, now: Date = new Date()): Promise<Registration> {
  await guardOneApproved(() =>
    db.transaction(async (tx) => {
      const { row: before } = await lockRegistration(tx, id, actor, body.version);
      checkMove(before, body.status);
      const on = body.on ?? dayIn(now);
      const changes: Partial<RegistrationRow> = { status: body.status };
      if (body.status === 'submitted') changes.submittedOn = before.submittedOn && before.status === 'draft' ? before.submittedOn : on;
      if (body.status === 'approved') {
        changes.approvedOn = on;
        changes.protectedUntil = addDays(on, await protectionDays(tx, before.programId));
        changes.rejectionReason = null;
      }
      if (body.status === 'rejected') {
        if (!body.reason) throw fieldError('body.reason', msg('registrations.reasonRequired'));
        changes.rejectionReason = body.reason;
      }
      const after = await updateVersioned(tx, dealRegistration, id, body.version, changes, REGISTRATION);
      await syncProducts(tx, after);
      await recordAudit(tx, { actor, entityType: 'deal_registration', entityId: id, action: 'status', before: auditableRegistration(before), after: auditableRegistration(after) });
    }),
  );
  return getRegistration(db, id, actor);
}
