/**
 * The published election record and its standalone verification: anyone recomputes, from the
 * record alone, which ballots count, their encrypted sum, the trustees' decryptions and the counts.
 */
import { BallotError } from './errors.js';
import { fromBase32Lenient, toHex } from './encoding.js';
import { verifyElectionKey, type ElectionKey } from './keys.js';
import type { Ballot } from './ballot.js';
import { verifyBallots } from './batch.js';
import { ballotShape, type PollSpec } from './shape.js';
import {
  combineDecryptions,
  type EncryptedTally,
  type PartialDecryption,
  type TallyResult,
} from './tally.js';
import type { Rng } from './rng.js';

export interface ElectionRecord {
  version: 1;
  /** The poll description the ballot shape comes from. */
  poll: PollSpec;
  key: ElectionKey;
  /** Every ballot on the bulletin board, counted or not, in board order. */
  ballots: Ballot[];
  /** Sum of the counted ballots. */
  tally: EncryptedTally;
  decryptions: PartialDecryption[];
  result: TallyResult;
}

export interface BoardEntry {
  /** Position on the bulletin board (0-based). */
  index: number;
  /** Absent only when the ballot cannot be read at all. */
  tracker?: string;
  counted: boolean;
  /** Why it is not counted. */
  error?: BallotError;
}

export interface RecordReport {
  /** One entry per ballot of the record, in board order. */
  board: BoardEntry[];
  /** Number of counted ballots. */
  counted: number;
  result: TallyResult;
}

/**
 * Verifies a whole record. A ballot counts when it verifies and its voter credential has not
 * been counted before (a later ballot with the same credential is rejected as DUPLICATE_VOTER).
 * Throws TALLY_MISMATCH / DECRYPTION_PROOF_FAILED / RESULT_MISMATCH / … when the record's own
 * tally, decryptions or result do not follow from its ballots.
 */
export function verifyElectionRecord(
  record: ElectionRecord,
  opts: { rng?: Rng } = {},
): RecordReport {
  if (!record || record.version !== 1)
    throw new BallotError('BAD_VERSION', 'election record version must be 1');
  const shape = ballotShape(record.poll);
  verifyElectionKey(record.key);
  const batch = verifyBallots(
    { key: record.key, shape },
    record.ballots.map((ballot) => ({ ballot })),
    opts,
  );
  const seen = new Set<string>();
  let duplicates = false;
  const board = batch.outcomes.map((o, index): BoardEntry => {
    if (!o.ok)
      return {
        index,
        ...(o.tracker ? { tracker: o.tracker } : {}),
        counted: false,
        error: o.error,
      };
    const voter = record.ballots[index].voter;
    if (seen.has(voter)) {
      duplicates = true;
      const error = new BallotError(
        'DUPLICATE_VOTER',
        'a ballot with this voter credential was already counted',
        { ballot: index },
      );
      return { index, tracker: o.tracker, counted: false, error };
    }
    seen.add(voter);
    return { index, tracker: o.tracker, counted: true };
  });
  const countedBallots = record.ballots.filter((_, i) => board[i].counted);
  const tally = duplicates
    ? verifyBallots(
        { key: record.key, shape },
        countedBallots.map((ballot) => ({ ballot })),
        opts,
      ).tally
    : batch.tally;
  if (JSON.stringify(tally) !== JSON.stringify(record.tally))
    throw new BallotError(
      'TALLY_MISMATCH',
      'the published tally is not the sum of the counted ballots',
    );
  const result = combineDecryptions(record.key, shape, record.tally, record.decryptions);
  if (JSON.stringify(result) !== JSON.stringify(record.result))
    throw new BallotError(
      'RESULT_MISMATCH',
      'the published result does not follow from the decryptions',
    );
  return { board, counted: countedBallots.length, result };
}

/** Finds a ballot on the board by its tracker (64 hex) or its short code ("K3XQ-7MBA", any case). */
export function findTracker<T extends { tracker?: string }>(
  report: { board: T[] },
  tracker: string,
): T | undefined {
  const text = tracker.trim();
  const full = text.toLowerCase();
  const bytes = fromBase32Lenient(text);
  const prefix = bytes?.length === 5 ? toHex(bytes) : undefined;
  return report.board.find(
    (b) =>
      b.tracker !== undefined &&
      (b.tracker === full || (prefix !== undefined && b.tracker.startsWith(prefix))),
  );
}
