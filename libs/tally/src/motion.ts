/** A single motion (表决事项): for / against / abstain / invalid, decided by a majority rule. */
import { TallyError } from './errors.js';
import { majorityThreshold } from './majority.js';
import { DEFAULT_MAJORITY_RULE } from './rules.js';
import type {
  AppliedRule,
  Electorate,
  ElectorateReport,
  LocalizedText,
  MajorityRule,
} from './types.js';
import {
  assertBallotsWithinPresent,
  assertCount,
  assertElectorate,
  resolveNotVoted,
} from './validate.js';

export interface MotionCounts {
  readonly for: number;
  readonly against: number;
  readonly abstain: number;
  readonly invalid: number;
}

export type MotionChoice = keyof MotionCounts;
export const MOTION_CHOICES: readonly MotionChoice[] = Object.freeze([
  'for',
  'against',
  'abstain',
  'invalid',
]);

export interface MotionInput {
  readonly id?: string;
  readonly title?: string;
  readonly electorate: Electorate;
  readonly counts: MotionCounts;
  /** Optional cross-check: must equal present − ballots. */
  readonly notVoted?: number;
  /** Defaults to MAJORITY_OF_ALL (more than half of all serving delegates). */
  readonly rule?: MajorityRule;
}

export interface MotionResult {
  readonly kind: 'motion';
  readonly id?: string;
  readonly title?: string;
  readonly counts: MotionCounts & { readonly notVoted: number };
  /** Ballots cast: for + against + abstain + invalid. */
  readonly ballots: number;
  /** Valid ballots: for + against + abstain (the `cast` base). */
  readonly valid: number;
  readonly electorate: ElectorateReport;
  readonly rule: AppliedRule;
  readonly passed: boolean;
  /** e.g. 通过。赞成 60 票，反对 20 票，弃权 10 票，无效 2 票，未投票 3 人；赞成票超过全体职工代表的半数（需 ≥ 51 票，共 100 名代表）。 */
  readonly summary: LocalizedText;
}

export function assertMotionCounts(counts: MotionCounts, field = 'counts'): void {
  if (counts === null || typeof counts !== 'object') {
    throw new TallyError('MISSING_COUNT', `${field} must be { for, against, abstain, invalid }`, {
      field,
    });
  }
  for (const choice of MOTION_CHOICES) {
    assertCount(`${field}.${choice}`, counts[choice]);
  }
}

export function tallyMotion(input: MotionInput): MotionResult {
  const rule = input.rule ?? DEFAULT_MAJORITY_RULE;
  assertElectorate(input.electorate);
  assertMotionCounts(input.counts);
  const c = input.counts;
  const valid = c.for + c.against + c.abstain;
  const ballots = valid + c.invalid;
  assertBallotsWithinPresent(ballots, input.electorate);
  const notVoted = resolveNotVoted(input.notVoted, ballots, input.electorate);
  const { total, present } = input.electorate;
  const applied = majorityThreshold(rule, { total, present, cast: valid });
  const passed = c.for >= applied.required;
  return {
    kind: 'motion',
    ...(input.id === undefined ? {} : { id: input.id }),
    ...(input.title === undefined ? {} : { title: input.title }),
    counts: { for: c.for, against: c.against, abstain: c.abstain, invalid: c.invalid, notVoted },
    ballots,
    valid,
    electorate: { total, present, absent: total - present },
    rule: applied,
    passed,
    summary: {
      zh:
        `${passed ? '通过' : '未通过'}。赞成 ${c.for} 票，反对 ${c.against} 票，弃权 ${c.abstain} 票，` +
        `无效 ${c.invalid} 票，未投票 ${notVoted} 人；${applied.text.zh}。`,
      en:
        `${passed ? 'Passed' : 'Not passed'}. For ${c.for}, against ${c.against}, abstain ${c.abstain}, ` +
        `invalid ${c.invalid}, not voted ${notVoted}; ${applied.text.en}.`,
    },
  };
}

/** Counts plaintext choices (open votes, tests). */
export function countMotionBallots(choices: readonly MotionChoice[]): MotionCounts {
  const counts = { for: 0, against: 0, abstain: 0, invalid: 0 };
  choices.forEach((choice, index) => {
    if (!MOTION_CHOICES.includes(choice)) {
      throw new TallyError('INVALID_CHOICE', `ballot ${index} has choice ${String(choice)}`, {
        index,
        choice: String(choice),
      });
    }
    counts[choice] += 1;
  });
  return counts;
}
