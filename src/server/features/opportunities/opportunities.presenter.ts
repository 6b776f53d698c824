import type { customer, dealStage, opportunity } from '../../db/schema/index.js';
import { msg } from '../../lib/errors.js';
import type { Actor } from '../../lib/policy.js';
import type { DealCurrency, DealPartnerRole, StageKind } from '../../../shared/deals.js';
import { arrOf, dealValue, weighted } from '../../../shared/money.js';
import type { Opportunity, OpportunityCan, StageRef } from '../../../shared/schemas/opportunity.js';
import { opportunitiesPolicy } from './opportunities.policy.js';

export type OpportunityRow = typeof opportunity.$inferSelect;
export type StageRow = typeof dealStage.$inferSelect;
export interface OpportunityJoined {
  o: OpportunityRow;
  s: StageRow;
  c: typeof customer.$inferSelect;
  ownerName: string | null;
}

/** An opportunity as errors name it. */
export const OPPORTUNITY = { what: msg('deals.what'), the: msg('deals.the') };

export const presentStage = (s: StageRow): StageRef => ({ key: s.key, name: s.name, probability: s.probability, kind: s.kind as StageKind });

/**
 * What the actor may do with an opportunity: administrators and Partner Managers every one, members
 * those they own or whose partner (any of them) they may edit; an archived one is only restored.
 */
export function opportunityCan(actor: Actor, o: Pick<OpportunityRow, 'ownerId' | 'archivedAt'>, partnerEditable: boolean): OpportunityCan {
  const writer = opportunitiesPolicy.write.allow(actor);
  const allowed = writer && (actor.role === 'admin' || actor.role === 'manager' || o.ownerId === actor.id || partnerEditable);
  const archived = o.archivedAt !== null;
  return { edit: allowed && !archived, move: allowed && !archived, archive: allowed && !archived, restore: allowed && archived };
}

export function presentOpportunity(
  r: OpportunityJoined,
  partners: { id: string; name: string; role: DealPartnerRole }[],
  products: { id: string; name: string }[],
  can: OpportunityCan,
): Opportunity {
  const { o, s, c } = r;
  const value = dealValue(o);
  return {
    id: o.id,
    title: o.title,
    customer: { id: c.id, name: c.name, domain: c.domain, country: c.country },
    stage: presentStage(s),
    partners,
    products,
    currency: o.currency as DealCurrency,
    oneOffMinor: o.oneOffMinor,
    mrrMinor: o.mrrMinor,
    arrMinor: arrOf(o.mrrMinor),
    valueMinor: value,
    weightedMinor: weighted(value, s.probability),
    expectedCloseOn: o.expectedCloseOn,
    closedOn: o.closedOn,
    owner: o.ownerId ? { id: o.ownerId, name: r.ownerName ?? '' } : null,
    nextStep: o.nextStep,
    nextStepDueOn: o.nextStepDueOn,
    lostReason: o.lostReason,
    notes: o.notes,
    archivedAt: o.archivedAt?.toISOString() ?? null,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
    version: o.version,
    can,
  };
}

/** What the audit trail keeps of an opportunity: its business fields, with its partners and products when given. */
export function auditableOpportunity(o: OpportunityRow, parts: { partners?: { partnerId: string; role: string }[]; productIds?: string[] } = {}) {
  const { version: _v, createdAt: _c, updatedAt: _u, id: _i, ...rest } = o;
  return {
    ...rest,
    archivedAt: o.archivedAt?.toISOString() ?? null,
    ...(parts.partners ? { partners: [...parts.partners].sort((a, b) => a.partnerId.localeCompare(b.partnerId)).map((p) => `${p.partnerId}:${p.role}`) } : {}),
    ...(parts.productIds ? { productIds: [...parts.productIds].sort() } : {}),
  };
}
