/**
 * A decided poll's outcome in words for the hall and the public board, e.g.
 * "赞成 170 票，超过全体代表 320 人的半数，通过": rendered from the decision the api stored
 * (libs/tally's MotionResult, ElectionResult or EvaluationResult, which carry the rule applied
 * with its base, fraction, comparison and base size), never from a rule written again here.
 * The legal default is more than half of ALL serving delegates (企业民主管理规定 2012 第二十条);
 * a congress may set another rule, and the words follow whatever the decision says it applied.
 */
import {
  type AppliedRule,
  type ElectionResult,
  type EvaluationResult,
  fractionZh,
  type MotionResult,
} from '@libs/tally/src/index.js';

export type Decision = MotionResult | ElectionResult | EvaluationResult;

export interface ResultWords {
  /** The outcome in one line (通过 / 未通过 / 当选 2 人 …). */
  headline: string;
  /** Whether the item passed or the election filled every seat; null for an evaluation. */
  passed: boolean | null;
  /** One sentence per fact: the rule applied with the numbers, candidate by candidate, … */
  lines: string[];
}

/** "全体代表 320 人" / "出席代表 300 人" / "有效票 290 票": the base the rule was counted against. */
export function baseWords(rule: Pick<AppliedRule, 'base' | 'baseSize'>): string {
  switch (rule.base) {
    case 'all':
      return `全体代表 ${rule.baseSize} 人`;
    case 'present':
      return `出席代表 ${rule.baseSize} 人`;
    case 'cast':
      return `有效票 ${rule.baseSize} 票`;
    case 'ratings':
      return `有效评议票 ${rule.baseSize} 票`;
  }
}

/** "超过全体代表 320 人的半数" or, when not met, "未超过…"; `>=` reads 达到 / 未达到. */
export function ruleWords(rule: AppliedRule, met: boolean): string {
  const verb = rule.comparison === '>' ? '超过' : '达到';
  return `${met ? '' : '未'}${verb}${baseWords(rule)}的${fractionZh(rule.fraction)}`;
}

function motionWords(d: MotionResult): ResultWords {
  const c = d.counts;
  return {
    headline: d.passed ? '通过' : '未通过',
    passed: d.passed,
    lines: [
      `赞成 ${c.for} 票，${ruleWords(d.rule, d.passed)}，${d.passed ? '通过' : '未通过'}`,
      `反对 ${c.against} 票，弃权 ${c.abstain} 票，无效 ${c.invalid} 票，未投票 ${c.notVoted} 人`,
    ],
  };
}

const CANDIDATE_OUTCOME = {
  elected: '当选',
  runoff: '票数相同，须再次投票',
  'not-elected': '未当选',
};

function electionWords(d: ElectionResult): ResultWords {
  const lines = d.candidates.map(
    (c) =>
      `${c.name ?? c.id} 得票 ${c.votes} 票，${ruleWords(d.rule, c.meetsRule)}，${CANDIDATE_OUTCOME[c.status]}`,
  );
  const b = d.ballots;
  lines.push(`有效票 ${b.valid} 张，无效票 ${b.invalid} 张，未投票 ${b.notVoted} 人`);
  if (d.runoff)
    lines.push(
      `得票相同的 ${d.runoff.candidates.length} 人争 ${d.runoff.seats} 个席位，须再次投票`,
    );
  else if (d.unfilledSeats > 0) lines.push(`尚有 ${d.unfilledSeats} 个席位空缺，须另行选举`);
  return {
    headline: `应选 ${d.seats} 人，当选 ${d.elected.length} 人`,
    passed: d.complete,
    lines,
  };
}

function evaluationWords(d: EvaluationResult): ResultWords {
  const lines = d.persons.map((p) => {
    const grades = p.grades.map((g) => `${g.zh} ${g.count} 票`).join('，');
    const rate = p.approvalRate ? `；认可率 ${p.approvalRate.text}` : '；无人评议';
    return `${p.name ?? p.id}：${grades}${rate}${p.flagged ? '（达到标记条件）' : ''}`;
  });
  return {
    headline: `评议 ${d.persons.length} 人，有效票 ${d.ballots.valid} 张`,
    passed: null,
    lines,
  };
}

export function resultWords(decision: Decision | null, voidReason?: string): ResultWords {
  // No decision: more ballots came back than were issued (收回多于发出), or another stated
  // reason (a custodian key lost with its process): the poll is void and is held again.
  if (!decision)
    return {
      headline: '本次表决无效',
      passed: false,
      lines: [voidReason ?? '收回的选票多于发出的选票，表决无效，须重新表决。'],
    };
  switch (decision.kind) {
    case 'motion':
      return motionWords(decision);
    case 'election':
      return electionWords(decision);
    case 'evaluation':
      return evaluationWords(decision);
  }
}
