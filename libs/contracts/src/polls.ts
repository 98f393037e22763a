import type {
  Ballot,
  ElectionKey,
  ElectionRecordV2,
  PollSpec,
  SignedReceipt,
  SlipSignature,
} from '../../ballot/src/index.js';
import type { ElectionResult, EvaluationResult, MotionResult } from '../../tally/src/index.js';
import type { KeyMode, PollStatus, PressRule, ResultRelease, VoteType } from './vocabulary.js';

export type { Ballot, ElectionKey, ElectionRecordV2, PollSpec, SignedReceipt, SlipSignature };

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
  /**
   * A secret poll's board, fixed at opening: the server's receipt-signing key, h_0 of the hash
   * chain, and the ballots issued (发出: serving delegates checked in when the poll opened).
   * Null for open (记名) polls and for polls opened before the board existed.
   */
  board: PollBoard | null;
  /**
   * Ballot slips (投票凭证): a secret poll opened with slips takes ballots whose `voter` is
   * libs/ballot `slipVoter` of the slips the delegate drew (one per teller) and that carry one
   * signature per slip (`signWithSlips`) in `poll:cast`'s `slips`.
   */
  slips: boolean;
  status: PollStatus;
  /** ISO 8601 (UTC). */
  openedAt: string;
  /** When the preset duration ends and the api closes the poll itself (ISO 8601, UTC); null: staff close it. */
  closesAt: string | null;
  closedAt: string | null;
  /** 以最先一次按键为准 (`first`) or 以最后一次按键为准 (`last`: a ballot may be changed until the close). */
  pressRule: PressRule;
  /** 即时公布 (`immediate`) or 主持人宣布后公布 (`held`). */
  resultRelease: ResultRelease;
  /**
   * True while a decided `held` poll waits for the chair: every public view (tablets, projector,
   * public board, socket events) then has `result: null` and shows 结果待主持人宣布; only the
   * staff console and the presidium's screen get the result with this flag set.
   */
  resultHeld: boolean;
  /** When a held result was released (ISO 8601, UTC); null otherwise. */
  releasedAt: string | null;
  /** Set once the poll is decided (and, when held, released — or for staff and the presidium). */
  result: PollResult | null;
}

export interface PollBoard {
  /** Ed25519 public key (hex) that signs this poll's receipts (libs/ballot `verifyReceipt`). */
  publicKey: string;
  /** h_0 of the board's hash chain (hex). */
  genesis: string;
  /** Ballots issued at opening. */
  issued: number;
}

/** An open poll as one tablet sees it: with the voter credential its ballot must be made for. */
export interface OpenPollView extends PollView {
  /**
   * Null when the caller has no voting seat (staff, secretaries, attendees), and in a slips poll
   * (the tablet derives it from the slips drawn: libs/ballot `slipVoter`).
   */
  voter: string | null;
}

export interface PollResult {
  /**
   * The decision under the congress's rule (libs/tally), with the rule and the numbers; null when
   * the poll is void.
   */
  decision: MotionResult | ElectionResult | EvaluationResult | null;
  /**
   * 收回的选票多于发出的选票，选举无效: more ballots came back than were issued, so the poll is
   * void and is held again.
   */
  void: boolean;
  /**
   * Why a poll is void when it is not the 收回 > 发出 rule: e.g. a custodian key lost with the api
   * process that held it, so the sum can never be decrypted (the poll is held again).
   */
  voidReason?: string;
  /** 发出: ballots issued at opening (null for polls opened before it was recorded). */
  issued: number | null;
  /** 收回: ballots returned (distinct voters on the board). */
  returned: number;
  /** Sums per question and entry; only the sum of a secret poll is ever decrypted. */
  counts: number[][];
  ballots: { cast: number; counted: number; excluded: number };
  /**
   * Ballots not counted, by board position, with the reason (libs/ballot's `SEAT_LOST`,
   * `NOT_ISSUED`, `DUPLICATE_VOTER`, `SUPERSEDED`, or `INVALID` with the check's `code`).
   */
  exclusions: { tracker: string; board: string; reason: string; code?: string }[];
  keyMode: KeyMode | null;
  tallyAt: string;
}

/**
 * Sent only once the ballot is stored and appended to the board. The delegate compares
 * `shortCode` with the public board; a secret poll's receipt is libs/ballot's `SignedReceipt`
 * (position, chain head, the server's Ed25519 signature: `verifyReceipt` with the poll's
 * `board.publicKey`, `checkReceipt` against the published record). An open (记名) poll's receipt
 * has its position only (`version: 'open'`, no chain, no signature). Nothing in it names the voter.
 */
export type Receipt = SignedReceipt | OpenReceipt;

export interface OpenReceipt {
  version: 'open';
  pollId: string;
  tracker: string;
  shortCode: string;
  position: number;
  receivedAt: string;
}

/** While a poll is open only the turnout is shown, at most once a second. */
export interface Turnout {
  pollId: string;
  cast: number;
  present: number;
  /** The board's chain head after the last ballot (h_cast, hex; the projector shows it). Null for open polls. */
  head: string | null;
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
  | { pollId: string; ballot: Ballot; slips?: SlipSignature[] }
  | { pollId: string; choice: number[][] };
