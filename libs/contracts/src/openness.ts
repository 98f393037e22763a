/**
 * 厂务公开 (open management): the vocabularies a board or console screen needs. The api's enums
 * in apps/api/src/openness hold exactly these values.
 */

/**
 * What an item is about: 重大决策和生产经营, 财务 (业务费、办公费、车辆费), 考勤/加班/夜班,
 * 劳动保护, 困难帮扶, 疗休养, 评先评优, 民主评议结果, 职代会决议, 提案办理, and 其他 with a label
 * of the enterprise's own.
 */
export const OPENNESS_CATEGORIES = [
  'major_decisions',
  'finance',
  'attendance_overtime',
  'labour_protection',
  'hardship_relief',
  'rest_recuperation',
  'commendations',
  'evaluation_results',
  'congress_resolutions',
  'proposal_handling',
  'other',
] as const;
export type OpennessCategory = (typeof OPENNESS_CATEGORIES)[number];

/** 公司 → 车间 / 科室 → 班组 (班务公开). */
export const UNIT_LEVELS = ['company', 'workshop', 'office', 'team'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/**
 * An item's life: 草稿 → 待审查 (提出) → 已审核 or 退回修改 (审查) → 公开中 (公开, 评议) →
 * 整改中 (意见箱关闭，整改跟踪) → 已办结.
 */
export const OPENNESS_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'approved',
  'published',
  'rectifying',
  'closed',
] as const;
export type OpennessStatus = (typeof OPENNESS_STATUSES)[number];

/** 定期公开 per the annual plan, or 事后公开 within a number of days of an event. */
export const OPENNESS_TIMINGS = ['periodic', 'event'] as const;
export type OpennessTiming = (typeof OPENNESS_TIMINGS)[number];

/** 公开栏, 网上公开 (intranet), 会议, 职代会. */
export const OPENNESS_FORMS = ['board', 'intranet', 'meeting', 'congress'] as const;
export type OpennessForm = (typeof OPENNESS_FORMS)[number];

/** 意见箱: 意见, 提问 (answered and published back), 评价 (a rating). */
export const OPINION_KINDS = ['comment', 'question', 'rating'] as const;
export type OpinionKind = (typeof OPINION_KINDS)[number];

/** A rectification measure (整改措施): open until its owner reports it done. */
export const MEASURE_STATUSES = ['open', 'done'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/**
 * A planned item on the dashboard: 按时公开, 逾期公开 (published after its month), 未公开
 * (its month is over and nothing was published), 未到期 (its month has not ended).
 */
export const PLAN_STATES = ['on_time', 'late', 'missing', 'not_due'] as const;
export type PlanState = (typeof PLAN_STATES)[number];

/** The categories as shown (the api's labels are these). */
export const OPENNESS_CATEGORY_LABELS: Record<OpennessCategory, string> = {
  major_decisions: '重大决策和生产经营',
  finance: '财务收支（业务费、办公费、车辆费）',
  attendance_overtime: '考勤、加班、夜班',
  labour_protection: '劳动保护',
  hardship_relief: '困难帮扶',
  rest_recuperation: '疗休养',
  commendations: '评先评优',
  evaluation_results: '民主评议结果',
  congress_resolutions: '职代会决议',
  proposal_handling: '提案办理情况',
  other: '其他',
};

export const UNIT_LEVEL_LABELS: Record<UnitLevel, string> = {
  company: '公司',
  workshop: '车间',
  office: '科室',
  team: '班组',
};

export const OPENNESS_FORM_LABELS: Record<OpennessForm, string> = {
  board: '公开栏',
  intranet: '网上公开',
  meeting: '会议',
  congress: '职代会',
};

/**
 * 公开提醒 to a plan line's responsible department: 即将到期 (within the lead days before the last
 * day of its month) and 已逾期 (the month is over and nothing is published). One of each per line.
 */
export const REMINDER_KINDS = ['due_soon', 'overdue'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const REMINDER_KIND_LABELS: Record<ReminderKind, string> = {
  due_soon: '即将到期',
  overdue: '已逾期',
};

/**
 * What the supervision group's check (监督检查) finds for a period: a planned line published late
 * or not at all, a question left unanswered, a measure not done by its deadline.
 */
export const FINDING_KINDS = [
  'plan_late',
  'plan_missing',
  'question_unanswered',
  'measure_late',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  plan_late: '逾期公开',
  plan_missing: '到期未公开',
  question_unanswered: '提问未答复',
  measure_late: '整改逾期',
};
