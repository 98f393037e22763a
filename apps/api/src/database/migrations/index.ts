import { Foundation1795258800000 } from './1795258800000-foundation.js';
import { Roster1795262400000 } from './1795262400000-roster.js';
import { Notifications1795264200000 } from './1795264200000-notifications.js';
import { Agenda1795269600000 } from './1795269600000-agenda.js';
import { Attendance1795273200000 } from './1795273200000-attendance.js';
import { Polls1795276800000 } from './1795276800000-polls.js';
import { SocketAdapter1795280400000 } from './1795280400000-socket-adapter.js';
import { Proposals1795284000000 } from './1795284000000-proposals.js';
import { TermWorkforce1795290000000 } from './1795290000000-term-workforce.js';
import { SessionStatusHistory1795290060000 } from './1795290060000-session-status-history.js';
import { LoginCodeBatches1795290120000 } from './1795290120000-login-code-batches.js';
import { DelegateChanges1795290180000 } from './1795290180000-delegate-changes.js';
import { BallotBoard1795291200000 } from './1795291200000-ballot-board.js';
import { Minutes1795300000000 } from './1795300000000-minutes.js';
import { Openness1795310000000 } from './1795310000000-openness.js';
import { SessionIncidents1795315000000 } from './1795315000000-session-incidents.js';
import { Tellers1795318000000 } from './1795318000000-tellers.js';
import { PollDuration1795320000000 } from './1795320000000-poll-duration.js';
import { ProposalFilesFollows1795332000000 } from './1795332000000-proposal-files-follows.js';
import { PressRuleRelease1795336000000 } from './1795336000000-press-rule-release.js';
import { DelegateCards1795338000000 } from './1795338000000-delegate-cards.js';
import { OpennessOversight1795340000000 } from './1795340000000-openness-oversight.js';
import { Interim1795342000000 } from './1795342000000-interim.js';
import { OpennessYear1795344000000 } from './1795344000000-openness-year.js';
import { Assessment1795346000000 } from './1795346000000-assessment.js';
import { ReissueApprovers1795348000000 } from './1795348000000-reissue-approvers.js';
import { BallotSlips1795350000000 } from './1795350000000-ballot-slips.js';
import { PollIssuedCount1795352000000 } from './1795352000000-poll-issued-count.js';

/** Every migration, oldest first. A new migration is added here as well as in this folder. */
export const migrations = [
  Foundation1795258800000,
  Roster1795262400000,
  Notifications1795264200000,
  Agenda1795269600000,
  Attendance1795273200000,
  Polls1795276800000,
  SocketAdapter1795280400000,
  Proposals1795284000000,
  TermWorkforce1795290000000,
  SessionStatusHistory1795290060000,
  LoginCodeBatches1795290120000,
  DelegateChanges1795290180000,
  BallotBoard1795291200000,
  Minutes1795300000000,
  Openness1795310000000,
  SessionIncidents1795315000000,
  Tellers1795318000000,
  PollDuration1795320000000,
  ProposalFilesFollows1795332000000,
  PressRuleRelease1795336000000,
  DelegateCards1795338000000,
  OpennessOversight1795340000000,
  Interim1795342000000,
  OpennessYear1795344000000,
  Assessment1795346000000,
  ReissueApprovers1795348000000,
  BallotSlips1795350000000,
  PollIssuedCount1795352000000,
];
