import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { partner } from '../../db/schema/index.js';
import type { Actor } from '../../lib/policy.js';
import type { ContactCan } from '../../../shared/schemas/contact.js';
import type { PartnerCan } from '../../../shared/schemas/partner.js';
import { editablePartnerIds, ownsOrOnTeam, partnersPolicy } from './partners.policy.js';

export { editablePartnerIds } from './partners.policy.js';

/**
 * What the actor may do with a partner, for its `can` in responses. `editable`: editablePartnerIds'
 * answer. An archived partner is changed by nobody until it is restored, and one merged into another
 * cannot be restored (its records moved): the answers the writes give.
 */
export function partnerCan(actor: Actor, p: { archivedAt: unknown; mergedIntoId?: string | null }, editable: boolean): PartnerCan {
  const manage = partnersPolicy.manage.allow(actor);
  const archived = p.archivedAt !== null;
  return {
    edit: editable && !archived,
    archive: manage && !archived,
    restore: manage && archived && !p.mergedIntoId,
    merge: manage && !archived,
  };
}

/**
 * What the actor may do with a contact: it inherits its partner's rule (changed where one may change
 * the partner, while the partner is not archived); merging duplicates is the Partner Manager's.
 */
export function contactCan(actor: Actor, c: { archivedAt: unknown; mergedIntoId: string | null }, partnerOf: { archived: boolean; editable: boolean }): ContactCan {
  const open = partnerOf.editable && !partnerOf.archived;
  const archived = c.archivedAt !== null;
  return {
    edit: open && !archived,
    archive: open && !archived,
    restore: open && archived && !c.mergedIntoId,
    merge: open && partnersPolicy.manage.allow(actor) && !archived,
  };
}

/** Whether each of these partners is archived and editable by the actor, in one query: for the contacts or tasks of many partners. */
export async function partnerStates(tx: DbOrTx, actor: Actor, partnerIds: readonly string[]): Promise<Map<string, { archived: boolean; editable: boolean }>> {
  const ids = [...new Set(partnerIds)];
  if (!ids.length) return new Map();
  const everyone = actor.role === 'admin' || actor.role === 'manager';
  const rows = await tx
    .select({
      id: partner.id,
      archivedAt: partner.archivedAt,
      mine: actor.role === 'member' ? sql<boolean>`(${ownsOrOnTeam(actor.id)})` : sql<boolean>`false`,
    })
    .from(partner)
    .where(inArray(partner.id, ids));
  return new Map(rows.map((r) => [r.id, { archived: r.archivedAt !== null, editable: everyone || r.mine === true }]));
}

/** A page of partners with what the actor may do with each (one query for the page, none for most roles). */
export async function withPartnerCan<T extends { id: string; archivedAt: string | null; mergedIntoId?: string | null }>(
  tx: DbOrTx,
  actor: Actor,
  items: readonly T[],
): Promise<(T & { can: PartnerCan })[]> {
  const editable = await editablePartnerIds(
    tx,
    actor,
    items.map((p) => p.id),
  );
  return items.map((p) => ({ ...p, can: partnerCan(actor, p, editable.has(p.id)) }));
}

/** Contacts with what the actor may do with each, from their partners (one query for all of them). */
export async function withContactCan<T extends { partner: { id: string }; archivedAt: string | null; mergedIntoId: string | null }>(
  tx: DbOrTx,
  actor: Actor,
  items: readonly T[],
): Promise<(T & { can: ContactCan })[]> {
  const states = await partnerStates(
    tx,
    actor,
    items.map((c) => c.partner.id),
  );
  return items.map((c) => ({ ...c, can: contactCan(actor, c, states.get(c.partner.id) ?? { archived: true, editable: false }) }));
}
