/**
 * The minutes (会议记录) of one session of the congress, as one plain JSON document: what is
 * canonicalised (RFC 8785), hashed, signed, rendered and archived. Every field is plain JSON
 * (strings, integers, booleans, null, arrays, objects); times are ISO 8601 UTC strings
 * (`2026-03-20T01:30:00.000Z`) and are shown in Asia/Shanghai by the renderers.
 *
 * The content follows the congress's rules for minutes: term and session, date and place,
 * delegates total / present / absent (with reasons) and the quorum, the presiding chairs, the
 * agenda and for each item how it was voted, the counts, the rule applied and the outcome;
 * election and evaluation results; tellers; resolutions; late circulation and agenda changes; the
 * recorder. Most of it is assembled from the record the api keeps (see README, "Where the data
 * comes from"); the secretary writes the narrative parts.
 */

export const MINUTES_FORMAT = 'congress-minutes' as const;
export const MINUTES_VERSION = 1 as const;

/** Kinds of agenda item: the congress's powers, and plain reports. */
export const ITEM_KINDS = [
  'report',
  'deliberate',
  'approve',
  'decide',
  'evaluate',
  'elect',
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const ITEM_KIND_LABELS: Record<ItemKind, string> = {
  report: '报告',
  deliberate: '审议建议',
  approve: '审议通过',
  decide: '审议决定',
  evaluate: '民主评议',
  elect: '民主选举',
};

export interface Person {
  name: string;
  /** What the person is in this context, e.g. 执行主席, 总监票人, 工会办公室. */
  title?: string;
}

export interface Attendance {
  /** Serving delegates of the term (在任职工代表); attendees never count. */
  total: number;
  /** Delegates checked in. */
  present: number;
  /** Delegates reported absent, each with the reason (病假, 公假, 事假…). */
  absent: { name: string; group?: string; reason: string }[];
  /** Serving delegates neither checked in nor reported absent. */
  notCheckedIn: number;
  /** Non-voting attendees (列席代表) present. */
  attendeesPresent: number;
  quorum: {
    /** The rule in words with its numbers, e.g. 出席代表不少于全体职工代表的三分之二（需 ≥ 214 人，共 320 名代表）. */
    rule: string;
    required: number;
    met: boolean;
  };
}

/**
 * How a poll's key was held. `tellers`: the tellers' shares, no one alone can decrypt a ballot;
 * `custodian`: the server held the only key, i.e. the ballots were **not secret from the
 * operator** (不对运维方保密), and the minutes say so wherever the poll appears.
 */
export type KeyMode = 'tellers' | 'custodian';

export const CUSTODIAN_WARNING = '不对运维方保密' as const;

export interface VoteMethod {
  /** `secret`: 无记名投票 (encrypted ballots); `open`: 记名/举手表决. */
  secret: boolean;
  /** Null for an open vote. */
  keyMode: KeyMode | null;
  /** SHA-256 fingerprint (hex) of the election key; null for an open vote. */
  keyFingerprint: string | null;
  /** Exactly `不对运维方保密` when keyMode is `custodian`, else null. */
  custodianWarning: typeof CUSTODIAN_WARNING | null;
}

export interface MotionCounts {
  kind: 'motion';
  for: number;
  against: number;
  abstain: number;
  invalid: number;
  notVoted: number;
}

export interface CandidateCount {
  id: string;
  name: string;
  votes: number;
  /** `elected`, `not-elected`, `runoff` (tied at the last seat), as libs/tally decides. */
  status: 'elected' | 'not-elected' | 'runoff';
}

export interface ElectionCounts {
  kind: 'election';
  seats: number;
  /** Candidates in ballot order (the order of the election record's entries). */
  candidates: CandidateCount[];
  valid: number;
  blank: number | null;
  invalid: number;
  notVoted: number;
}

export interface PersonRating {
  id: string;
  name: string;
  position?: string;
  /** Count per grade, in the scale's order (the order of the election record's entries). */
  counts: number[];
  /** E.g. 满意率 92.5%（185/200）; null when nobody rated. */
  approval: string | null;
  flagged: boolean;
}

export interface EvaluationCounts {
  kind: 'evaluation';
  /** Grade labels in order, e.g. 满意 / 基本满意 / 不满意. */
  grades: string[];
  persons: PersonRating[];
  valid: number;
  invalid: number;
  notVoted: number;
}

export type Counts = MotionCounts | ElectionCounts | EvaluationCounts;

/** One vote (poll) on an item, exactly as tellers sign it (see tallyHash). */
export interface Tally {
  pollId: string;
  title: string;
  method: VoteMethod;
  openedAt: string;
  closedAt: string;
  /** 发出: ballots issued (delegates serving and checked in when the poll opened). */
  issued: number;
  /** 收回: ballots cast. Counted ballots ≤ issued, else the poll is void. */
  cast: number;
  counts: Counts;
  /** The rule applied, in words with its numbers, e.g. 赞成票超过全体职工代表的半数（需 ≥ 161 票，共 320 名代表）. */
  rule: string;
  /** The outcome in words, e.g. 通过 / 未通过 / 当选：张三、李四. */
  outcome: string;
  /** For a motion: passed or not; null for elections and evaluations. */
  passed: boolean | null;
}

export interface LateCirculation {
  /** Calendar days (Asia/Shanghai) between circulation and the session. */
  daysBefore: number;
  requiredDays: number;
  reason: string;
  /** The presidium member who allowed the vote anyway, if any. */
  approvedBy: string | null;
}

export interface AgendaItem {
  id: string;
  /** 1-based position on the agenda. */
  position: number;
  kind: ItemKind;
  title: string;
  presenter: string | null;
  /** When its content reached the delegates; null when it was never circulated. */
  circulatedAt: string | null;
  /** Set when the item reached delegates later than the rule requires. */
  late: LateCirculation | null;
  /** The secretary's summary of the discussion. */
  discussion: string;
  /** Opinions of delegation groups (代表团/组), as the secretary records them. */
  groupOpinions: { group: string; text: string }[];
  /** The votes on this item in order (a failed item may be voted again after revision). */
  tallies: Tally[];
}

export interface Resolution {
  /** E.g. 决议一; free text. */
  number: string;
  title: string;
  text: string;
  /** The item it resolves, if any. */
  itemId: string | null;
}

export interface CirculationVersion {
  number: number;
  circulatedAt: string;
  daysBefore: number;
  requiredDays: number;
  late: boolean;
  lateReason: string | null;
  /** The agenda version's hash as the api stored it. */
  hash: string;
  /** Delegates who signed for it (签收) / serving delegates. */
  receipts: number;
  recipients: number;
}

export interface AgendaChange {
  at: string;
  description: string;
  reason: string;
  approvedBy: string | null;
}

export interface ProposalsReport {
  title: string;
  received: { total: number; proposals: number; suggestions: number; withdrawn: number };
  decisions: {
    accepted: number;
    merged: number;
    converted: number;
    rejected: number;
    pending: number;
  };
  /** E.g. 按期答复率 95.0%（19/20）. */
  onTimeRate: string | null;
  /** E.g. 满意率 90.0%（18/20）. */
  satisfactionRate: string | null;
  items: {
    number: string | null;
    subject: string;
    proposer: string;
    decision: string | null;
    departments: string[];
    rating: string | null;
  }[];
}

export interface Incident {
  at: string;
  /**
   * E.g. `login_code_reissued` (and `login_code_reissue_refused`, `login_code_reissue_requested`
   * for a request not approved, `login_code_reissue_not_issued` for one approved but never
   * issued), `poll_voided`, `device_replaced`, `other`.
   */
  kind: string;
  description: string;
  approvedBy: string | null;
}

export interface MinutesDocument {
  format: typeof MINUTES_FORMAT;
  version: typeof MINUTES_VERSION;
  /** Stable id of these minutes (the api's). */
  id: string;
  /** 文号, e.g. 第五届职代会〔2026〕2号. */
  reference: string;
  /** The issuing body, e.g. 某某有限公司第五届职工代表大会. */
  issuer: string;
  /** E.g. 第五届职工代表大会第二次会议记录. */
  title: string;
  term: { id: string; name: string };
  session: { id: string; name: string; startsAt: string; endsAt: string | null; place: string };
  attendance: Attendance;
  /** Presiding chairs (执行主席/主持人) in order. */
  chairs: Person[];
  /** 记录人: the secretary who keeps and signs the minutes. */
  recorder: Person;
  /** 监票人 and 计票人; `chief` for the 总监票人. */
  tellers: (Person & { chief: boolean })[];
  agenda: AgendaItem[];
  resolutions: Resolution[];
  circulation: CirculationVersion[];
  agendaChanges: AgendaChange[];
  proposals: ProposalsReport | null;
  incidents: Incident[];
  /** The secretary's other text: opening, closing, anything not tied to an item. */
  narrative: { heading: string; text: string }[];
  /** When the secretary finalised the text (frozen from then on). */
  finalisedAt: string;
  /** When this is a correction: the archive seq of the minutes it corrects, and why. */
  corrects: { seq: number; reason: string } | null;
}
