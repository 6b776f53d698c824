import type { partner } from '../../db/schema/index.js';
import type { Partner, PartnerSummary } from '../../../shared/schemas/partner.js';
import type { Direction, Importance, PartnerStatus, PartnerType, PartnerLinkKind } from '../../../shared/partners.js';
import type { Cadence } from '../cadence/index.js';

type Row = typeof partner.$inferSelect;
const iso = (d: Date | null) => d?.toISOString() ?? null;

export const presentPartnerSummary = (p: Row, owner: { id: string; name: string } | null, cadence: Cadence): PartnerSummary => ({
  id: p.id,
  name: p.name,
  types: p.types as PartnerType[],
  status: p.status as PartnerStatus,
  importance: p.importance as Importance,
  country: p.country,
  tags: p.tags,
  owner,
  lastContactAt: iso(p.lastContactAt),
  contactIntervalDays: p.contactIntervalDays,
  effectiveContactIntervalDays: cadence.intervalDays,
  contactDueAt: iso(cadence.dueAt),
  contactOverdue: cadence.overdue,
  riskReviewDueOn: p.riskReviewDueOn,
  archivedAt: iso(p.archivedAt),
  version: p.version,
});

export interface PartnerExtras {
  owner: { id: string; name: string } | null;
  products: { id: string; name: string }[];
  related: { linkId: string; kind: PartnerLinkKind; direction: 'outgoing' | 'incoming'; partner: { id: string; name: string } }[];
  cadence: Cadence;
}

export const presentPartner = (p: Row, x: PartnerExtras): Partner => ({
  ...presentPartnerSummary(p, x.owner, x.cadence),
  legalName: p.legalName,
  website: p.website,
  description: p.description,
  logoUrl: p.logoUrl,
  statusChangedAt: p.statusChangedAt.toISOString(),
  strategy: p.strategy,
  regions: p.regions,
  industries: p.industries,
  valueWeBring: p.valueWeBring,
  valueTheyBring: p.valueTheyBring,
  directions: p.directions as Direction[],
  pricingNotes: p.pricingNotes,
  links: p.links,
  products: x.products,
  related: x.related,
  mergedIntoId: p.mergedIntoId,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

/** What the audit trail keeps of a partner: every business field, no timestamps. */
export function auditablePartner(p: Row, productIds?: string[]) {
  const { version: _v, createdAt: _c, updatedAt: _u, lastContactAt: _l, statusChangedAt: _s, ...rest } = p;
  return { ...rest, archivedAt: iso(p.archivedAt), ...(productIds ? { productIds: [...productIds].sort() } : {}) };
}
