/** Majority bases: all serving delegates (default, legal), present, valid ballots cast. */
import { applyRule, assertMajorityRule, DEFAULT_MAJORITY_RULE } from './rules.js';
import type { AppliedRule, LocalizedText, MajorityBase, MajorityRule } from './types.js';
import { assertCount } from './validate.js';

/** The three sizes a majority can be counted against. */
export interface MajorityBaseSizes {
  /** All serving delegates. */
  readonly total: number;
  /** Delegates present (checked in). */
  readonly present: number;
  /** Valid ballots cast. */
  readonly cast: number;
}

export function majorityBaseSize(base: MajorityBase, sizes: MajorityBaseSizes): number {
  switch (base) {
    case 'all':
      return sizes.total;
    case 'present':
      return sizes.present;
    case 'cast':
      return sizes.cast;
  }
}

export const VOTES_FOR: LocalizedText = { zh: '赞成票', en: 'Votes for' };
export const VOTES_UNIT: LocalizedText = { zh: '票', en: 'votes' };

/**
 * Applies a majority rule to concrete numbers. `subject` names what is counted
 * (赞成票 for a motion, 得票 for a candidate).
 */
export function majorityThreshold(
  rule: MajorityRule = DEFAULT_MAJORITY_RULE,
  sizes: MajorityBaseSizes,
  subject: LocalizedText = VOTES_FOR,
): AppliedRule {
  assertMajorityRule(rule);
  assertCount('total', sizes.total);
  assertCount('present', sizes.present);
  assertCount('cast', sizes.cast);
  return applyRule({
    kind: 'majority',
    base: rule.base,
    threshold: rule,
    baseSize: majorityBaseSize(rule.base, sizes),
    subject,
    unit: VOTES_UNIT,
  });
}
