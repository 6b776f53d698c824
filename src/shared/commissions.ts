/**
 * Kickback rules of joint business (issue 13), pure so the recomputation on the server, the statement
 * and the agreement form's preview agree to the Rappen. See docs/decisions/0025-joint-business-design.md
 * ("Rules"): every amount is rounded once, half away from zero, at the line; commissions are recomputed,
 * never rewritten — the difference to the lines already written is the next line.
 */
import type { KickbackKind, TierMode } from './deals.js';
import { dealValue, percentOf, roundHalfAwayFromZero } from './money.js';

export type { KickbackKind, TierMode } from './deals.js';

export interface KickbackTier {
  /** The year's volume (minor units) from which this rate applies; 0 is the base rate. */
  thresholdMinor: number;
  rateBp: number;
}

export interface KickbackTerms {
  kind: KickbackKind;
  rateBp: number | null;
  months: number | null;
  flatMinor: number | null;
  tiers: KickbackTier[];
  tierMode: TierMode | null;
}

export interface EarningDeal {
  opportunityId: string;
  won: boolean;
  /** yyyy-mm-dd */
  wonOn: string | null;
  oneOffMinor: number;
  mrrMinor: number;
}

function required(value: number | null, what: string, kind: KickbackKind): number {
  if (value === null) throw new RangeError(`a ${kind} agreement needs ${what}`);
  return value;
}

/**
 * What one deal earns under a non-tiered agreement (tiers depend on the whole year: tieredCommissions).
 * A deal that is not won earns nothing, so a lost-after-won deal's lines are reversed by the delta.
 */
export function commissionFor(terms: KickbackTerms, deal: EarningDeal): number {
  if (terms.kind === 'tiered') throw new RangeError('tiered commissions depend on the year: use tieredCommissions');
  if (!deal.won) return 0;
  switch (terms.kind) {
    case 'first_year_pct':
      return percentOf(dealValue(deal), required(terms.rateBp, 'a rate', terms.kind));
    case 'mrr_pct_months':
      // Rounded once on the N months' total, not per month: the line is the amount (decision 0025).
      return percentOf(deal.mrrMinor * required(terms.months, 'a number of months', terms.kind), required(terms.rateBp, 'a rate', terms.kind));
    case 'flat_per_deal':
      return required(terms.flatMinor, 'an amount', terms.kind);
  }
}

/** Thresholds ascending; a volume below the lowest threshold earns 0 % (no tier at 0 means no base rate). */
function sortedTiers(terms: KickbackTerms): KickbackTier[] {
  const tiers = [...terms.tiers].sort((a, b) => a.thresholdMinor - b.thresholdMinor);
  for (let i = 1; i < tiers.length; i++) {
    if (tiers[i]!.thresholdMinor === tiers[i - 1]!.thresholdMinor) throw new RangeError(`two tiers start at ${tiers[i]!.thresholdMinor}`);
  }
  return tiers;
}

/** The order in which a year's deals fill the volume: by the day won, then by id (stable across recomputations). */
const byWinning = (a: EarningDeal, b: EarningDeal): number => {
  const da = a.wonOn ?? '9999-12-31';
  const db = b.wonOn ?? '9999-12-31';
  if (da !== db) return da < db ? -1 : 1;
  return a.opportunityId < b.opportunityId ? -1 : a.opportunityId > b.opportunityId ? 1 : 0;
};

/**
 * What each deal of one agreement year earns under a tiered agreement; every deal passed in gets an
 * entry (0 when not won), so the caller can reverse a deal that dropped out. The year's volume is the
 * sum of the won deals' first-year values.
 * - `whole_year`: the rate of the highest tier the volume reaches applies to every deal of the year, so
 *   crossing a tier mid-year raises the earlier deals too (their delta is the difference).
 * - `above_threshold`: marginal, like tax brackets — each part of the volume pays the rate of the tier
 *   it falls in, and belongs to the deal whose value covers that part; earlier deals do not change.
 * Each deal's amount is rounded once (the exact sum over its parts, then one rounding).
 * Amounts are never negative (the API refuses them), so the volume only grows along the year.
 */
export function tieredCommissions(terms: KickbackTerms, deals: EarningDeal[]): Map<string, number> {
  if (terms.kind !== 'tiered') throw new RangeError(`tieredCommissions needs a tiered agreement, got ${terms.kind}`);
  if (terms.tierMode === null) throw new RangeError('a tiered agreement needs a tier mode');
  const tiers = sortedTiers(terms);
  const out = new Map<string, number>();
  const won = deals.filter((d) => d.won).sort(byWinning);
  for (const d of deals) if (!d.won) out.set(d.opportunityId, 0);

  const values = won.map((d) => BigInt(dealValue(d)));
  if (terms.tierMode === 'whole_year') {
    const volume = values.reduce((s, v) => s + v, 0n);
    const reached = tiers.filter((t) => BigInt(t.thresholdMinor) <= volume).at(-1);
    won.forEach((d, i) => out.set(d.opportunityId, reached ? roundHalfAwayFromZero(values[i]! * BigInt(reached.rateBp), 10_000n) : 0));
    return out;
  }

  let filled = 0n;
  won.forEach((d, i) => {
    const from = filled;
    const to = filled + values[i]!;
    let numerator = 0n;
    tiers.forEach((t, k) => {
      const lo = BigInt(t.thresholdMinor);
      const next = tiers[k + 1];
      const hi = next ? BigInt(next.thresholdMinor) : to;
      const part = (hi < to ? hi : to) - (lo > from ? lo : from);
      if (part > 0n) numerator += part * BigInt(t.rateBp);
    });
    out.set(d.opportunityId, roundHalfAwayFromZero(numerator, 10_000n));
    filled = to;
  });
  return out;
}

/** The next line for an (agreement, opportunity): what it should have earned minus what its lines say (0: no line). */
export const commissionDelta = (wanted: number, existingLines: number[]): number => wanted - existingLines.reduce((s, l) => s + l, 0);
