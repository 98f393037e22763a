/**
 * The fixed vocabularies of the api: each as a list of values (to iterate, validate, build a
 * select) and as a string union (to type). The api's own enums hold exactly these values; a value
 * added on one side only fails to compile, next to the api's enum.
 */

/**
 * Account roles. `admin` manages accounts; `staff` (大会工作人员) run the congress; `secretary`
 * (秘书处) read and record; `delegate` (职工代表) and `attendee` (列席代表) use tablets;
 * `department` users answer proposals for their department and draft 厂务公开 items;
 * `employee` (职工) accounts read the 厂务公开 board of their unit and use its opinion box;
 * `supervisor` (监督检查小组成员) accounts read all of 厂务公开, run its checks and send notices.
 */
export const ROLES = [
  'admin',
  'staff',
  'secretary',
  'delegate',
  'attendee',
  'department',
  'employee',
  'supervisor',
] as const;
export type Role = (typeof ROLES)[number];

/** A session's life, forward only: 草稿 → 筹备中 → 已分发 → 会议中 → 已闭会 → 已归档. */
export const SESSION_STATUSES = [
  'draft',
  'preparing',
  'circulated',
  'in_session',
  'closed',
  'archived',
] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** 报告, 审议建议, 审议通过, 审议决定, 民主评议, 民主选举; the last four are put to a vote. */
export const AGENDA_ITEM_KINDS = [
  'report',
  'deliberate',
  'approve',
  'decide',
  'evaluate',
  'elect',
] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

/** How a delegate signed for a circulated agenda (签收): on the tablet, or on paper entered by staff. */
export const RECEIPT_METHODS = ['tablet', 'paper'] as const;
export type ReceiptMethod = (typeof RECEIPT_METHODS)[number];

/** A recorded attendance; a seat with no record has not checked in. */
export const ATTENDANCE_STATUSES = ['present', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const POLL_STATUSES = ['open', 'closed'] as const;
export type PollStatus = (typeof POLL_STATUSES)[number];

/**
 * Who holds the key that decrypts a secret poll's sum. `tellers`: the session's tellers (监票人),
 * any t of n, from a key ceremony without a dealer; the server holds no secret. `custodian`: an
 * explicit choice for trials, the api process holds the only key in memory, which means trusting
 * the operator (every poll view says so, 不对运维方保密).
 */
export const KEY_MODES = ['tellers', 'custodian'] as const;
export type KeyMode = (typeof KEY_MODES)[number];

/**
 * GB 50799 §6.2 (会议表决系统), chosen per poll. `first`: the first ballot counts, a different
 * second one is refused. `last`: a delegate may change their ballot until the close; the newer
 * supersedes the older, which stays on the board and in the record marked `SUPERSEDED`.
 */
export const PRESS_RULES = ['first', 'last'] as const;
export type PressRule = (typeof PRESS_RULES)[number];

/**
 * GB 50799 §6.2: the result is shown as soon as it is counted (`immediate`), or `held` until the
 * chair (staff or a presidium member) releases it; until then every public screen shows
 * 结果待主持人宣布.
 */
export const RESULT_RELEASES = ['immediate', 'held'] as const;
export type ResultRelease = (typeof RESULT_RELEASES)[number];

export const VOTE_TYPES = ['motion', 'election', 'evaluation'] as const;
export type VoteType = (typeof VOTE_TYPES)[number];

/** 满意/基本满意/不满意, or 优秀/称职/基本称职/不称职. */
export const EVALUATION_SCALES = ['satisfaction', 'competence'] as const;
export type EvaluationScale = (typeof EVALUATION_SCALES)[number];

/** A proposal's (提案) statuses, as named in its notifications. */
export const PROPOSAL_STATUSES = [
  'draft',
  'awaiting_cosigners',
  'submitted',
  'accepted',
  'merged',
  'converted_to_suggestion',
  'rejected',
  'withdrawn',
  'in_handling',
  'answered',
  'sent_back',
  'closed',
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** The proposer's rating of a department's answer: 满意, 基本满意, 不满意. */
export const RATINGS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Rating = (typeof RATINGS)[number];
