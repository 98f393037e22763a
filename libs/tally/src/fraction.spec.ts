import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { TallyError } from './errors.js';
import {
  fractionsEqual,
  gcd,
  meetsThreshold,
  reduceFraction,
  requiredCount,
  roundedPercent,
} from './fraction.js';
import type { Threshold } from './types.js';

const MORE_THAN_HALF: Threshold = { fraction: { numerator: 1, denominator: 2 }, comparison: '>' };
const AT_LEAST_TWO_THIRDS: Threshold = {
  fraction: { numerator: 2, denominator: 3 },
  comparison: '>=',
};

const thresholdArb = fc
  .tuple(
    fc.integer({ min: 1, max: 50 }),
    fc.integer({ min: 0, max: 50 }),
    fc.constantFrom<'>' | '>='>('>', '>='),
  )
  .map(([d, n, comparison]): Threshold => ({
    fraction: { numerator: Math.min(n, d), denominator: d },
    comparison,
  }));

describe('requiredCount: more than half', () => {
  it.each([
    [100, 51],
    [99, 50],
    [101, 51],
    [2, 2],
    [1, 1],
    [0, 1],
  ])('of %i needs %i', (base, need) => {
    expect(requiredCount(base, MORE_THAN_HALF)).toBe(need);
  });
});

describe('requiredCount: at least two thirds (non-divisible rosters)', () => {
  it.each([
    [100, 67],
    [101, 68],
    [99, 66],
    [3, 2],
    [30, 20],
    [31, 21],
    [0, 1],
  ])('of %i needs %i', (base, need) => {
    expect(requiredCount(base, AT_LEAST_TWO_THIRDS)).toBe(need);
  });
});

describe('requiredCount agrees with the direct integer comparison', () => {
  it('count >= required  <=>  count*d > n*base (or >=), for count >= 1', () => {
    fc.assert(
      fc.property(
        thresholdArb,
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 10_001 }),
        (t, base, count) => {
          const lhs = BigInt(count) * BigInt(t.fraction.denominator);
          const rhs = BigInt(t.fraction.numerator) * BigInt(base);
          const direct = t.comparison === '>' ? lhs > rhs : lhs >= rhs;
          expect(count >= requiredCount(base, t)).toBe(direct);
          expect(meetsThreshold(count, base, t)).toBe(direct);
        },
      ),
    );
  });

  it('is exact for rosters beyond floating-point precision', () => {
    const big = Number.MAX_SAFE_INTEGER; // 2^53 - 1, odd
    expect(requiredCount(big, MORE_THAN_HALF)).toBe((big + 1) / 2);
  });
});

describe('the threshold is monotone', () => {
  it('a larger base never needs fewer votes, and one more vote never loses', () => {
    fc.assert(
      fc.property(
        thresholdArb,
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (t, base, count) => {
          expect(requiredCount(base + 1, t)).toBeGreaterThanOrEqual(requiredCount(base, t));
          if (meetsThreshold(count, base, t)) expect(meetsThreshold(count + 1, base, t)).toBe(true);
        },
      ),
    );
  });

  it('never needs less than 1 nor more than base + 1', () => {
    fc.assert(
      fc.property(thresholdArb, fc.integer({ min: 0, max: 10_000 }), (t, base) => {
        const r = requiredCount(base, t);
        expect(r).toBeGreaterThanOrEqual(1);
        expect(r).toBeLessThanOrEqual(base + 1);
      }),
    );
  });
});

describe('fractions', () => {
  it('reduces and compares exactly', () => {
    expect(gcd(12, 18)).toBe(6);
    expect(reduceFraction({ numerator: 4, denominator: 6 })).toEqual({
      numerator: 2,
      denominator: 3,
    });
    expect(reduceFraction({ numerator: 0, denominator: 5 })).toEqual({
      numerator: 0,
      denominator: 1,
    });
    expect(fractionsEqual({ numerator: 2, denominator: 4 }, { numerator: 1, denominator: 2 })).toBe(
      true,
    );
    expect(
      fractionsEqual({ numerator: 2, denominator: 3 }, { numerator: 66, denominator: 100 }),
    ).toBe(false);
  });

  it.each([
    [{ numerator: 1, denominator: 0 }],
    [{ numerator: 3, denominator: 2 }],
    [{ numerator: -1, denominator: 2 }],
    [{ numerator: 0.5, denominator: 2 }],
    [{ numerator: Number.NaN, denominator: 2 }],
  ])('rejects %o with INVALID_FRACTION', (fraction) => {
    expect(() => requiredCount(10, { fraction, comparison: '>' })).toThrow(
      expect.objectContaining({ code: 'INVALID_FRACTION' }),
    );
  });

  it('rejects an unknown comparison and a bad base size', () => {
    expect(() =>
      requiredCount(10, { fraction: { numerator: 1, denominator: 2 }, comparison: '=>' as '>=' }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_RULE' }));
    expect(() => requiredCount(-1, MORE_THAN_HALF)).toThrow(
      expect.objectContaining({ code: 'NEGATIVE_COUNT' }),
    );
    expect(() => requiredCount(1.5, MORE_THAN_HALF)).toThrow(TallyError);
  });
});

describe('roundedPercent', () => {
  it('rounds half up on integers', () => {
    expect(roundedPercent(2, 3)).toEqual({ value: 66.67, text: '66.67%' });
    expect(roundedPercent(1, 3)).toEqual({ value: 33.33, text: '33.33%' });
    expect(roundedPercent(1, 8)).toEqual({ value: 12.5, text: '12.50%' });
    expect(roundedPercent(1, 8, 1)).toEqual({ value: 12.5, text: '12.5%' });
    expect(roundedPercent(1, 200, 0)).toEqual({ value: 1, text: '1%' }); // 0.5 → 1
    expect(roundedPercent(5, 5)).toEqual({ value: 100, text: '100.00%' });
    expect(roundedPercent(0, 7)).toEqual({ value: 0, text: '0.00%' });
  });

  it('refuses a zero denominator', () => {
    expect(() => roundedPercent(0, 0)).toThrow(
      expect.objectContaining({ code: 'COUNTS_DONT_ADD_UP' }),
    );
  });
});
