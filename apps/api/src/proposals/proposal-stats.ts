import { shanghaiDay } from '../common/time.js';
import { isOverdue } from './dto/proposals.responses.js';
import {
  CATEGORY_LABELS,
  DECISION_LABELS,
  KIND_LABELS,
  ProposalCategory,
  ProposalDecision,
  Rating,
  RATING_LABELS,
} from './proposal.enums.js';
import { isTabled, PROPOSAL_STATUS_LABELS, ProposalStatus } from './proposal-status.js';
import type { ProposalBundle } from './proposal-views.js';

/*
 * The numbers of 提案办理情况: pure functions of loaded proposals, shared by the statistics
 * endpoint, the report for the minutes and the XLSX export.
 */

/** An exact fraction and its percentage (one decimal; null when nothing to count). */
export interface Rate {
  count: number;
  of: number;
  percent: number | null;
}

export const rate = (count: number, of: number): Rate => ({
  count,
  of,
  percent: of === 0 ? null : Math.round((count * 1000) / of) / 10,
});

export interface RatingCounts {
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
}

export interface HandlingFigures {
  assignments: number;
  /** Answers given (a re-answer after a send-back is a second answer). */
  answers: number;
  answersOnTime: number;
  overdue: number;
  sentBack: number;
  rated: number;
  ratings: RatingCounts;
  /** Answers given by their deadline / answers given. */
  onTimeRate: Rate;
  /** (满意 + 基本满意) / rated. */
  satisfactionRate: Rate;
}

export interface DepartmentFigures extends HandlingFigures {
  departmentId: string;
  name: string;
}

export interface CategoryFigures {
  category: ProposalCategory;
  label: string;
  total: number;
  accepted: number;
}

export interface StatusCount {
  status: ProposalStatus;
  label: string;
  count: number;
}

export interface ProposalStatistics {
  total: number;
  byStatus: StatusCount[];
  byCategory: CategoryFigures[];
  byDepartment: DepartmentFigures[];
  handling: HandlingFigures;
}

type AssignmentRow = ProposalBundle['assignments'][number];

function handlingFigures(rows: AssignmentRow[], today: string): HandlingFigures {
  const answers = rows.flatMap((r) => r.answers.map((x) => x.answer));
  const rated = rows.map((r) => r.assignment.rating).filter((x): x is Rating => !!x);
  const ratings = {
    satisfied: rated.filter((x) => x === Rating.Satisfied).length,
    basicallySatisfied: rated.filter((x) => x === Rating.BasicallySatisfied).length,
    unsatisfied: rated.filter((x) => x === Rating.Unsatisfied).length,
  };
  const onTime = answers.filter((a) => a.onTime).length;
  return {
    assignments: rows.length,
    answers: answers.length,
    answersOnTime: onTime,
    overdue: rows.filter((r) => isOverdue(r.assignment, today)).length,
    sentBack: rows.filter((r) => r.assignment.round > 1).length,
    rated: rated.length,
    ratings,
    onTimeRate: rate(onTime, answers.length),
    satisfactionRate: rate(ratings.satisfied + ratings.basicallySatisfied, rated.length),
  };
}

export function statistics(bundles: ProposalBundle[], today: string): ProposalStatistics {
  const tabled = bundles.filter((b) => isTabled(b.proposal));
  const rows = tabled.flatMap((b) => b.assignments);
  const departments = new Map<string, string>();
  for (const r of rows) departments.set(r.assignment.departmentId, r.departmentName);
  return {
    total: tabled.length,
    byStatus: Object.values(ProposalStatus)
      .filter((s) => s !== ProposalStatus.Draft)
      .map((status) => ({
        status,
        label: PROPOSAL_STATUS_LABELS[status],
        count: tabled.filter((b) => b.proposal.status === status).length,
      })),
    byCategory: Object.values(ProposalCategory).map((category) => {
      const of = tabled.filter((b) => b.proposal.category === category);
      return {
        category,
        label: CATEGORY_LABELS[category],
        total: of.length,
        accepted: of.filter((b) => b.proposal.decision === ProposalDecision.Accepted).length,
      };
    }),
    byDepartment: [...departments]
      .map(([departmentId, name]) => ({
        departmentId,
        name,
        ...handlingFigures(
          rows.filter((r) => r.assignment.departmentId === departmentId),
          today,
        ),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    handling: handlingFigures(rows, today),
  };
}

export interface ReportItem {
  number: string | null;
  kindLabel: string;
  subject: string;
  categoryLabel: string;
  proposerName: string;
  groupName: string | null;
  cosignerNames: string[];
  statusLabel: string;
  decisionLabel: string | null;
  /** The written reason of a rejection, or the committee's note. */
  decisionNote: string | null;
  mergedInto: string | null;
  departments: {
    name: string;
    dueOn: string;
    answeredOn: string | null;
    onTime: boolean | null;
    sentBack: boolean;
    rating: string | null;
  }[];
}

/** One line per tabled proposal or suggestion (withdrawn ones are only counted). */
export function reportItem(b: ProposalBundle): ReportItem {
  const p = b.proposal;
  return {
    number: p.number,
    kindLabel: KIND_LABELS[p.kind],
    subject: p.subject,
    categoryLabel: CATEGORY_LABELS[p.category],
    proposerName: b.proposer.name,
    groupName: b.proposer.groupName,
    cosignerNames: b.cosigners.filter((c) => !c.withdrawnAt).map((c) => c.name),
    statusLabel: PROPOSAL_STATUS_LABELS[p.status],
    decisionLabel: p.decision ? DECISION_LABELS[p.decision] : null,
    decisionNote: p.decisionNote,
    mergedInto: b.mergedInto ? (b.mergedInto.number ?? b.mergedInto.subject) : null,
    departments: b.assignments.map(({ assignment: a, departmentName, answers }) => {
      const last = answers.at(-1)?.answer ?? null;
      return {
        name: departmentName,
        dueOn: a.dueOn,
        answeredOn: last ? shanghaiDay(last.answeredAt) : null,
        onTime: last ? last.onTime : null,
        sentBack: a.round > 1,
        rating: a.rating ? RATING_LABELS[a.rating] : null,
      };
    }),
  };
}
