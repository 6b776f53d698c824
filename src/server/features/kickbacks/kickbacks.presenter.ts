import type { commissionStatement, kickbackAgreement, kickbackTier } from '../../db/schema/index.js';
import type { Actor } from '../../lib/policy.js';
import type { DealCurrency, KickbackBasis, KickbackKind, StatementStatus, TierMode } from '../../../shared/deals.js';
import type { Locale } from '../../../shared/i18n/locales.js';
import { quarterBounds, quarterOf, type Agreement, type Statement } from '../../../shared/schemas/kickback.js';
import { tFor } from '../../i18n.js';
import { computes } from './kickbacks.compute.js';
import { canManage, canPayout } from './kickbacks.policy.js';

export type AgreementRow = typeof kickbackAgreement.$inferSelect;
export type TierRow = typeof kickbackTier.$inferSelect;
export type StatementRow = typeof commissionStatement.$inferSelect;

/** Why an agreement computes nothing, in the reader's language; null when it computes. */
export function agreementNotice(a: Pick<AgreementRow, 'basis'>, locale: Locale): string | null {
  return a.basis === 'invoice_paid' ? tFor(locale)('kickbacks:agreement.awaitingInvoices') : null;
}

export function presentAgreement(a: AgreementRow, x: { partnerName: string | null; tiers: TierRow[]; earnedMinor: number }, actor: Actor, locale: Locale): Agreement {
  const manage = canManage(actor);
  const archived = a.archivedAt !== null;
  return {
    id: a.id,
    partner: { id: a.partnerId, name: x.partnerName ?? '' },
    name: a.name,
    validFrom: a.validFrom,
    validTo: a.validTo,
    kind: a.kind as KickbackKind,
    basis: a.basis as KickbackBasis,
    rateBp: a.rateBp,
    months: a.months,
    flatMinor: a.flatMinor,
    tiers: x.tiers.sort((p, q) => p.thresholdMinor - q.thresholdMinor).map((t) => ({ thresholdMinor: t.thresholdMinor, rateBp: t.rateBp })),
    tierMode: a.tierMode as TierMode | null,
    currency: a.currency as DealCurrency,
    notes: a.notes,
    computes: computes({ basis: a.basis, archivedAt: null }),
    notice: agreementNotice(a, locale),
    earnedMinor: x.earnedMinor,
    archivedAt: a.archivedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    version: a.version,
    can: { edit: manage && !archived, archive: manage && !archived, restore: manage && archived, recompute: manage && !archived && a.basis === 'won' },
  };
}

/** What the audit trail keeps of an agreement: its business fields and its tiers. */
export function auditableAgreement(a: AgreementRow, tiers: { thresholdMinor: number; rateBp: number }[]) {
  const { version: _v, createdAt: _c, updatedAt: _u, id: _i, ...rest } = a;
  return { ...rest, tiers: tiers.map((t) => ({ thresholdMinor: t.thresholdMinor, rateBp: t.rateBp })), archivedAt: a.archivedAt?.toISOString() ?? null };
}

/** 'YYYY-Qn' when the period is exactly one quarter. */
export function quarterLabel(start: string, end: string): string | null {
  const q = quarterOf(start);
  const b = quarterBounds(q);
  return b.start === start && b.end === end ? q : null;
}

export function presentStatement(
  s: StatementRow,
  x: { partnerName: string | null; approvedByName: string | null; totalMinor: number; lineCount: number },
  actor: Actor,
): Statement {
  const payout = canPayout(actor);
  return {
    id: s.id,
    partner: { id: s.partnerId, name: x.partnerName ?? '' },
    periodStart: s.periodStart,
    periodEnd: s.periodEnd,
    quarter: quarterLabel(s.periodStart, s.periodEnd),
    currency: s.currency as DealCurrency,
    status: s.status as StatementStatus,
    totalMinor: x.totalMinor,
    lineCount: x.lineCount,
    approvedAt: s.approvedAt?.toISOString() ?? null,
    approvedBy: s.approvedBy ? { id: s.approvedBy, name: x.approvedByName ?? '' } : null,
    paidOn: s.paidOn,
    paymentReference: s.paymentReference,
    createdAt: s.createdAt.toISOString(),
    version: s.version,
    can: { approve: payout && s.status === 'due', pay: payout && s.status === 'approved' },
  };
}

export function auditableStatement(s: StatementRow) {
  const { version: _v, createdAt: _c, updatedAt: _u, id: _i, ...rest } = s;
  return { ...rest, approvedAt: s.approvedAt?.toISOString() ?? null };
}
