/**
 * The election record, format version 2 (RECORD.md): the poll with its labels and rule, the key
 * (the tellers' ceremony transcript, or the custodian key of a trial), the credentials issued at
 * opening, the board as a hash chain, the exclusions with their reasons, the tally, the tellers'
 * partial decryptions, and the result with the decision under the rule. Version 3 is the same
 * for a poll voted with ballot slips (slips.ts): the tellers' slip batches instead of the
 * credentials list, and each board entry with its slips' signatures.
 *
 * The server builds it in two steps around the tellers: prepareClose (board, exclusions, tally:
 * what the tellers' devices check and decrypt) and finishRecord (their partials → result).
 */
import { BallotError } from './errors.js';
import { ballotTracker, type Ballot } from './ballot.js';
import { verifyBallotsDetailed, type BatchItem, type BatchOutcome } from './batch.js';
import { pointFromHex } from './group.js';
import type { Ciphertext } from './elgamal.js';
import { boardGenesis, chainHeads } from './board.js';
import { pollKey, verifyElectionKey, type ElectionKey, type ElectionKeyV1 } from './keys.js';
import { verifyCeremonyTranscript, type CeremonyTranscript } from './ceremony-verify.js';
import type { TellerSecret } from './ceremony.js';
import { combinePartials, decryptAsTeller } from './close.js';
import {
  requiredExclusions,
  returnedCount,
  type CountingEntry,
  type Exclusion,
  type Issuance,
} from './record-count.js';
import {
  checkIssued,
  checkRecordPoll,
  decidePoll,
  issuedDigest,
  pollDigest,
  pollSpecOf,
  type Decision,
  type Issued,
  type RecordPoll,
} from './record-poll.js';
import { ballotShape, type BallotShape } from './shape.js';
import {
  addTallies,
  sumCiphertexts,
  type EncryptedTally,
  type PartialDecryption,
} from './tally.js';
import type { Rng } from './rng.js';
import {
  checkRecordSlips,
  issuedSlipsDigest,
  slipExclusions,
  type RecordSlips,
  type SlipSignature,
} from './slips.js';

export type RecordKey =
  /** The tellers' key: the whole public ceremony transcript. */
  | { mode: 'tellers'; ceremony: CeremonyTranscript }
  /** A trial's key held by the api process (n = 1): 不对运维方保密. */
  | { mode: 'custodian'; key: ElectionKeyV1 };

export interface RecordEntry {
  /** From 1. */
  position: number;
  tracker: string;
  /** h_position. */
  chainHead: string;
  /** ISO 8601 UTC, as on the receipt. */
  receivedAt: string;
  ballot: Ballot;
  /** Version 3 only: the ballot's slip signatures, in teller order. */
  slips?: SlipSignature[];
}

export interface RecordResult {
  /** counts[question][entry] of the counted ballots. */
  counts: number[][];
  /** 收回: distinct credentials on the board. */
  returned: number;
  counted: number;
  excluded: number;
  /** True when more ballots were returned than issued: the poll is void and is run again. */
  void: boolean;
  /** libs/tally's decision; null when void. */
  decision: Decision | null;
}

export interface ElectionRecordV2 {
  /** 3 when the poll was voted with ballot slips. */
  version: 2 | 3;
  poll: RecordPoll;
  key: RecordKey;
  /** Serving delegates and those checked in, for the rule (present is never the ballot count). */
  electorate: { total: number; present: number };
  /** In version 3 `credentials` is empty: who may vote is who holds slips (`slips`). */
  issued: Issued;
  /** Version 3 only: the tellers' slip batches the poll was bound to at opening. */
  slips?: RecordSlips;
  board: {
    /** The server's Ed25519 key that signs receipts (hex). */
    publicKey: string;
    genesis: string;
    head: string;
    entries: RecordEntry[];
  };
  exclusions: Exclusion[];
  tally: EncryptedTally;
  /** The partials combined (t of them, or all n of a custodian/trustee key). */
  decryptions: PartialDecryption[];
  /** Partials the server refused, for the minutes (not used in any check). */
  refusedDecryptions: { trustee?: number; code: string }[];
  result: RecordResult;
}

/** The poll's election key from the record's key section (checks the ceremony transcript). */
export function recordElectionKey(poll: RecordPoll, key: RecordKey): ElectionKey {
  if (key?.mode === 'tellers') return pollKey(poll.pollId, verifyCeremonyTranscript(key.ceremony));
  if (key?.mode === 'custodian') {
    verifyElectionKey(key.key);
    if (key.key.trustees.length !== 1 || key.key.pollId !== poll.pollId)
      throw new BallotError('BAD_KEY', "a custodian key has one trustee and is the poll's own");
    return key.key;
  }
  throw new BallotError('BAD_ENCODING', "key.mode must be 'tellers' or 'custodian'");
}

export function fingerprintOf(key: ElectionKey): string {
  return key.version === 2 ? key.ceremony.fingerprint : key.fingerprint;
}

/**
 * h_0 of a poll's board: fixed at opening (poll, key, issued credentials, or in a slips poll the
 * issued count and the slip batches).
 */
export function openingGenesis(
  poll: RecordPoll,
  key: ElectionKey,
  issued: Issued,
  slips?: RecordSlips,
): string {
  return boardGenesis({
    pollId: poll.pollId,
    fingerprint: fingerprintOf(key),
    pollDigest: pollDigest(poll),
    issuedDigest: slips ? issuedSlipsDigest(checkSlipsIssued(issued), slips) : issuedDigest(issued),
  });
}

/** A slips poll's issued list: the count only (ISSUED_MISMATCH when credentials are listed). */
export function checkSlipsIssued(issued: Issued): number {
  const credentials = (issued as { credentials?: unknown })?.credentials;
  if (!Array.isArray(credentials) || credentials.length !== 0)
    throw new BallotError('ISSUED_MISMATCH', 'a slips poll lists no credentials');
  checkIssued({ count: 0, credentials: [] });
  return issued.count;
}

/**
 * Who may vote (record-count.ts): the issued credentials, or in a slips poll the board positions
 * the slip rule refuses. `signed(position)`: the caller already checked that entry's signatures.
 */
export function issuanceOf(
  pollId: string,
  issued: Issued,
  slips: RecordSlips | undefined,
  entries: readonly { position: number; voter: string; tracker: string; slips?: unknown }[],
  signed?: (position: number) => boolean,
): Issuance {
  if (!slips) return checkIssued(issued);
  checkSlipsIssued(issued);
  return {
    refused: slipExclusions(
      pollId,
      checkRecordSlips(slips),
      entries.map((e) => ({ ...e, slips: e.slips })),
      signed,
    ),
  };
}

/** A ballot's voter credential as written, or a placeholder unique to its position. */
export function voterOf(ballot: unknown, position: number): string {
  const v = (ballot as { voter?: unknown } | null)?.voter;
  return typeof v === 'string' ? v : `#unreadable ${position}`;
}

export interface PreparedClose {
  record: Omit<ElectionRecordV2, 'decryptions' | 'refusedDecryptions' | 'result' | 'electorate'>;
  key: ElectionKey;
  shape: BallotShape;
  /** The counted ballots with their credentials (what a teller's device re-sums). */
  counted: BatchItem[];
}

/**
 * At the close, before the tellers: verifies every ballot on the board, applies the counting
 * rule (record-count.ts) with the server's SEAT_LOST claims, chains the board and sums the
 * counted ballots.
 */
export function prepareClose(p: {
  poll: RecordPoll;
  key: RecordKey;
  issued: Issued;
  /** A slips poll's batches (the record is then version 3 and each entry needs its `slips`). */
  slips?: RecordSlips;
  boardKey: string;
  entries: readonly { ballot: Ballot; receivedAt: string; slips?: SlipSignature[] }[];
  seatLost?: readonly number[];
  /**
   * Per entry: true when the caller already verified this ballot (proofs, encodings, degenerate
   * ciphertexts, this key and shape, and in a slips poll its slips' signatures) when it arrived,
   * so it is not verified again here: only its ciphertexts are read for the sum (and its slips'
   * keys checked). Anyone checking the record still verifies every ballot and signature.
   */
  verified?: readonly boolean[];
  /**
   * Sums the counted ballots among those `verified` (their ciphertexts only), e.g. with libsodium
   * on the server, which is several times faster than decoding every point here. Default: decode
   * with @noble/curves and add.
   */
  sumVerified?: VerifiedSummer;
  /**
   * Per entry: the tracker the caller computed when the ballot arrived (the same hash of the same
   * stored ballot), so the close does not hash every ballot again. Anyone checking the record
   * recomputes them.
   */
  trackers?: readonly string[];
  /**
   * Per entry: the chain head h_i the caller computed and signed when the ballot was appended
   * (the board's rows keep it), so the close does not hash the chain again. Taken only when there
   * is one per entry; anyone checking the record recomputes the chain.
   */
  chainHeads?: readonly string[];
  /**
   * h_0 as the server computed it with `openingGenesis` when the poll opened (and chained every
   * ballot from), so the close does not hash the 2,000 issued credentials again; anyone checking
   * the record recomputes it.
   */
  genesis?: string;
  rng?: Rng;
}): PreparedClose {
  const poll = checkRecordPoll(p.poll);
  const key = recordElectionKey(poll, p.key);
  const shape = ballotShape(pollSpecOf(poll));
  const trackers = p.entries.map((e, i) => p.trackers?.[i] ?? ballotTracker(e.ballot));
  const { outcomes, ciphertexts } = verifyUnlessVerified(
    key,
    shape,
    p.entries,
    trackers,
    p.verified,
    p.rng,
  );
  const counting: CountingEntry[] = p.entries.map((e, i) => ({
    position: i + 1,
    voter: voterOf(e.ballot, i + 1),
    ...(outcomes[i].ok ? {} : { error: (outcomes[i] as { error: BallotError }).error.code }),
  }));
  const issuance = issuanceOf(
    poll.pollId,
    p.issued,
    p.slips,
    p.entries.map((e, i) => ({ ...counting[i], tracker: trackers[i], slips: e.slips })),
    (position) => p.verified?.[position - 1] === true,
  );
  const exclusions = requiredExclusions(counting, issuance, poll.recast, new Set(p.seatLost));
  const genesis = p.genesis ?? openingGenesis(poll, key, p.issued, p.slips);
  const heads =
    p.chainHeads?.length === p.entries.length ? p.chainHeads : chainHeads(genesis, trackers);
  const isCounted = (i: number) => !exclusions.has(i + 1);
  const counted = p.entries
    .map((e, i) => ({ ballot: e.ballot as unknown, voter: counting[i].voter }))
    .filter((_, i) => isCounted(i));
  const trusted = p.entries.filter((_, i) => isCounted(i) && p.verified?.[i] === true);
  const checked = ciphertexts.filter((c, i) => isCounted(i) && c !== undefined) as Ciphertext[][][];
  let tally = sumCiphertexts(key, shape, checked);
  if (trusted.length > 0) {
    const ballots = trusted.map((e) => e.ballot);
    const sum = (p.sumVerified ?? sumDecoded)(key, shape, ballots);
    // Every counted ballot verified on arrival (the usual close): that sum is the tally, without
    // adding an empty one to it (decoding and encoding every entry again).
    tally = checked.length === 0 ? sum : addTallies(key, shape, tally, sum);
  }
  return {
    record: {
      version: p.slips ? 3 : 2,
      poll,
      key: p.key,
      issued: p.issued,
      ...(p.slips ? { slips: p.slips } : {}),
      board: {
        publicKey: p.boardKey,
        genesis,
        head: heads.length > 0 ? heads[heads.length - 1] : genesis,
        entries: p.entries.map((e, i) => ({
          position: i + 1,
          tracker: trackers[i],
          chainHead: heads[i],
          receivedAt: e.receivedAt,
          ballot: e.ballot,
          ...(p.slips ? { slips: e.slips ?? [] } : {}),
        })),
      },
      exclusions: [...exclusions.values()].sort((a, b) => a.position - b.position),
      tally,
    },
    key,
    shape,
    counted,
  };
}

/**
 * The PreparedClose of a stored `prepared.record` (the server keeps only the record between the
 * close and the tellers' answers): key, shape and counted ballots are recomputed from it.
 */
export function resumeClose(record: PreparedClose['record']): PreparedClose {
  const poll = checkRecordPoll(record.poll);
  const key = recordElectionKey(poll, record.key);
  const shape = ballotShape(pollSpecOf(poll));
  const excluded = new Set(record.exclusions.map((x) => x.position));
  const counted = record.board.entries
    .filter((e) => !excluded.has(e.position))
    .map((e) => ({ ballot: e.ballot as unknown, voter: voterOf(e.ballot, e.position) }));
  return { record, key, shape, counted };
}

/**
 * A teller's answer to a stored close (the command, the tablet's page and the tests use this one):
 * re-verifies and re-sums the record's counted ballots, then decrypts (decryptAsTeller refuses a
 * tally that is not their sum). Returns the partial and how many ballots were counted.
 */
export function decryptRecordAsTeller(
  record: PreparedClose['record'],
  secret: TellerSecret,
): { partial: PartialDecryption; counted: number } {
  const prepared = resumeClose(record);
  const partial = decryptAsTeller({
    key: prepared.key,
    shape: prepared.shape,
    secret,
    tally: record.tally,
    counted: prepared.counted,
  });
  return { partial, counted: prepared.counted.length };
}

/** Sums ballots already verified, from their ciphertexts alone (see prepareClose's `sumVerified`). */
export type VerifiedSummer = (
  key: ElectionKey,
  shape: BallotShape,
  ballots: readonly Ballot[],
) => EncryptedTally;

/** The default summer: each α and β decoded with @noble/curves. */
const sumDecoded: VerifiedSummer = (key, shape, ballots) =>
  sumCiphertexts(
    key,
    shape,
    ballots.map((b) =>
      b.questions.map((q, qi) =>
        q.entries.map((x, ei) => ({
          alpha: pointFromHex(x.alpha, 'alpha', { question: qi, entry: ei }),
          beta: pointFromHex(x.beta, 'beta', { question: qi, entry: ei }),
        })),
      ),
    ),
  );

/**
 * Verdicts of the board's ballots, and the decoded ciphertexts of those verified here; ballots
 * verified on arrival are taken as valid and left undecoded (prepareClose sums them).
 */
function verifyUnlessVerified(
  key: ElectionKey,
  shape: BallotShape,
  entries: readonly { ballot: Ballot }[],
  trackers: readonly string[],
  verified: readonly boolean[] = [],
  rng?: Rng,
): { outcomes: BatchOutcome[]; ciphertexts: (Ciphertext[][] | undefined)[] } {
  const todo = entries.map((_, i) => i).filter((i) => verified[i] !== true);
  const checked = verifyBallotsDetailed(
    { key, shape },
    todo.map((i) => ({ ballot: entries[i].ballot })),
    { rng },
  );
  const outcomes: BatchOutcome[] = new Array(entries.length);
  const ciphertexts: (Ciphertext[][] | undefined)[] = new Array(entries.length).fill(undefined);
  todo.forEach((i, j) => {
    outcomes[i] = checked.outcomes[j];
    ciphertexts[i] = checked.ciphertexts[j];
  });
  entries.forEach((_, i) => {
    if (verified[i] === true) outcomes[i] = { ok: true, tracker: trackers[i] };
  });
  return { outcomes, ciphertexts };
}

/**
 * After the tellers: combines the valid partials (refusing the others, which are listed), applies
 * the 收回 ≤ 发出 rule and, unless the poll is void, the decision (libs/tally). `checked`: the
 * tellers whose partials were checked against this record's tally already (combinePartials).
 */
export function finishRecord(
  prepared: PreparedClose,
  partials: readonly PartialDecryption[],
  electorate: { total: number; present: number },
  checked?: ReadonlySet<number>,
): ElectionRecordV2 {
  const { record, key, shape } = prepared;
  const {
    result,
    refused,
    partials: decryptions,
  } = combinePartials(key, shape, record.tally, partials, checked);
  const entries = record.board.entries.map((e) => ({
    position: e.position,
    voter: voterOf(e.ballot, e.position),
  }));
  const returned = returnedCount(entries);
  const isVoid = returned > record.issued.count;
  const invalid = record.exclusions.filter((x) => x.reason === 'INVALID').length;
  return {
    ...record,
    electorate,
    decryptions,
    refusedDecryptions: refused.map((r) => ({
      ...(r.trustee !== undefined ? { trustee: r.trustee } : {}),
      code: r.error.code,
    })),
    result: {
      counts: result.counts,
      returned,
      counted: result.ballots,
      excluded: record.exclusions.length,
      void: isVoid,
      decision: isVoid
        ? null
        : decidePoll(record.poll, result.counts, { valid: result.ballots, invalid }, electorate),
    },
  };
}
