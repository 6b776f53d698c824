import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { partner, teamAssignment } from '../../db/schema/index.js';
import { roles, signedIn, type Actor } from '../../lib/policy.js';

export const partnersPolicy = {
  /** Everyone signed in reads everything about partners. */
  read: signedIn,
  /** Writers; members are further limited to partners they own or are on the team of (see below). */
  write: roles('admin', 'manager', 'member'),
  /** Archive, restore, merge and the product catalogue: the Partner Manager's. */
  manage: roles('admin', 'manager'),
};

/** The member's rule as SQL on the partner table: partners they own or are on the team of. */
export const ownsOrOnTeam = (userId: string) =>
  or(eq(partner.ownerId, userId), sql`exists (select 1 from ${teamAssignment} where ${teamAssignment.partnerId} = ${partner.id} and ${teamAssignment.userId} = ${userId})`)!;

/**
 * Which of these partners the actor may change, with what hangs off them (contacts, timeline, team):
 * administrators and Partner Managers every one, members those they own or are on the team of, the
 * other roles none. The one statement of the rule: responses' `can`, the write guard
 * (lockPartnerForEdit) and other features' rules ask it. One query for a whole page of partners,
 * none for the roles that need no row.
 */
export async function editablePartnerIds(tx: DbOrTx, actor: Actor, partnerIds: readonly string[]): Promise<Set<string>> {
  if (actor.role === 'admin' || actor.role === 'manager') return new Set(partnerIds);
  if (actor.role !== 'member' || !partnerIds.length) return new Set();
  const rows = await tx
    .select({ id: partner.id })
    .from(partner)
    .where(and(inArray(partner.id, [...new Set(partnerIds)]), ownsOrOnTeam(actor.id)));
  return new Set(rows.map((r) => r.id));
}

/**
 * Whether the actor may change this partner and what hangs off it, for showing actions and for
 * other features' rules; a write takes lockPartnerForEdit (partners.guard.ts), which locks and checks.
 */
export async function canEditPartner(tx: DbOrTx, actor: Actor, partnerId: string): Promise<boolean> {
  return (await editablePartnerIds(tx, actor, [partnerId])).has(partnerId);
}
