import type { Agree, Difference, Rating as ContractRating } from '../common/contracts.js';

/** 提案 or 意见建议: a suggestion is tabled outside an intake window or turned into one by review. */
export enum ProposalKind {
  Proposal = 'proposal',
  Suggestion = 'suggestion',
}

export const KIND_LABELS: Record<ProposalKind, string> = {
  [ProposalKind.Proposal]: '提案',
  [ProposalKind.Suggestion]: '意见建议',
};

/** Categories used for statistics; the proposer suggests one, the committee decides. */
export enum ProposalCategory {
  Production = 'production',
  Wages = 'wages',
  Safety = 'safety',
  Welfare = 'welfare',
  Training = 'training',
  Democracy = 'democracy',
  Other = 'other',
}

export const CATEGORY_LABELS: Record<ProposalCategory, string> = {
  [ProposalCategory.Production]: '生产经营',
  [ProposalCategory.Wages]: '工资福利',
  [ProposalCategory.Safety]: '劳动保护与安全生产',
  [ProposalCategory.Welfare]: '生活后勤',
  [ProposalCategory.Training]: '教育培训',
  [ProposalCategory.Democracy]: '民主管理',
  [ProposalCategory.Other]: '其他',
};

/** The committee's decision on a submitted proposal. */
export enum ProposalDecision {
  Accepted = 'accepted',
  Merged = 'merged',
  Converted = 'converted',
  Rejected = 'rejected',
}

export const DECISION_LABELS: Record<ProposalDecision, string> = {
  [ProposalDecision.Accepted]: '立案',
  [ProposalDecision.Merged]: '合并',
  [ProposalDecision.Converted]: '转为意见建议',
  [ProposalDecision.Rejected]: '不立案',
};

/** One department's part of the handling (承办). */
export enum AssignmentStatus {
  Assigned = 'assigned',
  Answered = 'answered',
  SentBack = 'sent_back',
  Rated = 'rated',
}

export const ASSIGNMENT_STATUS_LABELS: Record<AssignmentStatus, string> = {
  [AssignmentStatus.Assigned]: '待答复',
  [AssignmentStatus.Answered]: '已答复',
  [AssignmentStatus.SentBack]: '退回重办',
  [AssignmentStatus.Rated]: '已评价',
};

/** Statuses in which a department still owes an answer (and can be overdue). */
export const AWAITING_ANSWER: readonly AssignmentStatus[] = [
  AssignmentStatus.Assigned,
  AssignmentStatus.SentBack,
];

export enum Rating {
  Satisfied = 'satisfied',
  BasicallySatisfied = 'basically_satisfied',
  Unsatisfied = 'unsatisfied',
}
// The same values as the client contract (libs/contracts): a difference does not compile.
type _RatingContract = Agree<Difference<`${Rating}`, ContractRating>>;

export const RATING_LABELS: Record<Rating, string> = {
  [Rating.Satisfied]: '满意',
  [Rating.BasicallySatisfied]: '基本满意',
  [Rating.Unsatisfied]: '不满意',
};
