import { CompositionError } from './composition-error.js';

/**
 * Integer helpers. Every roster comparison is made on integers (cross-multiplication), never on
 * rounded percentages; percentages exist only for display.
 */

/** Throws unless `value` is a non-negative safe integer. */
export function assertCount(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new CompositionError(
      'INVALID_COMPOSITION_INPUT',
      `${field} must be a non-negative integer, got ${String(value)}`,
      { field, value },
    );
  }
}

/** ⌈a / b⌉ for integers a ≥ 0, b > 0, without floating point. */
export function ceilDiv(a: number, b: number): number {
  if (b <= 0) throw new RangeError(`ceilDiv: divisor must be positive, got ${b}`);
  const q = Math.floor(a / b);
  return q * b < a ? q + 1 : q;
}

/** `part / whole` as a percentage in tenths (208 = 20.8 %), rounded half up. */
export function percentTenths(part: number, whole: number): number {
  if (whole <= 0) throw new RangeError(`percentTenths: whole must be positive, got ${whole}`);
  // round(1000·part / whole) = ⌊(2000·part + whole) / (2·whole)⌋, all in integers.
  return Math.floor((2000 * part + whole) / (2 * whole));
}

/** `part / whole` as a number with one decimal, e.g. 20.8. */
export function percent(part: number, whole: number): number {
  return percentTenths(part, whole) / 10;
}

/** `part / whole` for display: "20.8%". */
export function formatPercent(part: number, whole: number): string {
  const t = percentTenths(part, whole);
  return `${Math.floor(t / 10)}.${t % 10}%`;
}
