/**
 * Shared types. Every result type is plain JSON data: no classes, no methods, no undefined
 * values that matter, no bigint, no Date.
 */

/** An exact fraction `numerator / denominator`, integers with 0 <= numerator <= denominator. */
export interface Fraction {
  readonly numerator: number;
  readonly denominator: number;
}

/** `>`: strictly more than (超过, 过半数); `>=`: at least (不少于, 以上 含本数). */
export type Comparison = '>' | '>=';

/** A fraction of some base and the comparison used against it. */
export interface Threshold {
  readonly fraction: Fraction;
  readonly comparison: Comparison;
}

/**
 * What a majority is counted against:
 * - `all`: all serving delegates (全体职工代表), the legal rule;
 * - `present`: delegates checked in (出席代表);
 * - `cast`: valid ballots cast (有效票; for a motion for + against + abstain, for an
 *   election every valid ballot including blank ones).
 */
export type MajorityBase = 'all' | 'present' | 'cast';

/** A majority rule: base + fraction + strictness. */
export interface MajorityRule extends Threshold {
  readonly base: MajorityBase;
}

/** The quorum is always counted against all serving delegates. */
export type QuorumRule = Threshold;

/** Who may vote: `total` serving delegates (在任职工代表; attendees never count), `present` checked in. */
export interface Electorate {
  readonly total: number;
  readonly present: number;
}

/** Electorate as reported in results. */
export interface ElectorateReport {
  readonly total: number;
  readonly present: number;
  readonly absent: number;
}

export interface LocalizedText {
  readonly zh: string;
  readonly en: string;
}

/** The base of an applied rule: a majority base, or the valid ratings of one evaluated person. */
export type RuleBase = MajorityBase | 'ratings';

export type RuleKind = 'quorum' | 'majority' | 'flag' | 'approval';

/**
 * A rule as applied to concrete numbers, ready for the minutes.
 * `required` is the minimal integer count that satisfies the rule (never below 1: nothing
 * passes with zero votes). `attainable` is false when `required > baseSize`.
 */
export interface AppliedRule {
  /** Machine id, e.g. `majority:all:gt:1/2`, `quorum:all:gte:2/3`, `flag:ratings:gt:1/3`. */
  readonly id: string;
  readonly kind: RuleKind;
  readonly base: RuleBase;
  readonly fraction: Fraction;
  readonly comparison: Comparison;
  readonly baseSize: number;
  readonly required: number;
  readonly attainable: boolean;
  /** Human wording with the numbers, e.g. 赞成票超过全体职工代表的半数（需 ≥ 51 票，共 100 名代表）. */
  readonly text: LocalizedText;
}

/** A candidate, person or item given by id, optionally with a display name. */
export type Named = string | { readonly id: string; readonly name?: string };
