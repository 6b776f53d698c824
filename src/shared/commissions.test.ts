import { describe, expect, it } from 'vitest';
import { commissionDelta, commissionFor, tieredCommissions, type EarningDeal, type KickbackTerms } from './commissions.js';

const terms = (t: Partial<KickbackTerms>): KickbackTerms => ({ kind: 'first_year_pct', rateBp: null, months: null, flatMinor: null, tiers: [], tierMode: null, ...t });
const deal = (d: Partial<EarningDeal>): EarningDeal => ({ opportunityId: 'o1', won: true, wonOn: '2027-03-01', oneOffMinor: 0, mrrMinor: 0, ...d });

describe('a percentage of the first year', () => {
  const pct = terms({ kind: 'first_year_pct', rateBp: 250 });

  it("takes 2.5 % of one-off plus twelve months' MRR", () => {
    // CHF 5 000.00 + 12 × CHF 250.00 = CHF 8 000.00; 2.5 % = CHF 200.00
    expect(commissionFor(pct, deal({ oneOffMinor: 500_000, mrrMinor: 25_000 }))).toBe(20_000);
  });

  it('rounds half a Rappen away from zero, once, at the line', () => {
    expect(commissionFor(pct, deal({ oneOffMinor: 20 }))).toBe(1); // 0.5
    expect(commissionFor(pct, deal({ oneOffMinor: 101 }))).toBe(3); // 2.525
    expect(commissionFor(pct, deal({ oneOffMinor: 99 }))).toBe(2); // 2.475
    expect(commissionFor(pct, deal({ mrrMinor: 3 }))).toBe(1); // 36 × 2.5 % = 0.9
  });

  it('earns nothing on a deal that is not won', () => {
    expect(commissionFor(pct, deal({ oneOffMinor: 500_000, won: false }))).toBe(0);
  });
});

describe('a percentage of MRR for N months', () => {
  it('takes the rate of N months of MRR, rounded once on the total, not per month', () => {
    const tenPctSix = terms({ kind: 'mrr_pct_months', rateBp: 1_000, months: 6 });
    // 6 × 333.33 = 1 999.98; 10 % = 199.998 → 200.00 (per month it would be 6 × 33.33 = 199.98)
    expect(commissionFor(tenPctSix, deal({ mrrMinor: 33_333, oneOffMinor: 999_999 }))).toBe(20_000);
    const tenPctThree = terms({ kind: 'mrr_pct_months', rateBp: 1_000, months: 3 });
    // 3 × 0.25 = 0.75; 10 % = 0.075 → 0.08 (per month: 3 × 0.03 = 0.09)
    expect(commissionFor(tenPctThree, deal({ mrrMinor: 25 }))).toBe(8);
  });

  it('refuses terms without months or rate', () => {
    expect(() => commissionFor(terms({ kind: 'mrr_pct_months', rateBp: 1_000 }), deal({ mrrMinor: 100 }))).toThrow(RangeError);
    expect(() => commissionFor(terms({ kind: 'mrr_pct_months', months: 3 }), deal({ mrrMinor: 100 }))).toThrow(RangeError);
  });
});

describe('a flat fee per won deal', () => {
  const flat = terms({ kind: 'flat_per_deal', flatMinor: 50_000 });

  it('pays the fee whatever the value, and nothing unless won', () => {
    expect(commissionFor(flat, deal({ oneOffMinor: 1 }))).toBe(50_000);
    expect(commissionFor(flat, deal({ oneOffMinor: 9_000_000, mrrMinor: 10_000 }))).toBe(50_000);
    expect(commissionFor(flat, deal({ won: false }))).toBe(0);
  });

  it('leaves tiers to the yearly computation', () => {
    expect(() => commissionFor(terms({ kind: 'tiered', tierMode: 'whole_year' }), deal({}))).toThrow(RangeError);
  });
});

describe('tiers by yearly volume', () => {
  // 5 % from 0, 8 % from CHF 10 000.00, 10 % from CHF 25 000.00
  const tiers = [
    { thresholdMinor: 2_500_000, rateBp: 1_000 },
    { thresholdMinor: 0, rateBp: 500 },
    { thresholdMinor: 1_000_000, rateBp: 800 },
  ];
  const wholeYear = terms({ kind: 'tiered', tiers, tierMode: 'whole_year' });
  const aboveThreshold = terms({ kind: 'tiered', tiers, tierMode: 'above_threshold' });
  const a = deal({ opportunityId: 'a', wonOn: '2027-01-10', oneOffMinor: 600_000 });
  const b = deal({ opportunityId: 'b', wonOn: '2027-03-05', mrrMinor: 50_000 }); // 12 × 500.00 = 6 000.00
  const c = deal({ opportunityId: 'c', wonOn: '2027-06-01', oneOffMinor: 300_001 });

  it('pays the base rate below the first threshold under both modes', () => {
    expect(tieredCommissions(wholeYear, [a])).toEqual(new Map([['a', 30_000]]));
    expect(tieredCommissions(aboveThreshold, [a])).toEqual(new Map([['a', 30_000]]));
  });

  it('whole year: a tier crossed mid-year raises the earlier deals, whose lines get the difference', () => {
    const before = tieredCommissions(wholeYear, [a]);
    const after = tieredCommissions(wholeYear, [a, b]); // volume 12 000.00 → 8 % on all
    expect(after).toEqual(
      new Map([
        ['a', 48_000],
        ['b', 48_000],
      ]),
    );
    expect(commissionDelta(after.get('a')!, [before.get('a')!])).toBe(18_000);
    // 3 000.01 × 8 % = 240.0008 → 240.00
    expect(tieredCommissions(wholeYear, [a, b, c]).get('c')).toBe(24_000);
  });

  it('above the threshold: the crossing deal pays each part at its tier, the earlier deals stay', () => {
    const after = tieredCommissions(aboveThreshold, [a, b]);
    // b covers 6 000–12 000: 4 000.00 at 5 % = 200.00 and 2 000.00 at 8 % = 160.00
    expect(after).toEqual(
      new Map([
        ['a', 30_000],
        ['b', 36_000],
      ]),
    );
    expect(commissionDelta(after.get('a')!, [30_000])).toBe(0);
  });

  it('splits one deal across every tier it crosses', () => {
    const big = deal({ opportunityId: 'x', oneOffMinor: 3_000_000 });
    // 10 000 × 5 % + 15 000 × 8 % + 5 000 × 10 % = 500 + 1 200 + 500
    expect(tieredCommissions(aboveThreshold, [big]).get('x')).toBe(220_000);
    expect(tieredCommissions(wholeYear, [big]).get('x')).toBe(300_000);
  });

  it('rounds once per deal, not per tier part', () => {
    const t = terms({
      kind: 'tiered',
      tierMode: 'above_threshold',
      tiers: [
        { thresholdMinor: 0, rateBp: 250 },
        { thresholdMinor: 100, rateBp: 750 },
      ],
    });
    // 100 × 2.5 % = 2.5 and 10 × 7.5 % = 0.75: 3.25 → 3 (per part it would be 3 + 1)
    expect(tieredCommissions(t, [deal({ opportunityId: 'x', oneOffMinor: 110 })]).get('x')).toBe(3);
    // Whole year below 1.00: 0.20 × 2.5 % = 0.5 Rappen → 1
    expect(tieredCommissions({ ...t, tierMode: 'whole_year' }, [deal({ opportunityId: 'x', oneOffMinor: 20 })]).get('x')).toBe(1);
  });

  it('fills the volume in the order deals were won, then by id, whatever the order given', () => {
    const later = deal({ opportunityId: 'a2', wonOn: '2027-01-10', oneOffMinor: 600_000 });
    expect(tieredCommissions(aboveThreshold, [b, a])).toEqual(tieredCommissions(aboveThreshold, [a, b]));
    // a and a2 on the same day: a fills 0–6 000, a2 6 000–12 000
    const sameDay = tieredCommissions(aboveThreshold, [later, a]);
    expect(sameDay.get('a')).toBe(30_000);
    expect(sameDay.get('a2')).toBe(36_000);
  });

  it('earns nothing below a first threshold above 0 (no base rate)', () => {
    const noBase = terms({ kind: 'tiered', tierMode: 'whole_year', tiers: [{ thresholdMinor: 1_000_000, rateBp: 800 }] });
    expect(tieredCommissions(noBase, [a]).get('a')).toBe(0);
    expect(tieredCommissions({ ...noBase, tierMode: 'above_threshold' }, [a, b])).toEqual(
      new Map([
        ['a', 0],
        ['b', 16_000],
      ]),
    );
  });

  it('gives a deal no longer won 0, and takes it out of the volume', () => {
    const lostB = { ...b, won: false };
    // Whole year: a falls back to 5 %; a's lines 30 000 + 18 000 get −18 000, b's 48 000 gets −48 000.
    const after = tieredCommissions(wholeYear, [a, lostB]);
    expect(after).toEqual(
      new Map([
        ['b', 0],
        ['a', 30_000],
      ]),
    );
    expect(commissionDelta(after.get('a')!, [30_000, 18_000])).toBe(-18_000);
    expect(commissionDelta(after.get('b')!, [48_000])).toBe(-48_000);
  });

  it('refuses tiered terms without a mode or with two tiers at one threshold', () => {
    expect(() => tieredCommissions(terms({ kind: 'tiered', tiers }), [a])).toThrow(RangeError);
    expect(() => tieredCommissions(terms({ kind: 'tiered', tierMode: 'whole_year', tiers: [...tiers, { thresholdMinor: 0, rateBp: 1 }] }), [a])).toThrow(RangeError);
    expect(() => tieredCommissions(terms({ kind: 'flat_per_deal', flatMinor: 1 }), [a])).toThrow(RangeError);
  });
});

describe('commission lines are recomputed, never rewritten', () => {
  const pct = terms({ kind: 'first_year_pct', rateBp: 250 });
  const won = deal({ oneOffMinor: 500_000, mrrMinor: 25_000 });

  it('writes the first line, then nothing while the deal is unchanged', () => {
    expect(commissionDelta(commissionFor(pct, won), [])).toBe(20_000);
    expect(commissionDelta(commissionFor(pct, won), [20_000])).toBe(0);
  });

  it('reverses a won deal later lost with a negative line equal to the paid one', () => {
    expect(commissionDelta(commissionFor(pct, { ...won, won: false }), [20_000])).toBe(-20_000);
  });

  it('gives a reduced deal a negative line for the difference', () => {
    // 5 000.00 + 12 × 83.33 = 5 999.96; 2.5 % = 149.999 → 150.00
    const reduced = commissionFor(pct, { ...won, mrrMinor: 8_333 });
    expect(reduced).toBe(15_000);
    expect(commissionDelta(reduced, [20_000])).toBe(-5_000);
    expect(commissionDelta(reduced, [20_000, -5_000])).toBe(0);
  });

  it('earns again when a lost deal is won again', () => {
    expect(commissionDelta(commissionFor(pct, won), [20_000, -20_000])).toBe(20_000);
  });
});
