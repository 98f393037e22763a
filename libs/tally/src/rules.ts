/** Rule presets and the one function that turns a rule plus numbers into an AppliedRule. */
import { TallyError } from './errors.js';
import { assertThreshold, reduceFraction, requiredCount } from './fraction.js';
import type {
  AppliedRule,
  Fraction,
  LocalizedText,
  MajorityBase,
  MajorityRule,
  QuorumRule,
  RuleBase,
  RuleKind,
  Threshold,
} from './types.js';
import { ruleText } from './wording.js';

export const HALF: Fraction = Object.freeze({ numerator: 1, denominator: 2 });
export const ONE_THIRD: Fraction = Object.freeze({ numerator: 1, denominator: 3 });
export const TWO_THIRDS: Fraction = Object.freeze({ numerator: 2, denominator: 3 });

function frozenRule(base: MajorityBase, fraction: Fraction, comparison: '>' | '>='): MajorityRule {
  return Object.freeze({ base, fraction, comparison });
}

/** 全体职工代表的过半数: the legal rule [N: 企业民主管理规定 2012 Art. 20] and the default. */
export const MAJORITY_OF_ALL: MajorityRule = frozenRule('all', HALF, '>');
/** More than half of the delegates present. */
export const MAJORITY_OF_PRESENT: MajorityRule = frozenRule('present', HALF, '>');
/** More than half of the valid ballots cast. */
export const MAJORITY_OF_CAST: MajorityRule = frozenRule('cast', HALF, '>');
/** At least two thirds of all serving delegates (三分之二以上). */
export const TWO_THIRDS_OF_ALL: MajorityRule = frozenRule('all', TWO_THIRDS, '>=');
/** At least two thirds of the delegates present. */
export const TWO_THIRDS_OF_PRESENT: MajorityRule = frozenRule('present', TWO_THIRDS, '>=');
/** At least two thirds of the valid ballots cast. */
export const TWO_THIRDS_OF_CAST: MajorityRule = frozenRule('cast', TWO_THIRDS, '>=');

export const DEFAULT_MAJORITY_RULE: MajorityRule = MAJORITY_OF_ALL;

/** At least 2/3 of all serving delegates present [N/L]. */
export const DEFAULT_QUORUM_RULE: QuorumRule = Object.freeze({
  fraction: TWO_THIRDS,
  comparison: '>=',
});

/** Builds a majority rule; defaults to more than half. */
export function majorityRule(
  base: MajorityBase,
  fraction: Fraction = HALF,
  comparison: '>' | '>=' = '>',
): MajorityRule {
  const rule: MajorityRule = { base, fraction: { ...fraction }, comparison };
  assertMajorityRule(rule);
  return rule;
}

export function assertMajorityRule(rule: MajorityRule, field = 'rule'): void {
  assertThreshold(rule, field);
  if (rule.base !== 'all' && rule.base !== 'present' && rule.base !== 'cast') {
    throw new TallyError(
      'INVALID_RULE',
      `${field}.base must be 'all', 'present' or 'cast', got ${String(rule.base)}`,
      {
        field: `${field}.base`,
        value: String(rule.base),
      },
    );
  }
}

/** `majority:all:gt:1/2`, `quorum:all:gte:2/3` (the fraction in lowest terms). */
export function ruleId(kind: RuleKind, base: RuleBase, threshold: Threshold): string {
  const f = reduceFraction(threshold.fraction);
  return `${kind}:${base}:${threshold.comparison === '>' ? 'gt' : 'gte'}:${f.numerator}/${f.denominator}`;
}

/** Applies a threshold to a base size: required count, attainability and the wording. */
export function applyRule(args: {
  readonly kind: RuleKind;
  readonly base: RuleBase;
  readonly threshold: Threshold;
  readonly baseSize: number;
  readonly subject: LocalizedText;
  readonly unit: LocalizedText;
}): AppliedRule {
  const { kind, base, threshold, baseSize } = args;
  const required = requiredCount(baseSize, threshold);
  const fraction = {
    numerator: threshold.fraction.numerator,
    denominator: threshold.fraction.denominator,
  };
  return {
    id: ruleId(kind, base, threshold),
    kind,
    base,
    fraction,
    comparison: threshold.comparison,
    baseSize,
    required,
    attainable: required <= baseSize,
    text: ruleText({
      subject: args.subject,
      unit: args.unit,
      base,
      fraction,
      comparison: threshold.comparison,
      baseSize,
      required,
    }),
  };
}
