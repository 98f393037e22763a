import type { Ballot, ElectionKey, PollSpec } from '../../ballot/src/index.js';
import type { ElectionResult, EvaluationResult, MotionResult } from '../../tally/src/index.js';
import type { KeyMode, PollStatus, VoteType } from './vocabulary.js';

export type { Ballot, ElectionKey, PollSpec };

/**
 * What every tablet, the staff console and the projector see of a poll. A secret poll's ballots
 * are encrypted on the tablet (libs/ballot `encryptBallot`) to `electionKey`, in the shape
 * `pollSpec`; an open (记名) poll takes a plain choice.
 */
export interface PollView {
  id: string;
  sessionId: string;
  itemId: string;
  title: string;
  /** 无记名 (true, the default) or 记名. */
  secret: boolean;
  /** '无记名投票' or '记名表决（公开）'. */
  label: string;
  keyMode: KeyMode | null;
  /** What the key mode means for secrecy, to show next to the poll (null when open). */
  keyLabel: string | null;
  voteType: VoteType;
  pollSpec: PollSpec;
  /** Labels, question by question, entry by entry (e.g. `[{ title: '表决', entries: ['赞成', '反对', '弃权'] }]`). */
  questions: { title: string; entries: string[] }[];
  electionKey: ElectionKey | null;
  status: PollStatus;
  /** ISO 8601 (UTC). */
  openedAt: string;
  closedAt: string | null;
  /** Set once the poll is decided. */
  result: PollResult | null;
}

/** An open poll as one tablet sees it: with the voter credential its ballot must be made for. */
export interface OpenPollView extends PollView {
  /** Null when the caller has no voting seat (staff, secretaries, attendees). */
  voter: string | null;
}

export interface PollResult {
  /** The decision under the congress's rule (libs/tally), with the rule and the numbers. */
  decision: MotionResult | ElectionResult | EvaluationResult;
  /** Sums per question and entry; only the sum of a secret poll is ever decrypted. */
  counts: number[][];
  ballots: { cast: number; counted: number; excluded: number };
  /** Ballots not counted, by board position, with the reason (`SEAT_LOST` or a libs/ballot check code). */
  exclusions: { tracker: string; board: string; reason: string }[];
  keyMode: KeyMode | null;
  tallyAt: string;
}

/**
 * Sent only once the ballot is stored. The delegate compares `shortCode` with the public
 * bulletin board (`board` is its position there); nothing in it names the voter.
 */
export interface Receipt {
  pollId: string;
  /** SHA-256 of the ballot's canonical bytes (hex). */
  tracker: string;
  /** e.g. `ABCD-EFGH`. */
  shortCode: string;
  board: string;
  receivedAt: string;
}

/** While a poll is open only the turnout is shown, at most once a second. */
export interface Turnout {
  pollId: string;
  cast: number;
  present: number;
}

/** Everything a tablet needs to resume after a reconnect. */
export interface PollState {
  open: OpenPollView[];
  /** Closed polls with their result. */
  decided: PollView[];
  /** This tablet's own receipts in the session. */
  receipts: Receipt[];
}

/** A secret poll takes an encrypted ballot, an open poll a 0/1 choice per question and entry. */
export type CastRequest =
  { pollId: string; ballot: Ballot } | { pollId: string; choice: number[][] };
