import type {
  Agree,
  Difference,
  MeasureStatus as ContractMeasureStatus,
  OpennessCategory as ContractCategory,
  OpennessForm as ContractForm,
  OpennessTiming as ContractTiming,
  OpinionKind as ContractOpinionKind,
  PlanState as ContractPlanState,
  UnitLevel as ContractUnitLevel,
} from '../common/contracts.js';
import {
  OPENNESS_CATEGORY_LABELS,
  OPENNESS_FORM_LABELS,
  UNIT_LEVEL_LABELS,
} from '../common/contracts.js';

/** What an item is about (the unions' usual list); `other` carries a label of its own. */
export enum OpennessCategory {
  MajorDecisions = 'major_decisions',
  Finance = 'finance',
  AttendanceOvertime = 'attendance_overtime',
  LabourProtection = 'labour_protection',
  HardshipRelief = 'hardship_relief',
  RestRecuperation = 'rest_recuperation',
  Commendations = 'commendations',
  EvaluationResults = 'evaluation_results',
  CongressResolutions = 'congress_resolutions',
  ProposalHandling = 'proposal_handling',
  Other = 'other',
}

export const CATEGORY_LABELS: Record<OpennessCategory, string> = OPENNESS_CATEGORY_LABELS;

export enum UnitLevel {
  Company = 'company',
  Workshop = 'workshop',
  Office = 'office',
  Team = 'team',
}

/** The level a unit's parent must have: the company is the root, teams sit in a workshop or office. */
export const PARENT_LEVELS: Record<UnitLevel, readonly UnitLevel[]> = {
  [UnitLevel.Company]: [],
  [UnitLevel.Workshop]: [UnitLevel.Company],
  [UnitLevel.Office]: [UnitLevel.Company],
  [UnitLevel.Team]: [UnitLevel.Workshop, UnitLevel.Office],
};

export enum OpennessTiming {
  Periodic = 'periodic',
  Event = 'event',
}

export enum OpennessForm {
  Board = 'board',
  Intranet = 'intranet',
  Meeting = 'meeting',
  Congress = 'congress',
}

export enum OpinionKind {
  Comment = 'comment',
  Question = 'question',
  Rating = 'rating',
}

export enum MeasureStatus {
  Open = 'open',
  Done = 'done',
}

export enum PlanState {
  OnTime = 'on_time',
  Late = 'late',
  Missing = 'missing',
  NotDue = 'not_due',
}

// The same values as the client contract (libs/contracts): a difference does not compile.
type _Contract = [
  Agree<Difference<`${OpennessCategory}`, ContractCategory>>,
  Agree<Difference<`${UnitLevel}`, ContractUnitLevel>>,
  Agree<Difference<`${OpennessTiming}`, ContractTiming>>,
  Agree<Difference<`${OpennessForm}`, ContractForm>>,
  Agree<Difference<`${OpinionKind}`, ContractOpinionKind>>,
  Agree<Difference<`${MeasureStatus}`, ContractMeasureStatus>>,
  Agree<Difference<`${PlanState}`, ContractPlanState>>,
];

export const LEVEL_LABELS: Record<UnitLevel, string> = UNIT_LEVEL_LABELS;

export const FORM_LABELS: Record<OpennessForm, string> = OPENNESS_FORM_LABELS;

export const PLAN_STATE_LABELS: Record<PlanState, string> = {
  [PlanState.OnTime]: '按时公开',
  [PlanState.Late]: '逾期公开',
  [PlanState.Missing]: '到期未公开',
  [PlanState.NotDue]: '未到期',
};

export const OPINION_KIND_LABELS: Record<OpinionKind, string> = {
  [OpinionKind.Comment]: '意见',
  [OpinionKind.Question]: '提问',
  [OpinionKind.Rating]: '评价',
};

/** The shown category: the enterprise's own label for `other`. */
export const categoryName = (category: OpennessCategory, label: string | null) =>
  category === OpennessCategory.Other && label ? label : CATEGORY_LABELS[category];
