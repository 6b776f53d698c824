import { asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { activityContact, contact } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, fieldError, msg } from '../../lib/errors.js';
import type { Actor } from '../../lib/policy.js';
import { updateVersioned } from '../../lib/versioned.js';
import type { Contact } from '../../../shared/schemas/contact.js';
import { auditableContact, presentContact, type ContactRow } from './contacts.presenter.js';
import { CONTACT, lockContactForWrite } from './contacts.service.js';
import { refreshLastContact } from '../partners/index.js';

/** Fields the survivor takes from the duplicate when its own are empty. */
const FILLABLE = ['title', 'role', 'influence', 'strength', 'email', 'phone', 'location', 'notes'] as const;

const linkedActivities = async (tx: Tx, contactId: string) =>
  (await tx.select({ id: activityContact.activityId }).from(activityContact).where(eq(activityContact.contactId, contactId)).orderBy(asc(activityContact.activityId))).map(
    (r) => r.id,
  );

/**
 * Merges a duplicate INTO the survivor: every timeline link moves over (a meeting that named both
 * keeps one link), the survivor's empty fields are filled from the duplicate, the newer last
 * contact wins, and the duplicate is archived pointing at the survivor. Both sides are audited.
 */
export async function mergeContacts(db: Db, survivorId: string, duplicateId: string, version: number, actor: Actor): Promise<Contact> {
  if (survivorId === duplicateId) throw fieldError('body.duplicateId', msg('contacts.mergeSelf'));
  return db.transaction(async (tx) => {
    const { row: survivor, partner: p } = await lockContactForWrite(tx, survivorId, actor);
    const [duplicate] = await tx.select().from(contact).where(eq(contact.id, duplicateId)).for('update');
    if (!duplicate) throw fieldError('body.duplicateId', msg('contacts.unknown'));
    if (duplicate.partnerId !== survivor.partnerId) throw fieldError('body.duplicateId', msg('contacts.otherPartner'));
    if (survivor.archivedAt || duplicate.archivedAt) throw new AppError('conflict', msg('contacts.mergeArchived'));

    const survivorLinksBefore = await linkedActivities(tx, survivorId);
    const duplicateLinks = await linkedActivities(tx, duplicateId);
    await tx.execute(sql`insert into ${activityContact} (activity_id, contact_id)
      select activity_id, ${survivorId}::uuid from ${activityContact} where contact_id = ${duplicateId}
      on conflict do nothing`);
    await tx.delete(activityContact).where(eq(activityContact.contactId, duplicateId));
    // Earlier merges into the duplicate now resolve to the survivor directly.
    await tx.update(contact).set({ mergedIntoId: survivorId }).where(eq(contact.mergedIntoId, duplicateId));

    const filled: Partial<ContactRow> = {};
    for (const k of FILLABLE) if ((survivor[k] ?? '') === '' && (duplicate[k] ?? '') !== '') filled[k] = duplicate[k];
    // The duplicate may have been the partner's primary contact; the survivor takes that over.
    const isPrimary = !survivor.leftAt && (survivor.isPrimary || duplicate.isPrimary);
    // The duplicate gives up its primary flag first: the database allows one primary per partner.
    const [archived] = await tx
      .update(contact)
      .set({ archivedAt: sql`now()`, mergedIntoId: survivorId, isPrimary: false, version: sql`${contact.version} + 1`, updatedAt: sql`now()` })
      .where(eq(contact.id, duplicateId))
      .returning();
    await updateVersioned(tx, contact, survivorId, version, { ...filled, isPrimary }, CONTACT);
    // Last contact follows from the timeline links the survivor now has, by the timeline's own rule.
    await refreshLastContact(tx, { contactIds: [survivorId] });
    const [after] = await tx.select().from(contact).where(eq(contact.id, survivorId));

    const survivorLinksAfter = await linkedActivities(tx, survivorId);
    await recordAudit(tx, {
      actor,
      entityType: 'contact',
      entityId: survivorId,
      action: `merge:${duplicateId}`,
      before: { ...auditableContact(survivor), activityIds: survivorLinksBefore },
      after: { ...auditableContact(after!), activityIds: survivorLinksAfter },
    });
    await recordAudit(tx, {
      actor,
      entityType: 'contact',
      entityId: duplicateId,
      action: `merged-into:${survivorId}`,
      before: { ...auditableContact(duplicate), activityIds: duplicateLinks },
      after: { ...auditableContact(archived!), activityIds: [] },
    });
    return presentContact(after!, p);
  });
}
