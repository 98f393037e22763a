/**
 * 会议异常事项: things that happen to a session's security while it runs and that the console,
 * the projector's incident line and the minutes must show. Today one kind: a tablet log-in code
 * re-issued for a delegate who had already checked in (a lost or swapped tablet), which one staff
 * member asks for and a second staff member or admin approves.
 */
export const INCIDENT_KINDS = ['login_code_reissue'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const INCIDENT_STATUSES = ['requested', 'approved', 'refused'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const INCIDENT_KIND_LABELS: Record<IncidentKind, string> = {
  login_code_reissue: '会中补发登录码',
};

export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = {
  requested: '待批准',
  approved: '已批准',
  refused: '未批准',
};

export interface IncidentActor {
  id: string;
  displayName: string;
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
  /** Who approved or refused it (never the person who asked); null while it waits. */
  decidedBy: IncidentActor | null;
  decidedAt: string | null;
}
