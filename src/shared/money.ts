/**
 * Money rules of joint business (issue 13), pure so the server (lines, statements, pipeline totals) and
 * the web app's previews compute the same numbers. Amounts are integer minor units (CHF, EUR and USD all
 * have 2 decimals), percentages basis points; every division is exact in BigInt and rounded once, half
 * away from zero. See docs/decisions/0025-joint-business-design.md ("Rounding").
 */
import type { DealCurrency } from './deals.js';

const toBig = (v: bigint | number, what: string): bigint => {
  if (typeof v === 'bigint') return v;
  if (!Number.isSafeInteger(v)) throw new RangeError(`${what} must be a safe integer, got ${v}`);
  return BigInt(v);
};

const toSafeNumber = (v: bigint): number => {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError(`amount ${v} is beyond Number.MAX_SAFE_INTEGER`);
  return n;
};

/** numerator / denominator rounded half away from zero (2.5 → 3, -2.5 → -3), exact for any integers. */
export function roundHalfAwayFromZero(numerator: bigint | number, denominator: bigint | number): number {
  return toSafeNumber(divRound(toBig(numerator, 'numerator'), toBig(denominator, 'denominator')));
}

function divRound(n: bigint, d: bigint): bigint {
  if (d === 0n) throw new RangeError('division by zero');
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  let q = an / ad;
  if (2n * (an % ad) >= ad) q += 1n;
  return negative ? -q : q;
}

/** amount × basisPoints / 10000, rounded once (2.5 % is 250 bp). */
export const percentOf = (amountMinor: number, basisPoints: number): number => roundHalfAwayFromZero(toBig(amountMinor, 'amount') * toBig(basisPoints, 'basis points'), 10_000n);

/** Annual recurring revenue of a monthly amount. */
export const arrOf = (mrrMinor: number): number => toSafeNumber(12n * toBig(mrrMinor, 'MRR'));

/** A value weighted by its stage's probability (0–100 %). */
export const weighted = (amountMinor: number, probabilityPercent: number): number =>
  roundHalfAwayFromZero(toBig(amountMinor, 'amount') * toBig(probabilityPercent, 'probability'), 100n);

/** The first year's value of a deal: the one-off part plus twelve months of its MRR. */
export const dealValue = ({ oneOffMinor, mrrMinor }: { oneOffMinor: number; mrrMinor: number }): number =>
  toSafeNumber(toBig(oneOffMinor, 'one-off') + 12n * toBig(mrrMinor, 'MRR'));

/** No rate to CHF for this currency (in the month the caller looked in): never silently 1. */
export class MissingRateError extends Error {
  constructor(readonly currency: DealCurrency) {
    super(`no exchange rate to CHF for ${currency}`);
    this.name = 'MissingRateError';
  }
}

const RATE_SCALE = 1_000_000n;
const RATE = /^\s*(\d{1,12})(?:\.(\d{1,6}))?\s*$/;

/** A numeric(12,6) rate as an integer of millionths: "0.938500" → 938500n. */
function parseRate(rate: string, currency: DealCurrency): bigint {
  const m = RATE.exec(rate);
  if (!m) throw new RangeError(`rate to CHF for ${currency} is not a decimal with at most 6 places: "${rate}"`);
  const scaled = BigInt(m[1]!) * RATE_SCALE + BigInt((m[2] ?? '').padEnd(6, '0'));
  if (scaled === 0n) throw new RangeError(`rate to CHF for ${currency} is zero`);
  return scaled;
}

/**
 * Converts through CHF: amount × rate(from) / rate(to), one exact division, rounded once half away from
 * zero. A rate is CHF per 1 unit of the currency ("0.938500" for EUR); CHF's own rate is 1 and is never
 * asked for. A missing rate throws MissingRateError so the caller can name the month it looked in.
 */
export function convertMinor(amountMinor: number, from: DealCurrency, to: DealCurrency, rateToChf: (currency: DealCurrency) => string | null): number {
  const amount = toBig(amountMinor, 'amount');
  if (from === to) return toSafeNumber(amount);
  const scaledRate = (c: DealCurrency): bigint => {
    if (c === 'CHF') return RATE_SCALE;
    const r = rateToChf(c);
    if (r === null) throw new MissingRateError(c);
    return parseRate(r, c);
  };
  return roundHalfAwayFromZero(amount * scaledRate(from), scaledRate(to));
}

/**
 * Totals per currency, never mixed: only the currencies present are keys (a currency with no item is
 * absent, not 0), so read it as a partial record.
 */
export function sumByCurrency(items: { amountMinor: number; currency: DealCurrency }[]): Record<DealCurrency, number> {
  const sums: Partial<Record<DealCurrency, bigint>> = {};
  for (const { amountMinor, currency } of items) sums[currency] = (sums[currency] ?? 0n) + toBig(amountMinor, 'amount');
  const out: Partial<Record<DealCurrency, number>> = {};
  for (const [c, v] of Object.entries(sums) as [DealCurrency, bigint][]) out[c] = toSafeNumber(v);
  return out as Record<DealCurrency, number>;
}
