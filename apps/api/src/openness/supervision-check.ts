import { shanghaiDay } from '../common/time.js';
import type { FindingKind } from '../common/contracts.js';
import { lastDayOfMonth } from './openness-rules.js';

/**
 * The supervision group's check (监督检查) of a period, pure so that it can be tested with any
 * records and any "now": for every planned line due in the period, was it published by the last
 * day of its month? For every question asked in the period, was it answered? For every measure
 * whose deadline fell in the period, was it done by that day? Days are Shanghai calendar days.
 * What is not yet due on the day of the check (a line whose month has not ended, a measure whose
 * deadline is today or later and not done) is neither counted nor a finding.
 */

export interface CheckPeriod {
  from: string;
  to: string;
}

export interface CheckRecords {
  lines: {
    id: string;
    year: number;
    month: number;
    title: string;
    departmentId: string;
    /** The first publication of an item fulfilling the line. */
    publishedAt: Date | null;
  }[];
  questions: {
    id: string;
    itemId: string;
    itemTitle: string;
    departmentId: string;
    receivedOn: string;
    answeredAt: Date | null;
  }[];
  measures: {
    id: string;
    itemId: string;
    itemTitle: string;
    description: string;
    departmentId: string;
    dueOn: string;
    doneAt: Date | null;
  }[];
}

export interface Finding {
  kind: FindingKind;
  departmentId: string;
  /** The plan line's title, or the item's. */
  subject: string;
  /** The day it was due: the month's last day, the day the question came in, the deadline. */
  dueOn: string;
  /** Chinese, one line, for the notice. */
  detail: string;
  planEntryId: string | null;
  itemId: string | null;
}

export interface CheckSummary {
  planned: number;
  onTime: number;
  questions: number;
  answered: number;
  measures: number;
  doneOnTime: number;
}

export interface CheckResult {
  summary: CheckSummary;
  findings: Finding[];
}

const within = (day: string, p: CheckPeriod) => day >= p.from && day <= p.to;

export function runCheck(period: CheckPeriod, records: CheckRecords, now: Date): CheckResult {
  const today = shanghaiDay(now);
  const summary: CheckSummary = {
    planned: 0,
    onTime: 0,
    questions: 0,
    answered: 0,
    measures: 0,
    doneOnTime: 0,
  };
  const findings: Finding[] = [];

  for (const line of records.lines) {
    const dueOn = lastDayOfMonth(line.year, line.month);
    if (!within(dueOn, period)) continue;
    const published = line.publishedAt ? shanghaiDay(line.publishedAt) : null;
    if (!published && dueOn >= today) continue;
    summary.planned++;
    if (published && published <= dueOn) {
      summary.onTime++;
      continue;
    }
    findings.push({
      kind: published ? 'plan_late' : 'plan_missing',
      departmentId: line.departmentId,
      subject: line.title,
      dueOn,
      detail: published
        ? `计划于 ${dueOn} 前公开，实际 ${published} 公开`
        : `计划于 ${dueOn} 前公开，至今未公开`,
      planEntryId: line.id,
      itemId: null,
    });
  }

  for (const q of records.questions) {
    if (!within(q.receivedOn, period)) continue;
    summary.questions++;
    if (q.answeredAt) {
      summary.answered++;
      continue;
    }
    findings.push({
      kind: 'question_unanswered',
      departmentId: q.departmentId,
      subject: q.itemTitle,
      dueOn: q.receivedOn,
      detail: `职工 ${q.receivedOn} 的提问至今未答复`,
      planEntryId: null,
      itemId: q.itemId,
    });
  }

  for (const m of records.measures) {
    if (!within(m.dueOn, period)) continue;
    const done = m.doneAt ? shanghaiDay(m.doneAt) : null;
    if (!done && m.dueOn >= today) continue;
    summary.measures++;
    if (done && done <= m.dueOn) {
      summary.doneOnTime++;
      continue;
    }
    findings.push({
      kind: 'measure_late',
      departmentId: m.departmentId,
      subject: m.itemTitle,
      dueOn: m.dueOn,
      detail: done
        ? `整改措施「${m.description}」期限 ${m.dueOn}，${done} 才完成`
        : `整改措施「${m.description}」期限 ${m.dueOn}，至今未完成`,
      planEntryId: null,
      itemId: m.itemId,
    });
  }
  return { summary, findings };
}
