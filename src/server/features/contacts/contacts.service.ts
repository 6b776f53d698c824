import { and, asc, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { contact, partner } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, fieldError, msg, notFound } from '../../lib/errors.js';
import { offsetOf } from '../../lib/pagination.js';
import type { Actor } from '../../lib/policy.js';
import { lockRow, updateVersioned } from '../../lib/versioned.js';
import type { Page } from '../../../shared/list.js';
import { CONTACT_ROLES, type ContactRole } from '../../../shared/partners.js';
import {
  STAKEHOLDER_GROUPS,
  UNASSIGNED,
  type Contact,
  type ContactSummary,
  type ListContactsQuery,
  type StakeholderMap,
  type createContactBody,
  type updateContactBody,
} from '../../../shared/schemas/contact.js';
import { lockPartnerForEdit } from '../partners/index.js';
import { auditableContact, presentContact, presentContactSummary, presentStakeholder, type ContactRow } from './contacts.presenter.js';
import { contactOrder, contactWhere, partnerJoin, stillThere } from './contacts.query.js';

type CreateInput = z.output<typeof createContactBody>;
type UpdateInput = z.output<typeof updateContactBody>;
type PartnerRow = typeof partner.$inferSelect;
/** A contact as errors name it. */
export const CONTACT = { what: msg('contacts.what'), the: msg('contacts.the') };

export async function listContacts(db: Db, q: ListContactsQuery): Promise<Page<ContactSummary>> {
  const where = contactWhere(q);
  const rows = await db
    .select({ c: contact, partnerName: partner.name, total: sql<number>`count(*) over()`.mapWith(Number) })
    .from(contact)
    .innerJoin(partner, partnerJoin)
    .where(where)
    .orderBy(...contactOrder(q.sort))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  let total = rows[0]?.total ?? 0;
  if (!rows.length && q.page > 1) {
    const [c] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(contact)
      .innerJoin(partner, partnerJoin)
      .where(where);
    total = c!.n;
  }
  return {
    items: rows.map((r) => presentContactSummary(r.c, { id: r.c.partnerId, name: r.partnerName })),
    page: q.page,
    pageSize: q.pageSize,
    total,
  };
}

export async function getContact(db: DbOrTx, id: string): Promise<Contact> {
  const [row] = await db.select({ c: contact, partnerName: partner.name }).from(contact).innerJoin(partner, partnerJoin).where(eq(contact.id, id));
  if (!row) throw notFound(CONTACT.what);
  return presentContact(row.c, { id: row.c.partnerId, name: row.partnerName });
}

/**
 * Every contact write locks the partner row first (then contacts), in that order everywhere, so
 * that two requests cannot both make someone the primary contact and cannot deadlock each other.
 * `field` names the request field that carried the id, for a 400 instead of a 404.
 */
const lockPartnerForWrite = (tx: DbOrTx, actor: Actor, partnerId: string, field?: string): Promise<PartnerRow> =>
  lockPartnerForEdit(tx, actor, partnerId, { field, purpose: msg('contacts.changingItsContacts') });

/** Locks a contact (after its partner) for a change by the actor. */
export async function lockContactForWrite(tx: DbOrTx, id: string, actor: Actor): Promise<{ row: ContactRow; partner: PartnerRow }> {
  const [ref] = await tx.select({ partnerId: contact.partnerId }).from(contact).where(eq(contact.id, id));
  if (!ref) throw notFound(CONTACT.what);
  const p = await lockPartnerForWrite(tx, actor, ref.partnerId);
  const row = await lockRow(tx, contact, id, CONTACT);
  // A partner merge may have moved the contact between the two reads.
  if (row.partnerId !== p.id) throw new AppError('conflict', msg('contacts.movedMeanwhile'));
  return { row, partner: p };
}

/** A partner has at most one primary contact: making someone primary demotes the previous one (audited). */
export async function clearPrimary(tx: DbOrTx, partnerId: string, exceptId: string | null, actor: Actor): Promise<void> {
  const demoted = await tx
    .update(contact)
    .set({ isPrimary: false, version: sql`${contact.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(contact.partnerId, partnerId), eq(contact.isPrimary, true), exceptId ? ne(contact.id, exceptId) : undefined))
    .returning();
  for (const row of demoted) {
    await recordAudit(tx, {
      actor,
      entityType: 'contact',
      entityId: row.id,
      action: 'update',
      before: { ...auditableContact(row), isPrimary: true },
      after: auditableContact(row),
    });
  }
}

export async function createContact(db: Db, input: CreateInput, actor: Actor): Promise<Contact> {
  return db.transaction(async (tx) => {
    const p = await lockPartnerForWrite(tx, actor, input.partnerId, 'body.partnerId');
    if (input.isPrimary) await clearPrimary(tx, p.id, null, actor);
    const [row] = await tx
      .insert(contact)
      .values({
        partnerId: p.id,
        firstName: input.firstName,
        lastName: input.lastName,
        title: input.title ?? null,
        role: input.role ?? null,
        influence: input.influence ?? null,
        strength: input.strength ?? null,
        email: input.email ?? null,
        phone: input.phone ?? null,
        location: input.location ?? null,
        notes: input.notes ?? null,
        isPrimary: input.isPrimary,
      })
      .returning();
    await recordAudit(tx, { actor, entityType: 'contact', entityId: row!.id, action: 'create', before: null, after: auditableContact(row!) });
    return presentContact(row!, p);
  });
}

export async function updateContact(db: Db, id: string, input: UpdateInput, actor: Actor): Promise<Contact> {
  return db.transaction(async (tx) => {
    const { row: before, partner: p } = await lockContactForWrite(tx, id, actor);
    if (before.archivedAt) throw new AppError('conflict', msg('contacts.archivedChange'));
    const { version, ...fields } = input;
    const leftAt = fields.leftAt !== undefined ? fields.leftAt : before.leftAt;
    if (fields.isPrimary && leftAt) throw fieldError('body.isPrimary', msg('contacts.leftCannotBePrimary'));
    // Leaving the partner ends being its primary contact.
    const isPrimary = leftAt ? false : (fields.isPrimary ?? before.isPrimary);
    if (isPrimary && !before.isPrimary) await clearPrimary(tx, p.id, id, actor);
    const after = await updateVersioned(tx, contact, id, version, { ...fields, isPrimary }, CONTACT);
    await recordAudit(tx, { actor, entityType: 'contact', entityId: id, action: 'update', before: auditableContact(before), after: auditableContact(after) });
    return presentContact(after, p);
  });
}

/** Archiving replaces deleting: the contact and its timeline links stay, hidden from lists. */
export async function setContactArchived(db: Db, id: string, archived: boolean, version: number, actor: Actor): Promise<Contact> {
  return db.transaction(async (tx) => {
    const { row: before, partner: p } = await lockContactForWrite(tx, id, actor);
    if (archived && before.archivedAt) throw new AppError('conflict', msg('contacts.alreadyArchived'));
    if (!archived && !before.archivedAt) throw new AppError('conflict', msg('contacts.notArchived'));
    if (!archived && before.mergedIntoId) {
      throw new AppError('conflict', msg('contacts.mergedInto', { id: before.mergedIntoId }));
    }
    const after = await updateVersioned(tx, contact, id, version, archived ? { archivedAt: sql`now()`, isPrimary: false } : { archivedAt: null }, CONTACT);
    await recordAudit(tx, {
      actor,
      entityType: 'contact',
      entityId: id,
      action: archived ? 'archive' : 'restore',
      before: auditableContact(before),
      after: auditableContact(after),
    });
    return presentContact(after, p);
  });
}

const INFLUENCE_RANK = sql`case ${contact.influence} when 'high' then 0 when 'medium' then 1 when 'low' then 2 else 3 end`;

/** The partner's current people (not left, not archived) by role: every role in order, then unassigned. */
export async function stakeholderMap(db: Db, partnerId: string): Promise<StakeholderMap> {
  const [p] = await db.select({ id: partner.id, name: partner.name }).from(partner).where(eq(partner.id, partnerId));
  if (!p) throw notFound(msg('partners.what'));
  const rows = await db
    .select()
    .from(contact)
    .where(and(eq(contact.partnerId, partnerId), isNull(contact.archivedAt), stillThere()))
    .orderBy(desc(contact.isPrimary), asc(INFLUENCE_RANK), asc(sql`lower(${contact.lastName})`), asc(sql`lower(${contact.firstName})`), asc(contact.id));
  const groupOf = (role: string | null) => (CONTACT_ROLES.includes(role as ContactRole) ? (role as ContactRole) : UNASSIGNED);
  return {
    partner: p,
    groups: STAKEHOLDER_GROUPS.map((role) => ({ role, contacts: rows.filter((r) => groupOf(r.role) === role).map(presentStakeholder) })),
  };
}
