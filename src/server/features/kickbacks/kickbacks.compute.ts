import { and, asc, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { commissionLine, dealStage, fxRate, kickbackAgreement, kickbackTier, opportunity, opportunityPartner } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, msg } from '../../lib/errors.js';
import type { Actor } from '../../lib/policy.js';
import { commissionDelta, commissionFor, tieredCommissions, type EarningDeal, type KickbackTerms } from '../../../shared/commissions.js';
import { addMonths } from '../../../shared/days.js';
import type { CommissionReason, DealCurrency, KickbackKind, TierMode } from '../../../shared/deals.js';
import { convertMinor, dealValue, MissingRateError } from '../../../shared/money.js';

// Commission lines follow the deals: the amount an (agreement, opportunity) should have earned is
// computed from the deal as it is now; the difference to its lines so far is appended as a new line,
// dated the day of the event (decision 0025). Lines are never updated or deleted.

export type AgreementRow = typeof kickbackAgreement.$inferSelect;

/** 'invoice_paid' agreements earn when invoices are paid, and invoices arrive with issue 15: nothing is computed for them yet. */
export const computes = (a: Pick<AgreementRow, 'basis' | 'archivedAt'>) => a.basis === 'won' && a.archivedAt === null;

export interface RecomputeResult {
  added: number;
  addedMinor: number;
}

interface WonDeal extends EarningDeal {
  title: string;
}

/** The agreement's terms as the pure rules take them. */
async function termsOf(tx: DbOrTx, a: AgreementRow): Promise<KickbackTerms> {
  const tiers = a.kind === 'tiered' ? await tx.select().from(kickbackTier).where(eq(kickbackTier.agreementId, a.id)).orderBy(asc(kickbackTier.thresholdMinor)) : [];
  return {
    kind: a.kind as KickbackKind,
    rateBp: a.rateBp,
    months: a.months,
    flatMinor: a.flatMinor,
    tiers: tiers.map((t) => ({ thresholdMinor: t.thresholdMinor, rateBp: t.rateBp })),
    tierMode: a.tierMode as TierMode | null,
  };
}

/**
 * The deals the agreement earns on: its partner brought them (role 'sourced'), they are won (a stage of
 * kind 'won') on a day inside the agreement's validity, and not archived. Amounts in the agreement's
 * currency: a deal in another currency converts with the rates of the month it was won.
 */
async function wonDeals(tx: DbOrTx, a: AgreementRow): Promise<WonDeal[]> {
  const rows = await tx
    .select({
      id: opportunity.id,
      title: opportunity.title,
      closedOn: opportunity.closedOn,
      oneOffMinor: opportunity.oneOffMinor,
      mrrMinor: opportunity.mrrMinor,
      currency: opportunity.currency,
    })
    .from(opportunity)
    .innerJoin(opportunityPartner, and(eq(opportunityPartner.opportunityId, opportunity.id), eq(opportunityPartner.partnerId, a.partnerId), eq(opportunityPartner.role, 'sourced')))
    .innerJoin(dealStage, eq(dealStage.key, opportunity.stageKey))
    .where(
      and(
        eq(dealStage.kind, 'won'),
        isNull(opportunity.archivedAt),
        isNotNull(opportunity.closedOn),
        sql`${opportunity.closedOn} >= ${a.validFrom}`,
        a.validTo ? sql`${opportunity.closedOn} <= ${a.validTo}` : undefined,
      ),
    );
  const to = a.currency as DealCurrency;
  const foreign = rows.filter((r) => r.currency !== to);
  const rates = new Map<string, string>();
  if (foreign.length) {
    const months = [...new Set(foreign.map((r) => r.closedOn!.slice(0, 7)))];
    for (const r of await tx.select().from(fxRate).where(inArray(fxRate.month, months))) rates.set(`${r.month}:${r.currency}`, r.rateToChf);
  }
  return rows.map((r) => {
    const month = r.closedOn!.slice(0, 7);
    const convert = (amount: number) => {
      try {
        return convertMinor(amount, r.currency as DealCurrency, to, (c) => rates.get(`${month}:${c}`) ?? null);
      } catch (e) {
        if (e instanceof MissingRateError) throw new AppError('conflict', msg('kickbacks.missingRate', { currency: e.currency, month, title: r.title }));
        throw e;
      }
    };
    return { opportunityId: r.id, title: r.title, won: true, wonOn: r.closedOn, oneOffMinor: convert(r.oneOffMinor), mrrMinor: convert(r.mrrMinor) };
  });
}

/** The first day of each agreement year (yearly from validFrom) that holds `day`. */
export function agreementYearStart(validFrom: string, day: string): string {
  let start = validFrom;
  for (let k = 1; ; k++) {
    const next = addMonths(validFrom, 12 * k);
    if (next > day) return start;
    start = next;
  }
}

interface Wanted {
  amount: number;
  basisMinor: number | null;
  rateBp: number | null;
}

/** What each won deal should have earned, with what it was computed from (for the statement). */
function wantedAmounts(terms: KickbackTerms, a: AgreementRow, deals: WonDeal[]): Map<string, Wanted> {
  const out = new Map<string, Wanted>();
  if (terms.kind !== 'tiered') {
    for (const d of deals) {
      const amount = commissionFor(terms, d);
      if (terms.kind === 'first_year_pct') out.set(d.opportunityId, { amount, basisMinor: dealValue(d), rateBp: terms.rateBp });
      else if (terms.kind === 'mrr_pct_months') out.set(d.opportunityId, { amount, basisMinor: d.mrrMinor * (terms.months ?? 0), rateBp: terms.rateBp });
      else out.set(d.opportunityId, { amount, basisMinor: null, rateBp: null });
    }
    return out;
  }
  // Each agreement year's volume decides its tier; deals of different years never mix.
  const years = new Map<string, WonDeal[]>();
  for (const d of deals) {
    const y = agreementYearStart(a.validFrom, d.wonOn!);
    years.set(y, [...(years.get(y) ?? []), d]);
  }
  for (const group of years.values()) {
    const amounts = tieredCommissions(terms, group);
    const volume = group.reduce((s, d) => s + dealValue(d), 0);
    const reached = [...terms.tiers].sort((x, y) => x.thresholdMinor - y.thresholdMinor).filter((t) => t.thresholdMinor <= volume);
    // Whole year: one rate for every deal; above the threshold a deal may span tiers, so no single rate explains it.
    const rate = terms.tierMode === 'whole_year' ? (reached.at(-1)?.rateBp ?? 0) : null;
    for (const d of group) out.set(d.opportunityId, { amount: amounts.get(d.opportunityId) ?? 0, basisMinor: dealValue(d), rateBp: rate });
  }
  return out;
}

/** Sum and count of the lines so far per opportunity of an agreement. */
async function linesSoFar(tx: DbOrTx, agreementId: string, only?: string): Promise<Map<string, { sum: number; count: number }>> {
  const rows = await tx
    .select({
      opportunityId: commissionLine.opportunityId,
      sum: sql<number>`coalesce(sum(${commissionLine.amountMinor}), 0)::bigint`.mapWith(Number),
      count: sql<number>`count(*)::int`.mapWith(Number),
    })
    .from(commissionLine)
    .where(and(eq(commissionLine.agreementId, agreementId), only ? eq(commissionLine.opportunityId, only) : isNotNull(commissionLine.opportunityId)))
    .groupBy(commissionLine.opportunityId);
  return new Map(rows.map((r) => [r.opportunityId!, { sum: r.sum, count: r.count }]));
}

export interface RecomputeOptions {
  /** The day of the event: the new lines' earned_on. */
  today: string;
  actor: Actor | null;
  /** The opportunity whose change triggered this (its lines say earned/changed/reversed; other deals' tier lines say 'tier'). */
  changed?: string;
  /** Only this opportunity's lines (a non-tiered agreement: one deal never changes another's amount). */
  only?: string;
}

/**
 * Appends the lines that bring an agreement's lines to what its deals earn now; a second run adds
 * nothing. The caller holds the agreement's row lock (lockAgreement), so two recomputations of one
 * agreement never append the same difference twice.
 */
export async function recomputeAgreement(tx: DbOrTx, a: AgreementRow, opts: RecomputeOptions): Promise<RecomputeResult> {
  if (!computes(a)) return { added: 0, addedMinor: 0 };
  const terms = await termsOf(tx, a);
  // A tiered agreement's deals depend on each other (the year's volume): always the whole agreement.
  const only = terms.kind === 'tiered' ? undefined : opts.only;
  const deals = (await wonDeals(tx, a)).filter((d) => !only || d.opportunityId === only);
  const wanted = wantedAmounts(terms, a, deals);
  const existing = await linesSoFar(tx, a.id, only);
  const ids = [...new Set([...wanted.keys(), ...existing.keys()])].sort();
  const result: RecomputeResult = { added: 0, addedMinor: 0 };
  for (const opportunityId of ids) {
    const want = wanted.get(opportunityId);
    const had = existing.get(opportunityId) ?? { sum: 0, count: 0 };
    const delta = commissionDelta(want?.amount ?? 0, [had.sum]);
    if (delta === 0) continue;
    const reason: CommissionReason =
      had.count === 0 ? 'earned' : !want || want.amount === 0 ? 'reversed' : terms.kind === 'tiered' && opts.changed && opts.changed !== opportunityId ? 'tier' : 'changed';
    const [line] = await tx
      .insert(commissionLine)
      .values({
        agreementId: a.id,
        partnerId: a.partnerId,
        opportunityId,
        earnedOn: opts.today,
        amountMinor: delta,
        currency: a.currency,
        reason,
        basisMinor: want?.basisMinor ?? null,
        rateBp: want?.rateBp ?? null,
        createdBy: opts.actor?.id ?? null,
      })
      .returning();
    const { createdAt: _c, id: _i, ...after } = line!;
    await recordAudit(tx, { actor: opts.actor, entityType: 'commission_line', entityId: line!.id, action: 'create', before: null, after });
    result.added += 1;
    result.addedMinor += delta;
  }
  return result;
}

/** Locks an agreement row for the rest of the transaction (recomputations of one agreement run one after the other). */
export async function lockAgreementRow(tx: DbOrTx, id: string): Promise<AgreementRow | undefined> {
  const [row] = await tx.select().from(kickbackAgreement).where(eq(kickbackAgreement.id, id)).for('update');
  return row;
}

/**
 * After any change of an opportunity (the listener of the opportunities feature, inside its
 * transaction): recomputes the agreements of the partners who brought it, and of any agreement that
 * already has lines on it (a partner removed from the deal, or no longer 'sourced', is reversed).
 */
export async function recomputeOpportunity(tx: DbOrTx, opportunityId: string, actor: Actor | null, today: string): Promise<RecomputeResult> {
  const sourcedBy = tx
    .select({ partnerId: opportunityPartner.partnerId })
    .from(opportunityPartner)
    .where(and(eq(opportunityPartner.opportunityId, opportunityId), eq(opportunityPartner.role, 'sourced')));
  const withLines = tx.selectDistinct({ id: commissionLine.agreementId }).from(commissionLine).where(eq(commissionLine.opportunityId, opportunityId));
  const agreements = await tx
    .select({ id: kickbackAgreement.id })
    .from(kickbackAgreement)
    .where(
      and(eq(kickbackAgreement.basis, 'won'), isNull(kickbackAgreement.archivedAt), or(inArray(kickbackAgreement.partnerId, sourcedBy), inArray(kickbackAgreement.id, withLines))),
    )
    .orderBy(asc(kickbackAgreement.id));
  const total: RecomputeResult = { added: 0, addedMinor: 0 };
  for (const { id } of agreements) {
    const a = await lockAgreementRow(tx, id);
    if (!a) continue;
    const r = await recomputeAgreement(tx, a, { today, actor, changed: opportunityId, only: opportunityId });
    total.added += r.added;
    total.addedMinor += r.addedMinor;
  }
  return total;
}
