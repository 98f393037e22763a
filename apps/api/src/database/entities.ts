import { AgendaDelivery } from '../agenda/agenda-delivery.entity.js';
import { AgendaDocument } from '../agenda/agenda-document.entity.js';
import { AgendaItem } from '../agenda/agenda-item.entity.js';
import { AgendaVersion } from '../agenda/agenda-version.entity.js';
import { LateItemApproval } from '../agenda/late-item-approval.entity.js';
import { Attendance } from '../attendance/attendance.entity.js';
import { Poll } from '../ballots/poll.entity.js';
import { PollBallot } from '../ballots/poll-ballot.entity.js';
import { AccessToken } from '../auth/access-token.entity.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { CongressSession } from '../congress/congress-session.entity.js';
import { SessionStatusChange } from '../congress/session-status-change.entity.js';
import { Term } from '../congress/term.entity.js';
import { ArchiveEntryRow } from '../minutes/archive-entry.entity.js';
import { Minutes } from '../minutes/minutes.entity.js';
import { MinutesDraft } from '../minutes/minutes-draft.entity.js';
import { MinutesSignatureRow } from '../minutes/minutes-signature.entity.js';
import { SessionChair } from '../minutes/session-chair.entity.js';
import { SignerKey } from '../minutes/signer-key.entity.js';
import { Notification } from '../notifications/notification.entity.js';
import { OpennessAttachment } from '../openness/attachment.entity.js';
import { OpennessEmployee } from '../openness/employee.entity.js';
import { OpennessItem } from '../openness/item.entity.js';
import { OpennessMeasure } from '../openness/measure.entity.js';
import { OpennessSatisfaction } from '../openness/satisfaction.entity.js';
import { OpennessOpinion } from '../openness/opinion.entity.js';
import { OpennessPlanEntry } from '../openness/plan-entry.entity.js';
import { OpennessReminder } from '../openness/reminder.entity.js';
import { OpennessCheck } from '../openness/check.entity.js';
import { OpennessNotice } from '../openness/notice.entity.js';
import { OpennessUnit } from '../openness/unit.entity.js';
import { Proposal } from '../proposals/proposal.entity.js';
import { ProposalAnswer } from '../proposals/proposal-answer.entity.js';
import { ProposalAssignment } from '../proposals/proposal-assignment.entity.js';
import { ProposalAttachment } from '../proposals/proposal-attachment.entity.js';
import { ProposalFile } from '../proposals/proposal-file.entity.js';
import { ProposalFollow } from '../proposals/proposal-follow.entity.js';
import { ProposalCosignature } from '../proposals/proposal-cosignature.entity.js';
import { ProposalCounter } from '../proposals/proposal-counter.entity.js';
import { ProposalEvent } from '../proposals/proposal-event.entity.js';
import { Department } from '../departments/department.entity.js';
import { Delegate } from '../roster/delegate.entity.js';
import { DelegateChange } from '../roster/delegate-change.entity.js';
import { DelegateStatusChange } from '../roster/delegate-status-change.entity.js';
import { DelegationGroup } from '../roster/delegation-group.entity.js';
import { LoginCode } from '../roster/login-code.entity.js';
import { LoginCodeBatch } from '../roster/login-code-batch.entity.js';
import { DelegateCard } from '../roster/delegate-card.entity.js';
import { SessionIncident } from '../roster/session-incident.entity.js';
import { User } from '../auth/user.entity.js';
import { CeremonyMessage } from '../tellers/ceremony-message.entity.js';
import { CeremonyTeller } from '../tellers/ceremony-teller.entity.js';
import { PollPartial } from '../ballots/poll-partial.entity.js';
import { SlipBatchRow } from '../tellers/slip-batch.entity.js';
import { TellerCeremony } from '../tellers/teller-ceremony.entity.js';
import { JointMeeting } from '../interim/joint-meeting.entity.js';
import { JointParticipant } from '../interim/joint-participant.entity.js';
import { JointItem } from '../interim/joint-item.entity.js';
import { InspectionTour, InspectionTourMember } from '../interim/inspection-tour.entity.js';
import { InspectionFinding } from '../interim/inspection-finding.entity.js';
import { Assessment } from '../assessment/assessment.entity.js';
import { AssessmentEntry } from '../assessment/assessment-entry.entity.js';

/** Every entity, listed once for the app's data source and the migration CLI. */
export const entities = [
  User,
  AccessToken,
  AuditEntry,
  Term,
  CongressSession,
  SessionStatusChange,
  Department,
  DelegationGroup,
  Delegate,
  DelegateStatusChange,
  DelegateChange,
  LoginCode,
  LoginCodeBatch,
  DelegateCard,
  SessionIncident,
  Notification,
  AgendaItem,
  AgendaDocument,
  AgendaVersion,
  AgendaDelivery,
  LateItemApproval,
  Attendance,
  Poll,
  PollBallot,
  Proposal,
  ProposalCounter,
  ProposalCosignature,
  ProposalAssignment,
  ProposalAnswer,
  ProposalAttachment,
  ProposalFile,
  ProposalFollow,
  ProposalEvent,
  Minutes,
  MinutesDraft,
  MinutesSignatureRow,
  SignerKey,
  SessionChair,
  ArchiveEntryRow,
  OpennessUnit,
  OpennessEmployee,
  OpennessPlanEntry,
  OpennessItem,
  OpennessAttachment,
  OpennessOpinion,
  OpennessMeasure,
  OpennessReminder,
  OpennessCheck,
  OpennessNotice,
  OpennessSatisfaction,
  TellerCeremony,
  CeremonyTeller,
  CeremonyMessage,
  SlipBatchRow,
  PollPartial,
  JointMeeting,
  JointParticipant,
  JointItem,
  InspectionTour,
  InspectionTourMember,
  InspectionFinding,
  Assessment,
  AssessmentEntry,
];
