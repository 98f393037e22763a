/**
 * Strict readers for JSON that arrives from the network or a published record: exactly the
 * documented fields, arrays of bounded length, integers in range. Anything else is BAD_ENCODING.
 */
import { BallotError, type BallotErrorDetail } from './errors.js';
import { utf8 } from './encoding.js';

/** An object with no fields other than `keys` (missing ones are left to the caller's checks). */
export function fields(
  v: unknown,
  keys: readonly string[],
  what: string,
  detail: BallotErrorDetail = {},
): Record<string, unknown> {
  if (!v || typeof v !== 'object' || Array.isArray(v))
    throw new BallotError('BAD_ENCODING', `${what} must be an object`, detail);
  const o = v as Record<string, unknown>;
  const extra = Object.keys(o).find((k) => !keys.includes(k));
  if (extra !== undefined)
    throw new BallotError('BAD_ENCODING', `${what} has an unknown field "${extra}"`, {
      ...detail,
      check: extra,
    });
  return o;
}

export function list(
  v: unknown,
  max: number,
  what: string,
  detail: BallotErrorDetail = {},
): unknown[] {
  if (!Array.isArray(v) || v.length > max)
    throw new BallotError('BAD_ENCODING', `${what} must be an array of at most ${max} items`, {
      ...detail,
      check: what,
    });
  return v;
}

export function integer(
  v: unknown,
  lo: number,
  hi: number,
  what: string,
  detail: BallotErrorDetail = {},
): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi)
    throw new BallotError('BAD_ENCODING', `${what} must be an integer in ${lo}..${hi}`, {
      ...detail,
      check: what,
    });
  return v;
}

const MAX_TEXT_BYTES = 256;

/** Poll ids and voter credentials: non-empty, well-formed Unicode, at most 256 UTF-8 bytes. */
export function checkText(v: unknown, what: string): string {
  if (
    typeof v !== 'string' ||
    v.length === 0 ||
    /\p{Cs}/u.test(v) ||
    // A UTF-16 code unit is at most 3 UTF-8 bytes: short strings need no encoding to tell.
    (v.length * 3 > MAX_TEXT_BYTES && utf8(v).length > MAX_TEXT_BYTES)
  )
    throw new BallotError(
      'BAD_ENCODING',
      `${what} must be a non-empty string of at most ${MAX_TEXT_BYTES} UTF-8 bytes`,
      {
        check: what,
      },
    );
  return v;
}
