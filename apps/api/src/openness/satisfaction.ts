import type { PollResult } from '../common/contracts.js';
import type { VoteSpec } from '../agenda/index.js';

/**
 * 满意度测评 of 厂务公开 work: a secret evaluation poll among the delegates whose one "person" is
 * 本年度厂务公开工作, on the satisfaction scale (满意 / 基本满意 / 不满意).
 */
export interface SatisfactionFigures {
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
  /** Valid ballots that left the work unrated. */
  notRated: number;
  /** Valid ballots: the denominator. */
  valid: number;
  invalid: number;
  /** (满意 + 基本满意) / valid ballots × 100, one decimal (half up); null without valid ballots. */
  percent: number | null;
}

export interface PollFacts {
  secret: boolean;
  voteSpec: VoteSpec;
  result: PollResult | null;
  /** The result waits for the chair to release it (GB 50799 §6.2 "held"). */
  held: boolean;
}

/** Why a poll cannot be a year's 满意度测评, or null when it can (rule: docs/openness.md). */
export function ineligible(p: PollFacts): string | null {
  const spec = p.voteSpec;
  if (spec.type !== 'evaluation' || spec.scale !== 'satisfaction')
    return '只有按“满意/基本满意/不满意”评议的表决可以作为满意度测评';
  if (spec.persons.length !== 1) return '满意度测评只能有一个评议对象（本年度厂务公开工作）';
  if (!p.secret) return '满意度测评须为无记名投票';
  if (!p.result) return '该表决尚未计票';
  if (p.result.void || !p.result.decision) return '该表决无效';
  if (p.held) return '该表决结果尚未宣布';
  return null;
}

/** The figures of an eligible poll's result; the percentage satisfied is over VALID ballots. */
export function satisfactionFigures(result: PollResult): SatisfactionFigures {
  const decision = result.decision;
  if (decision?.kind !== 'evaluation') throw new TypeError('not an evaluation result');
  const person = decision.persons[0]!;
  const count = (grade: string) => person.grades.find((g) => g.grade === grade)?.count ?? 0;
  const satisfied = count('satisfied');
  const basicallySatisfied = count('basically-satisfied');
  const valid = decision.ballots.valid;
  return {
    satisfied,
    basicallySatisfied,
    unsatisfied: count('unsatisfied'),
    notRated: person.notRated,
    valid,
    invalid: decision.ballots.invalid,
    percent:
      valid === 0 ? null : Math.round(((satisfied + basicallySatisfied) * 1000) / valid) / 10,
  };
}
