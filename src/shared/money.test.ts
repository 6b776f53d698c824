import { describe, expect, it } from 'vitest';
import { arrOf, convertMinor, dealValue, MissingRateError, percentOf, roundHalfAwayFromZero, sumByCurrency, weighted } from './money.js';
import type { DealCurrency } from './deals.js';

describe('rounding half away from zero', () => {
  it('rounds a half up for positive and down for negative quotients', () => {
    expect(roundHalfAwayFromZero(5, 2)).toBe(3);
    expect(roundHalfAwayFromZero(-5, 2)).toBe(-3);
    expect(roundHalfAwayFromZero(5, -2)).toBe(-3);
    expect(roundHalfAwayFromZero(-5, -2)).toBe(3);
    expect(roundHalfAwayFromZero(7, 3)).toBe(2);
    expect(roundHalfAwayFromZero(8, 3)).toBe(3);
    expect(roundHalfAwayFromZero(-7, 3)).toBe(-2);
    expect(roundHalfAwayFromZero(0, 7)).toBe(0);
  });

  it('is exact beyond the range where floats lose cents', () => {
    // 9007199254740993 / 1 cannot be a float; with BigInt the numerator stays exact.
    expect(roundHalfAwayFromZero(9_007_199_254_740_990n * 3n + 2n, 3n)).toBe(9_007_199_254_740_991);
    expect(roundHalfAwayFromZero(2n ** 60n, 2n ** 10n)).toBe(1_125_899_906_842_624);
  });

  it('refuses a zero denominator, a fraction, and a result past the safe integers', () => {
    expect(() => roundHalfAwayFromZero(1, 0)).toThrow(RangeError);
    expect(() => roundHalfAwayFromZero(1.5, 1)).toThrow(RangeError);
    expect(() => roundHalfAwayFromZero(2n ** 60n, 1n)).toThrow(RangeError);
  });
});

describe('percentages in basis points', () => {
  it('takes 2.5 % (250 bp) and rounds once, half away from zero', () => {
    expect(percentOf(100, 250)).toBe(3); // 2.5
    expect(percentOf(101, 250)).toBe(3); // 2.525
    expect(percentOf(99, 250)).toBe(2); // 2.475
    expect(percentOf(20, 250)).toBe(1); // 0.5
    expect(percentOf(19, 250)).toBe(0); // 0.475
    expect(percentOf(1_000_000, 250)).toBe(25_000);
    expect(percentOf(123_456_789, 1234)).toBe(15_234_568); // 15 234 567.7626
  });

  it('rounds negative amounts symmetrically', () => {
    expect(percentOf(-20, 250)).toBe(-1); // -0.5
    expect(percentOf(-100, 250)).toBe(-3); // -2.5
    expect(percentOf(-19, 250)).toBe(0); // -0.475
  });
});

describe('deal values', () => {
  it('derives ARR as twelve months of MRR', () => {
    expect(arrOf(12_345)).toBe(148_140);
    expect(arrOf(0)).toBe(0);
  });

  it("counts a deal's first year as one-off plus twelve months of MRR", () => {
    expect(dealValue({ oneOffMinor: 500_000, mrrMinor: 25_000 })).toBe(800_000);
    expect(dealValue({ oneOffMinor: 0, mrrMinor: 99 })).toBe(1_188);
  });

  it("weighs a value by its stage's probability", () => {
    expect(weighted(800_000, 30)).toBe(240_000);
    expect(weighted(100_001, 30)).toBe(30_000); // 30 000.3
    expect(weighted(5, 50)).toBe(3); // 2.5
    expect(weighted(-5, 50)).toBe(-3);
    expect(weighted(123, 0)).toBe(0);
    expect(weighted(123, 100)).toBe(123);
  });
});

describe('currency conversion', () => {
  const rates: Partial<Record<DealCurrency, string>> = { EUR: '0.938500', USD: '0.801200' };
  const rateOf = (c: DealCurrency) => rates[c] ?? null;

  it('converts with the rate to CHF, exactly, rounded once', () => {
    expect(convertMinor(10_000, 'EUR', 'CHF', rateOf)).toBe(9_385);
    expect(convertMinor(1, 'EUR', 'CHF', rateOf)).toBe(1); // 0.9385
    expect(convertMinor(10_000, 'CHF', 'EUR', rateOf)).toBe(10_655); // 10 655.301…
    // Through CHF in one division: 10 000 × 0.9385 / 0.8012 = 11 713.679…
    expect(convertMinor(10_000, 'EUR', 'USD', rateOf)).toBe(11_714);
    expect(convertMinor(-10_000, 'EUR', 'CHF', rateOf)).toBe(-9_385);
  });

  it('rounds a half cent away from zero', () => {
    const half = () => '0.5';
    expect(convertMinor(1, 'EUR', 'CHF', half)).toBe(1);
    expect(convertMinor(-1, 'EUR', 'CHF', half)).toBe(-1);
    expect(convertMinor(3, 'USD', 'CHF', half)).toBe(2); // 1.5
  });

  it('returns the amount in its own currency without asking for a rate', () => {
    const none = () => {
      throw new Error('asked for a rate');
    };
    expect(convertMinor(12_345, 'USD', 'USD', none)).toBe(12_345);
    expect(convertMinor(12_345, 'CHF', 'CHF', none)).toBe(12_345);
  });

  it('names the currency whose rate is missing, never assumes 1', () => {
    const onlyEur = (c: DealCurrency) => (c === 'EUR' ? '0.938500' : null);
    const attempt = () => convertMinor(100, 'CHF', 'USD', onlyEur);
    expect(attempt).toThrow(MissingRateError);
    try {
      attempt();
    } catch (e) {
      expect((e as MissingRateError).currency).toBe('USD');
    }
    expect(() => convertMinor(100, 'USD', 'EUR', onlyEur)).toThrow(MissingRateError);
  });

  it('refuses a rate that is not a positive decimal with at most six places', () => {
    expect(() => convertMinor(100, 'EUR', 'CHF', () => 'abc')).toThrow(RangeError);
    expect(() => convertMinor(100, 'EUR', 'CHF', () => '0.9385001')).toThrow(RangeError);
    expect(() => convertMinor(100, 'EUR', 'CHF', () => '0.000000')).toThrow(RangeError);
    expect(() => convertMinor(100, 'EUR', 'CHF', () => '-1')).toThrow(RangeError);
    expect(convertMinor(100, 'EUR', 'CHF', () => '1')).toBe(100);
  });
});

describe('totals per currency', () => {
  it('sums each currency apart and lists only the currencies present', () => {
    const total = sumByCurrency([
      { amountMinor: 100, currency: 'CHF' },
      { amountMinor: 250, currency: 'EUR' },
      { amountMinor: -40, currency: 'CHF' },
    ]);
    expect(total).toEqual({ CHF: 60, EUR: 250 });
    expect('USD' in total).toBe(false);
    expect(sumByCurrency([])).toEqual({});
  });
});
