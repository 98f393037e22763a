/**
 * Exact threshold arithmetic. Products are taken in BigInt so that no rounding ever decides
 * an outcome; every value returned is an ordinary (safe) number.
 */
import { TallyError } from './errors.js';
import type { Comparison, Fraction, Threshold } from './types.js';
import { assertCount } from './validate.js';

export function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) {
    [x, y] = [y, x % y];
  }
  return x;
}

/** The fraction in lowest terms (0/n becomes 0/1). */
export function reduceFraction(f: Fraction): Fraction {
  assertFraction(f);
  const g = gcd(f.numerator, f.denominator);
  return { numerator: f.numerator / g, denominator: f.denominator / g };
}

/** Same value (2/4 equals 1/2). */
export function fractionsEqual(a: Fraction, b: Fraction): boolean {
  return (
    BigInt(a.numerator) * BigInt(b.denominator) === BigInt(b.numerator) * BigInt(a.denominator)
  );
}

export function assertFraction(f: Fraction, field = 'fraction'): void {
  if (f === null || typeof f !== 'object') {
    throw new TallyError('INVALID_FRACTION', `${field} must be { numerator, denominator }`, {
      field,
    });
  }
  const { numerator, denominator } = f;
  if (
    !Number.isSafeInteger(numerator) ||
    !Number.isSafeInteger(denominator) ||
    denominator < 1 ||
    numerator < 0 ||
    numerator > denominator
  ) {
    throw new TallyError(
      'INVALID_FRACTION',
      `${field} must be integers with 0 <= numerator <= denominator and denominator >= 1, got ${String(numerator)}/${String(denominator)}`,
      { field, numerator, denominator },
    );
  }
}

export function assertComparison(c: Comparison, field = 'comparison'): void {
  if (c !== '>' && c !== '>=') {
    throw new TallyError('INVALID_RULE', `${field} must be '>' or '>=', got ${String(c)}`, {
      field,
      value: String(c),
    });
  }
}

export function assertThreshold(t: Threshold, field = 'rule'): void {
  if (t === null || typeof t !== 'object') {
    throw new TallyError('INVALID_RULE', `${field} must be an object`, { field });
  }
  assertFraction(t.fraction, `${field}.fraction`);
  assertComparison(t.comparison, `${field}.comparison`);
}

/**
 * The minimal integer count `c` with `c/base > fraction` (or `>=`), and never below 1.
 * - `>`:  c = floor(n * base / d) + 1   (more than half of 100 → 51; of 99 → 50)
 * - `>=`: c = ceil(n * base / d)        (at least 2/3 of 100 → 67; of 101 → 68; of 99 → 66)
 * With base 0 the count is 1: no rule is satisfied by nobody.
 */
export function requiredCount(baseSize: number, threshold: Threshold): number {
  assertCount('baseSize', baseSize);
  assertThreshold(threshold);
  const n = BigInt(threshold.fraction.numerator);
  const d = BigInt(threshold.fraction.denominator);
  const product = n * BigInt(baseSize);
  const raw = threshold.comparison === '>' ? product / d + 1n : (product + d - 1n) / d;
  return Math.max(1, Number(raw));
}

/** Whether `count` satisfies the threshold against `baseSize` (same as `count >= requiredCount`). */
export function meetsThreshold(count: number, baseSize: number, threshold: Threshold): boolean {
  assertCount('count', count);
  return count >= requiredCount(baseSize, threshold);
}

/**
 * `numerator/denominator` as a percentage rounded half up to `decimals` places, computed on
 * integers. Returns the number (e.g. 66.67) and the display text (e.g. "66.67%").
 */
export function roundedPercent(
  numerator: number,
  denominator: number,
  decimals = 2,
): { readonly value: number; readonly text: string } {
  assertCount('numerator', numerator);
  assertCount('denominator', denominator);
  if (denominator === 0) {
    throw new TallyError('COUNTS_DONT_ADD_UP', 'a percentage of zero is undefined', {
      numerator,
      denominator,
    });
  }
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) {
    throw new TallyError('INVALID_RULE', `decimals must be 0..6, got ${decimals}`, { decimals });
  }
  const scale = 10n ** BigInt(decimals);
  const num = BigInt(numerator) * 100n * scale;
  const den = BigInt(denominator);
  const scaled = (2n * num + den) / (2n * den); // round half up
  const whole = scaled / scale;
  const frac = (scaled % scale).toString().padStart(decimals, '0');
  const text = decimals === 0 ? `${whole}%` : `${whole}.${frac}%`;
  return { value: Number(scaled) / Number(scale), text };
}
