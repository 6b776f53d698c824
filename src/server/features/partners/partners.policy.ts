import { and, eq, or, sql } from 'drizzle-orm';
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

/**
 * Whether the actor may change this partner and what hangs off it (contacts, timeline, team), for
 * showing actions; a write takes lockPartnerForEdit (partners.guard.ts), which locks and checks.
 */
export async function canEditPartner(tx: DbOrTx, actor: Actor, partnerId: string): Promise<boolean> {
  if (actor.role === 'admin' || actor.role === 'manager') return true;
  if (actor.role !== 'member') return false;
  const rows = await tx
    .select({ one: sql<number>`1` })
    .from(partner)
    .where(
      and(
        eq(partner.id, partnerId),
        or(
          eq(partner.ownerId, actor.id),
          sql`exists (select 1 from ${teamAssignment} where ${teamAssignment.partnerId} = ${partner.id} and ${teamAssignment.userId} = ${actor.id})`,
        ),
      ),
    );
  return rows.length > 0;
}
