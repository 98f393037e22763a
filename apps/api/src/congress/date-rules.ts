/**
 * Dates that are wrong on their face (docs/rules.md, "Dates the app checks"). Each rule is a row
 * of data: what a breach does (refused, needs a confirmation with a reason, or a warning), its
 * Chinese title and where it comes from; the functions below only find breaches. Pure: "now" is
 * passed in by the caller, who takes it from the injectable Clock. Days are Asia/Shanghai
 * calendar days.
 */
import { daysBetween, shanghaiDay } from '../common/time.js';
import { SessionStatus } from './session-status.js';

/** `refuse`: the change is not made. `confirm`: made only with a reason, which is recorded. */
export type DateOutcome = 'refuse' | 'confirm' | 'warn';

export type DateRuleId =
  | 'term_ends_after_start'
  | 'term_length'
  | 'session_in_past'
  | 'session_within_term'
  | 'opening_on_session_day';

export interface DateRule {
  outcome: DateOutcome;
  title: string;
  source: string;
}

/** Days a session may be opened (moved to 会议中) before or after its date without a confirmation. */
export const OPENING_TOLERANCE_DAYS = 1;

export const DATE_RULES: Record<DateRuleId, DateRule> = {
  term_ends_after_start: {
    outcome: 'refuse',
    title: '任期结束日期须晚于开始日期',
    source: 'the app: a term of no length cannot hold a session',
  },
  term_length: {
    outcome: 'warn',
    title: '职工代表大会每届任期一般为三至五年',
    source: '[N] 企业民主管理规定（2012）',
  },
  session_in_past: {
    outcome: 'warn',
    title: '尚未召开的会议，其日期不应早于今天',
    source: 'the app: usually a typing slip (wrong year or month)',
  },
  session_within_term: {
    outcome: 'warn',
    title: '会议日期应在本届任期之内',
    source: 'the app: a session belongs to the term whose delegates it seats',
  },
  opening_on_session_day: {
    outcome: 'confirm',
    title: `宣布开会（会议中）应在会议日期前后 ${OPENING_TOLERANCE_DAYS} 天之内`,
    source: 'the app: quorum, check-in and votes belong to the day the agenda was circulated for',
  },
};

export interface DateFinding {
  rule: DateRuleId;
  outcome: DateOutcome;
  /** The request field the finding is about, when there is one. */
  field: string | null;
  /** Chinese, with the dates. */
  message: string;
}

const finding = (rule: DateRuleId, field: string | null, message: string): DateFinding => ({
  rule,
  outcome: DATE_RULES[rule].outcome,
  field,
  message,
});

/** `2026-01-01` plus whole years; 02-29 becomes 02-28 in a year without it. */
function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/** A term's dates (`YYYY-MM-DD`): its end after its start; its length three to five years. */
export function termDateFindings(startsOn: string, endsOn: string): DateFinding[] {
  if (endsOn <= startsOn) {
    return [
      finding(
        'term_ends_after_start',
        'endsOn',
        `任期结束日期（${endsOn}）须晚于开始日期（${startsOn}）`,
      ),
    ];
  }
  // Three years end on the day before the third anniversary (2026-01-01 → 2028-12-31).
  const shortest = addYears(startsOn, 3);
  const longest = addYears(startsOn, 5);
  if (daysBetween(endsOn, shortest) > 1 || endsOn > longest) {
    return [
      finding(
        'term_length',
        'endsOn',
        `任期 ${startsOn} 至 ${endsOn} 不在三至五年之间，请核对日期`,
      ),
    ];
  }
  return [];
}

/** Statuses of a session that has not been opened yet. */
const NOT_YET_OPENED: ReadonlySet<SessionStatus> = new Set([
  SessionStatus.Draft,
  SessionStatus.Preparing,
  SessionStatus.Circulated,
]);

/**
 * A session's date against today and its term: a session not yet opened whose day has passed,
 * and a session outside its term's dates, are warnings (shown with the session, never refused:
 * a past session may be entered on purpose, e.g. to record one held on paper).
 */
export function sessionDateFindings(
  session: { startsAt: Date; status: SessionStatus },
  term: { startsOn: string; endsOn: string },
  now: Date,
): DateFinding[] {
  const day = shanghaiDay(session.startsAt);
  const today = shanghaiDay(now);
  const findings: DateFinding[] = [];
  if (NOT_YET_OPENED.has(session.status) && day < today) {
    findings.push(
      finding(
        'session_in_past',
        'startsAt',
        `会议日期 ${day} 早于今天（${today}），会议尚未召开：请核对日期`,
      ),
    );
  }
  if (day < term.startsOn || day > term.endsOn) {
    findings.push(
      finding(
        'session_within_term',
        'startsAt',
        `会议日期 ${day} 不在本届任期（${term.startsOn} 至 ${term.endsOn}）之内`,
      ),
    );
  }
  return findings;
}

/**
 * Opening a session (会议中) on a day far from its date: more than OPENING_TOLERANCE_DAYS
 * before or after it needs a confirmation with a reason.
 */
export function openingFindings(sessionStartsAt: Date, now: Date): DateFinding[] {
  const day = shanghaiDay(sessionStartsAt);
  const today = shanghaiDay(now);
  const off = daysBetween(day, today);
  if (Math.abs(off) <= OPENING_TOLERANCE_DAYS) return [];
  const when = off < 0 ? `提前 ${-off} 天` : `推迟 ${off} 天`;
  return [
    finding(
      'opening_on_session_day',
      'reason',
      `会议日期为 ${day}，今天是 ${today}，${when}宣布开会：请核对会议日期，或说明理由后确认`,
    ),
  ];
}

/** The findings that block a change unless it is confirmed with a reason, or refused outright. */
export const refusals = (findings: DateFinding[]) => findings.filter((f) => f.outcome === 'refuse');
export const needsConfirmation = (findings: DateFinding[]) =>
  findings.filter((f) => f.outcome === 'confirm');
export const warnings = (findings: DateFinding[]) => findings.filter((f) => f.outcome === 'warn');
