import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { CompositionError } from './composition-error.js';
import { assertCount, ceilDiv, formatPercent, percent, percentTenths } from './ratio.js';

describe('ceilDiv', () => {
  it('rounds up only when there is a remainder', () => {
    expect(ceilDiv(3000, 100)).toBe(30);
    expect(ceilDiv(3005, 100)).toBe(31);
    expect(ceilDiv(0, 7)).toBe(0);
  });

  it('is the smallest q with q·b >= a', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.integer({ min: 1, max: 10_000 }), (a, b) => {
        const q = ceilDiv(a, b);
        expect(q * b).toBeGreaterThanOrEqual(a);
        expect((q - 1) * b).toBeLessThan(a === 0 ? 1 : a);
      }),
    );
  });

  it('refuses a zero divisor', () => {
    expect(() => ceilDiv(1, 0)).toThrow(RangeError);
  });
});

describe('percent display', () => {
  it('rounds to one decimal, half up', () => {
    expect(formatPercent(22, 106)).toBe('20.8%');
    expect(formatPercent(20, 100)).toBe('20.0%');
    expect(formatPercent(1, 3)).toBe('33.3%');
    expect(formatPercent(2, 3)).toBe('66.7%');
    expect(formatPercent(1, 8)).toBe('12.5%'); // 12.5 exactly
    expect(formatPercent(1, 16)).toBe('6.3%'); // 6.25 -> 6.3
    expect(formatPercent(0, 5)).toBe('0.0%');
    expect(formatPercent(5, 5)).toBe('100.0%');
    expect(percent(2, 9)).toBe(22.2);
    expect(percentTenths(201, 1004)).toBe(200);
  });

  it('refuses an empty whole', () => {
    expect(() => percentTenths(1, 0)).toThrow(RangeError);
  });
});

describe('assertCount', () => {
  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %p', (v) => {
    expect(() => assertCount(v, 'x')).toThrow(CompositionError);
  });

  it('accepts zero and positive integers', () => {
    expect(() => assertCount(0, 'x')).not.toThrow();
    expect(() => assertCount(12, 'x')).not.toThrow();
  });
});
