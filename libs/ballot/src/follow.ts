/**
 * A teller's device following a poll's board while the poll is open: it verifies the new ballots
 * in chunks as they appear and keeps the encrypted sum of the valid ones, so that at the close it
 * only checks the prepared record against what it already verified and compares sums before it
 * decrypts. The property is the same as decryptAsTeller's (it answers only if the tally is the
 * sum it computed itself from the verified board), without re-verifying thousands of ballots at
 * the close.
 *
 * Exclusions (seat lost, not issued, invalid, superseded by a later ballot of the same credential)
 * are known only at the close: the running sum covers every valid ballot followed, and the sum of
 * the excluded valid ones is subtracted at the close (a superseded ballot is simply one of them).
 */
import { ballotTracker, type Ballot } from './ballot.js';
import { verifyBallots, type BatchItem } from './batch.js';
import type { TellerSecret } from './ceremony.js';
import { BallotError } from './errors.js';
import { pointFromHex } from './group.js';
import type { ElectionKey } from './keys.js';
import { checkRecordPoll, pollDigest, pollSpecOf } from './record-poll.js';
import { requiredExclusions } from './record-count.js';
import type { RecordPoll } from './record-poll.js';
import {
  fingerprintOf,
  issuanceOf,
  recordElectionKey,
  voterOf,
  type PreparedClose,
  type RecordEntry,
  type RecordKey,
} from './record-v2.js';
import { ballotShape, type BallotShape } from './shape.js';
import {
  addTallies,
  emptyTally,
  parseTally,
  partialDecrypt,
  tallyJSON,
  type EncryptedTally,
  type PartialDecryption,
} from './tally.js';
import { verifyElectionKey } from './keys.js';
import type { Rng } from './rng.js';

/** Verifies a chunk of ballots: each verdict, and the sum of the valid ones. */
export type ChunkCheck = (items: readonly BatchItem[]) => {
  outcomes: readonly { ok: boolean }[];
  tally: EncryptedTally;
};

/** A board entry as the api lists it while the poll is open. */
export interface FollowedEntry {
  /** From 1, contiguous. */
  position: number;
  ballot: Ballot;
}

/**
 * The prepared record as a device that followed the board may fetch it (the api's
 * `decryption/input?followed=N`): the entries up to N without their ballots, which it verified
 * itself, except the excluded ones, whose ballots it subtracts from its sum. A few hundred kB
 * instead of every ballot again (~6 MB for 2,000).
 */
export type FollowedRecord = Omit<PreparedClose['record'], 'board'> & {
  board: Omit<PreparedClose['record']['board'], 'entries'> & {
    entries: (Omit<RecordEntry, 'ballot'> & { ballot?: Ballot })[];
  };
};

export interface FollowState {
  /** Positions followed so far (1..followed). */
  followed: number;
  valid: number;
  invalid: number;
}

/**
 * The running state of one poll on one teller's device. Feed it the board in order with
 * `follow` (any chunk size; a chunk that does not start right after the last followed position is
 * refused, so nothing is skipped or counted twice); at the close call `answer`.
 */
export class BoardFollower {
  readonly key: ElectionKey;
  readonly shape: BallotShape;
  private readonly digest: string;
  private readonly trackers: string[] = [];
  /** Each followed ballot's credential, as the counting rule reads it. */
  private readonly voters: string[] = [];
  private readonly ok: boolean[] = [];
  private sum: EncryptedTally;
  private readonly check: ChunkCheck;

  constructor(p: {
    poll: RecordPoll;
    key: RecordKey;
    /** Default: @noble/curves batch verification (browser-safe); a laptop may pass libsodium's. */
    check?: ChunkCheck;
  }) {
    const poll = checkRecordPoll(p.poll);
    this.key = recordElectionKey(poll, p.key);
    this.shape = ballotShape(pollSpecOf(poll));
    this.digest = pollDigest(poll);
    this.sum = emptyTally(this.key, this.shape);
    this.check = p.check ?? ((items) => verifyBallots({ key: this.key, shape: this.shape }, items));
  }

  get state(): FollowState {
    const valid = this.ok.filter(Boolean).length;
    return { followed: this.ok.length, valid, invalid: this.ok.length - valid };
  }

  /** Verifies the next entries of the board and adds the valid ones to the running sum. */
  follow(entries: readonly FollowedEntry[]): FollowState {
    const fresh = entries.filter((e) => e.position > this.ok.length);
    fresh.forEach((e, i) => {
      if (e.position !== this.ok.length + 1 + i)
        throw new BallotError(
          'CHAIN_MISMATCH',
          `board position ${e.position} given after ${this.ok.length + i}`,
          { ballot: e.position - 1 },
        );
    });
    if (fresh.length === 0) return this.state;
    // The ballot's own credential, as prepareClose and decryptAsTeller check it.
    const { outcomes, tally } = this.check(fresh.map((e) => ({ ballot: e.ballot })));
    for (const [i, e] of fresh.entries()) {
      this.trackers.push(ballotTracker(e.ballot));
      this.voters.push(voterOf(e.ballot, e.position));
      this.ok.push(outcomes[i].ok);
    }
    this.sum = addTallies(this.key, this.shape, this.sum, tally);
    return this.state;
  }

  /**
   * The close: checks the prepared record against the followed board (same poll and key, the
   * same ballot at every followed position; the rest verified now), checks the exclusions it can
   * (a valid ballot is not INVALID, a counted one is valid, NOT_ISSUED and SUPERSEDED as the
   * record's own credentials say), subtracts the excluded valid ballots from its sum and refuses
   * (TALLY_MISMATCH) a tally that is not that sum. Only then does it decrypt. The record may
   * leave out the ballots this device followed (FollowedRecord): an entry without its ballot is
   * compared by its tracker, and every ballot it still needs (not followed yet, or excluded and
   * to be subtracted) must be there.
   */
  answer(
    record: PreparedClose['record'] | FollowedRecord,
    secret: TellerSecret,
    rng?: Rng,
  ): { partial: PartialDecryption; counted: number; verifiedAtClose: number } {
    const poll = checkRecordPoll(record.poll);
    if (pollDigest(poll) !== this.digest)
      throw new BallotError('TALLY_MISMATCH', 'the record is not the poll this device followed');
    const key = recordElectionKey(poll, record.key);
    if (fingerprintOf(key) !== fingerprintOf(this.key))
      throw new BallotError('TALLY_MISMATCH', 'the record is bound to another key');
    const entries = record.board.entries;
    const followedBefore = this.ok.length;
    // What was not followed yet (the last ballots before the close): verified now.
    const fresh = entries.slice(followedBefore);
    fresh.forEach((e) => needBallot(e, 'this device has not verified it'));
    this.follow(fresh as FollowedEntry[]);
    if (entries.length !== this.ok.length)
      throw new BallotError(
        'TALLY_MISMATCH',
        `the record's board has ${entries.length} ballots, this device followed ${this.ok.length}`,
      );
    entries.forEach((e, i) => {
      const tracker = e.ballot ? ballotTracker(e.ballot) : e.tracker;
      if (e.position !== i + 1 || tracker !== this.trackers[i])
        throw new BallotError(
          'TRACKER_MISMATCH',
          `board position ${i + 1} differs from the ballot this device verified`,
          { ballot: i },
        );
    });
    // The exclusions as the counting rule gives them from this device's own verdicts, the
    // record's credentials and the server's SEAT_LOST claims (the one reason nobody can recompute).
    const claims = new Set(
      record.exclusions.filter((x) => x?.reason === 'SEAT_LOST').map((x) => x.position),
    );
    const counting = entries.map((_, i) => ({
      position: i + 1,
      voter: this.voters[i],
      ...(this.ok[i] ? {} : { error: 'ENTRY_PROOF_FAILED' as const }),
    }));
    // In a slips poll the device checks each ballot's slips are published keys, one per teller,
    // that its voter is made of them and that none was used before; the signatures (~6,000 for a
    // hall) it leaves to the server's check at cast and to every verifier of the record.
    const issuance = issuanceOf(
      poll.pollId,
      record.issued,
      record.slips,
      entries.map((e, i) => ({ ...counting[i], tracker: this.trackers[i], slips: e.slips })),
      () => true,
    );
    const required = requiredExclusions(counting, issuance, poll.recast, claims);
    const given = [...record.exclusions].map((x) => `${x.position}:${x.reason}:${x.by ?? ''}`);
    const expected = [...required.values()].map((x) => `${x.position}:${x.reason}:${x.by ?? ''}`);
    if (JSON.stringify(given.sort()) !== JSON.stringify(expected.sort()))
      throw new BallotError(
        'EXCLUSION_MISMATCH',
        "the record's exclusions are not those of the counting rule on this device's verdicts",
      );
    const excluded = new Set(required.keys());
    const minus = entries
      .filter((e, i) => excluded.has(e.position) && this.ok[i])
      .map((e) => needBallot(e, 'it is excluded and its ballot is subtracted'));
    const counted = subtract(this.key, this.shape, this.sum, minus);
    if (JSON.stringify(counted) !== JSON.stringify(record.tally))
      throw new BallotError('TALLY_MISMATCH', 'the tally is not the sum of the counted ballots');
    return {
      partial: partialDecrypt(key, this.shape, secret, record.tally, rng),
      counted: counted.ballots,
      verifiedAtClose: this.ok.length - followedBefore,
    };
  }
}

/** An entry's ballot, which the record must carry (TALLY_MISMATCH when it leaves it out). */
function needBallot(e: { position: number; ballot?: Ballot }, why: string): Ballot {
  if (e.ballot) return e.ballot;
  throw new BallotError(
    'TALLY_MISMATCH',
    `the record leaves out the ballot at board position ${e.position}: ${why}`,
    { ballot: e.position - 1 },
  );
}

/** sum − Σ ballots (ballots already verified as part of the sum). */
function subtract(
  key: ElectionKey,
  shape: BallotShape,
  sum: EncryptedTally,
  ballots: readonly Ballot[],
): EncryptedTally {
  const { info, sums } = parseTally(key, shape, sum);
  verifyElectionKey(key);
  for (const b of ballots)
    b.questions.forEach((q, qi) =>
      q.entries.forEach((x, ei) => {
        const s = sums[qi][ei];
        sums[qi][ei] = {
          alpha: s.alpha.subtract(pointFromHex(x.alpha, 'alpha')),
          beta: s.beta.subtract(pointFromHex(x.beta, 'beta')),
        };
      }),
    );
  return tallyJSON(info, sums, sum.ballots - ballots.length);
}
