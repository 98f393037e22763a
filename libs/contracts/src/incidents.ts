/**
 * 会议异常事项: things that happen to a session's security while it runs and that the console,
 * the projector's incident line and the minutes must show. Today one kind: a tablet log-in code
 * re-issued for a delegate who had already checked in (a lost or swapped tablet). One staff
 * member asks; a presidium member (主席团成员) or a teller (监票人) of the term approves, on their
 * own tablet or in person with another staff member recording it; then staff issue the code once.
 */
export const INCIDENT_KINDS = ['login_code_reissue'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const INCIDENT_STATUSES = ['requested', 'approved', 'refused'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const INCIDENT_KIND_LABELS: Record<IncidentKind, string> = {
  login_code_reissue: '会中补发登录码',
};

/** Where a request stands: an approval waits for staff to issue the code (`issued`). */
export type IncidentStage = 'requested' | 'approved' | 'issued' | 'refused';

export const INCIDENT_STAGE_LABELS: Record<IncidentStage, string> = {
  requested: '待批准',
  approved: '已批准，待签发',
  issued: '已签发',
  refused: '未批准',
};

/** The approver's role in the congress: 主席团成员 or 监票人. */
export const APPROVER_ROLES = ['presidium', 'teller'] as const;
export type ApproverRole = (typeof APPROVER_ROLES)[number];

export const APPROVER_ROLE_LABELS: Record<ApproverRole, string> = {
  presidium: '主席团成员',
  teller: '监票人',
};

/** How the approver's decision was given: on their own tablet, or in person, recorded by staff. */
export const DECIDED_VIA = ['tablet', 'recorded'] as const;
export type DecidedVia = (typeof DECIDED_VIA)[number];

export interface IncidentActor {
  id: string;
  displayName: string;
}

/** The presidium member or teller who decided (their role as it was when they decided). */
export interface IncidentApprover {
  delegateId: string;
  name: string;
  role: ApproverRole;
}

/** One incident as the console, the projector and the minutes read it (also the `incident` event). */
export interface Incident {
  id: string;
  sessionId: string;
  kind: IncidentKind;
  status: IncidentStatus;
  delegateId: string;
  delegateName: string;
  employeeNumber: string;
  reason: string;
  requestedBy: IncidentActor;
  /** ISO 8601 (UTC). */
  requestedAt: string;
  /**
   * The account that wrote the decision (never the person who asked): the approver's own tablet
   * account, or the staff member who recorded it (记录人). Null while it waits.
   */
  decidedBy: IncidentActor | null;
  decidedAt: string | null;
  /**
   * The presidium member or teller who approved or refused; null while it waits (and for the
   * requests decided by staff before approvers were people of the congress).
   */
  approver: IncidentApprover | null;
  decidedVia: DecidedVia | null;
  /** When staff issued the new code (after an approval); null until then. */
  codeIssuedAt: string | null;
}
