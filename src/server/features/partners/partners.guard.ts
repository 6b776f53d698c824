import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { partner } from '../../db/schema/index.js';
import { AppError, fieldError, msg, notFound, type Text } from '../../lib/errors.js';
import type { Actor } from '../../lib/policy.js';
import { canEditPartner } from './partners.policy.js';

export type LockedPartner = typeof partner.$inferSelect;

export interface PartnerEditOptions {
  /** The request field that named the partner (e.g. 'body.partnerId'): a missing one is then a 400 on it, not a 404. */
  field?: string;
  /** What the change does, for the answer about an archived partner: "… restore the partner before changing its contacts". */
  purpose?: Text;
  /** Changes that were allowed on an archived partner before the guard existed (e.g. a contract's text) stay allowed. */
  allowArchived?: boolean;
  /**
   * The caller has already decided that the actor may make this change through the record itself
   * (a member's own task, moved to another subject of the same partner): lock and archived check only.
   */
  permitted?: boolean;
}

/** A partner as errors name it. */
export const PARTNER = { what: msg('partners.what'), the: msg('partners.the') };

export const forbiddenPartner = () => new AppError('forbidden', msg('partners.forbidden'));

/**
 * The one guard for every write to a partner or to something of a partner: locks the partner row for
 * the transaction, so an archive, a merge or another write to the same partner waits for this one;
 * then answers, in this order, 404 (or 400 on `field`) when it does not exist, 403 when the actor
 * may not edit it, 409 when it is archived. Returns the locked row.
 *
 * The lock is FOR NO KEY UPDATE: it excludes every other guard, every update of the partner row
 * (archive, edit) and the merge's FOR UPDATE, but not the key-share locks that inserting a record
 * referencing the partner takes, so a transaction that inserted a child row before taking the guard
 * cannot deadlock with one that waits here. Lock the partner before the record you change (the
 * merge locks partners first and then moves their records).
 */
export async function lockPartnerForEdit(tx: DbOrTx, actor: Actor, partnerId: string, opts: PartnerEditOptions = {}): Promise<LockedPartner> {
  const [p] = await tx.select().from(partner).where(eq(partner.id, partnerId)).for('no key update');
  if (!p) throw opts.field ? fieldError(opts.field, msg('partners.unknown')) : notFound(PARTNER.what);
  if (!opts.permitted && !(await canEditPartner(tx, actor, p.id))) throw forbiddenPartner();
  if (p.archivedAt && !opts.allowArchived) throw new AppError('conflict', msg('partners.archived', { name: p.name, purpose: opts.purpose ?? msg('partners.changingIt') }));
  return p;
}
