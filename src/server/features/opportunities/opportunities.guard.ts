import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { opportunity, opportunityPartner } from '../../db/schema/index.js';
import { AppError, msg, notFound } from '../../lib/errors.js';
import type { Actor } from '../../lib/policy.js';
import { lockRow } from '../../lib/versioned.js';
import { editablePartnerIds, lockPartnerForEdit } from '../partners/index.js';
import { OPPORTUNITY, type OpportunityRow } from './opportunities.presenter.js';

const partnerIdsOf = async (tx: DbOrTx, id: string) =>
  (await tx.select({ id: opportunityPartner.partnerId }).from(opportunityPartner).where(eq(opportunityPartner.opportunityId, id)).orderBy(asc(opportunityPartner.partnerId))).map(
    (r) => r.id,
  );

/** Administrators and Partner Managers every deal; members those they own or whose partner (any) they may edit. */
export async function mayEditOpportunity(tx: DbOrTx, actor: Actor, ownerId: string | null, partnerIds: readonly string[]): Promise<boolean> {
  if (actor.role === 'admin' || actor.role === 'manager') return true;
  if (actor.role !== 'member') return false;
  if (ownerId === actor.id) return true;
  return (await editablePartnerIds(tx, actor, partnerIds)).size > 0;
}

export const forbiddenOpportunity = () => new AppError('forbidden', msg('deals.forbidden'));

/**
 * An opportunity locked for a change by the actor: 404; 403 when they may not edit it; then its
 * partners locked through the partner guard in id order (every deal write and the partner merge lock
 * partners first, in a stable order, so two writes never wait on each other crosswise), then the
 * opportunity row. Returns the locked row and its partners' ids.
 */
export async function lockOpportunityForEdit(tx: DbOrTx, actor: Actor, id: string): Promise<{ row: OpportunityRow; partnerIds: string[] }> {
  const [ref] = await tx.select({ ownerId: opportunity.ownerId }).from(opportunity).where(eq(opportunity.id, id));
  if (!ref) throw notFound(OPPORTUNITY.what);
  const partnerIds = await partnerIdsOf(tx, id);
  if (!(await mayEditOpportunity(tx, actor, ref.ownerId, partnerIds))) throw forbiddenOpportunity();
  for (const pid of partnerIds) await lockPartnerForEdit(tx, actor, pid, { permitted: true, allowArchived: true });
  const row = await lockRow(tx, opportunity, id, OPPORTUNITY);
  // A partner merge may have moved the deal's partners between the read and the locks.
  const now = await partnerIdsOf(tx, id);
  if (now.join() !== partnerIds.join() || row.ownerId !== ref.ownerId) throw new AppError('conflict', msg('deals.changedMeanwhile'));
  return { row, partnerIds };
}
