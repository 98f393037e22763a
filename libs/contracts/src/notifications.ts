import type { FindingKind, ReminderKind } from './openness.js';
import type { ProposalStatus, Rating } from './vocabulary.js';

/** The proposal a notification is about. */
export interface ProposalNotice {
  proposalId: string;
  /** `YYYY-NNN` once accepted (立案). */
  number: string | null;
  subject: string;
  status: ProposalStatus;
}

/** The `data` of each kind of notification. */
export interface NotificationData {
  'agenda.circulated': { sessionId: string; versionId: string; number: number; hash: string };
  'agenda.reminder': { sessionId: string; versionId: string; number: number };
  'poll.ballot_excluded': { pollId: string };
  'proposal.submitted': ProposalNotice;
  'proposal.withdrawn': ProposalNotice;
  'proposal.cosigned': ProposalNotice;
  'proposal.cosign_withdrawn': ProposalNotice;
  'proposal.accepted': ProposalNotice;
  'proposal.merged': ProposalNotice;
  'proposal.converted': ProposalNotice;
  'proposal.rejected': ProposalNotice;
  /** To the proposer and cosigners. */
  'proposal.assigned': ProposalNotice & { dueOn: string };
  /** To the department users who must answer. */
  'proposal.assignment': ProposalNotice & { dueOn: string };
  'proposal.answered': ProposalNotice & { assignmentId: string };
  'proposal.rated': ProposalNotice & { assignmentId: string; rating: Rating };
  'proposal.sent_back': ProposalNotice & { assignmentId: string; dueOn: string };
  /** 厂务公开: to the responsible department's users, a plan line falling due or late. */
  'openness.reminder': {
    planEntryId: string;
    kind: ReminderKind;
    title: string;
    dueOn: string;
  };
  /** 厂务公开: to a department's users, a notice (通报) of the supervision group's check. */
  'openness.notice': { noticeId: string; checkId: string; findings: FindingKind[] };
}

export type NotificationKind = keyof NotificationData;

/**
 * One inbox entry: pushed as a `notification` event to the user's open sockets, and stored
 * (`GET /api/notifications`), so nothing is lost while offline.
 */
export type NotificationPayload = {
  [K in NotificationKind]: {
    id: string;
    kind: K;
    /** Chinese, ready to show. */
    title: string;
    data: NotificationData[K];
    createdAt: string;
    readAt: string | null;
  };
}[NotificationKind];
