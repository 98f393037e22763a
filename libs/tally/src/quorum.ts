/** Quorum (法定人数): at least 2/3 of all serving delegates present by default [N/L]. */
import { assertThreshold } from './fraction.js';
import { applyRule, DEFAULT_QUORUM_RULE } from './rules.js';
import type { AppliedRule, Electorate, LocalizedText, QuorumRule } from './types.js';
import { assertElectorate } from './validate.js';

export interface QuorumResult {
  readonly kind: 'quorum';
  readonly reached: boolean;
  /** Minimal number of delegates present for the quorum. */
  readonly required: number;
  readonly present: number;
  /** All serving delegates. */
  readonly total: number;
  readonly absent: number;
  readonly rule: AppliedRule;
  /** e.g. 应到 100 人，实到 70 人，缺席 30 人；出席代表不少于全体职工代表的三分之二（需 ≥ 67 人，共 100 名代表）；达到法定人数。 */
  readonly summary: LocalizedText;
}

/**
 * Whether the congress may meet. With zero serving delegates the quorum is never reached
 * (the required count is at least 1).
 */
export function checkQuorum(
  electorate: Electorate,
  rule: QuorumRule = DEFAULT_QUORUM_RULE,
): QuorumResult {
  assertElectorate(electorate);
  assertThreshold(rule, 'quorumRule');
  const { total, present } = electorate;
  const applied = applyRule({
    kind: 'quorum',
    base: 'all',
    threshold: rule,
    baseSize: total,
    subject: { zh: '出席代表', en: 'Delegates present' },
    unit: { zh: '人', en: 'delegates' },
  });
  const reached = present >= applied.required;
  const absent = total - present;
  return {
    kind: 'quorum',
    reached,
    required: applied.required,
    present,
    total,
    absent,
    rule: applied,
    summary: {
      zh: `应到 ${total} 人，实到 ${present} 人，缺席 ${absent} 人；${applied.text.zh}；${reached ? '达到法定人数' : '未达到法定人数'}。`,
      en: `${total} serving, ${present} present, ${absent} absent; ${applied.text.en}; quorum ${reached ? 'reached' : 'not reached'}.`,
    },
  };
}
