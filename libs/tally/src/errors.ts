/**
 * The one exception type of libs/tally. Every rejected input throws a `TallyError` whose
 * `code` says what was wrong and whose `details` carry the offending numbers (plain data).
 */
export type TallyErrorCode =
  /** A count is not a finite safe integer (NaN, 1.5, Infinity, 2**60, ...). */
  | 'NOT_AN_INTEGER'
  /** A count is below zero. */
  | 'NEGATIVE_COUNT'
  /** A fraction is not `0 <= numerator <= denominator`, `denominator >= 1`, integers. */
  | 'INVALID_FRACTION'
  /** A rule has an unknown base or comparison. */
  | 'INVALID_RULE'
  /** More delegates present than serving. */
  | 'PRESENT_EXCEEDS_TOTAL'
  /** More ballots than delegates able to vote (present). */
  | 'COUNTS_EXCEED_VOTERS'
  /** A count is larger than the ballots it is part of (e.g. blank > valid, votes > ballots). */
  | 'COUNTS_EXCEED_BALLOTS'
  /** Counts that must be equal or consistent are not (e.g. notVoted, marks per ballot). */
  | 'COUNTS_DONT_ADD_UP'
  /** The number of seats is not an integer >= 1. */
  | 'INVALID_SEATS'
  /** An election without candidates, an evaluation without persons, a poll without items. */
  | 'EMPTY_LIST'
  /** An id is empty or not a string. */
  | 'INVALID_ID'
  /** Two candidates / persons / items / grades share an id. */
  | 'DUPLICATE_ID'
  /** A count or mark names a candidate that is not on the ballot. */
  | 'UNKNOWN_CANDIDATE'
  /** A count or rating names a grade that is not on the scale. */
  | 'UNKNOWN_GRADE'
  /** A ballot names a person or item that is not on the ballot. */
  | 'UNKNOWN_ID'
  /** A count that must be given is missing (e.g. a candidate without a vote count). */
  | 'MISSING_COUNT'
  /** A plaintext ballot marks the same candidate twice. */
  | 'DUPLICATE_MARK'
  /** A plaintext ballot has a choice that is not allowed. */
  | 'INVALID_CHOICE'
  /** An evaluation scale is malformed. */
  | 'INVALID_SCALE';

export class TallyError extends Error {
  override readonly name = 'TallyError';
  readonly code: TallyErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: TallyErrorCode,
    message: string,
    details: Readonly<Record<string, unknown>> = {},
  ) {
    super(`${code}: ${message}`);
    this.code = code;
    this.details = details;
  }
}

/** Works across bundles/realms where `instanceof` may not. */
export function isTallyError(value: unknown): value is TallyError {
  return (
    value instanceof TallyError ||
    (value instanceof Error &&
      value.name === 'TallyError' &&
      typeof (value as { code?: unknown }).code === 'string')
  );
}
