/**
 * Verifying one chunk of ballots, the unit of work of a worker thread (and of the in-process mode).
 * Results are plain data so they cross `postMessage` unchanged.
 */
import { BallotError, type BallotErrorCode, type BallotErrorDetail } from '../errors.js';
import { pointFromBytes } from '../group.js';
import { verifyElectionKey, type ElectionKey, type KeyInfo } from '../keys.js';
import { batchVerify, verifyBallots, type BatchItem } from '../batch.js';
import { encryptBallot, marks, type Ballot } from '../ballot.js';
import { checkShape, type BallotShape } from '../shape.js';
import type { EncryptedTally } from '../tally.js';
import { fromHex, toHex } from '../encoding.js';
import type { VerifiedSummer } from '../record-v2.js';
import { SodiumGroup, loadSodium, verifyBallotSodium } from './sodium.js';

/**
 * `sodium` (default): libsodium (WebAssembly), the chunk checked as one random linear combination
 * (batch.ts): one scalar multiplication per distinct point, halving on failure.
 * `sodium-direct`: libsodium, each ballot equation by equation (for comparison).
 * `noble`: @noble/curves only, the chunk as one combination evaluated with Pippenger.
 */
export type Engine = 'sodium' | 'sodium-direct' | 'noble';

export type ChunkOutcome =
  | { ok: true; tracker: string }
  | {
      ok: false;
      code: BallotErrorCode;
      message: string;
      detail: BallotErrorDetail;
      tracker?: string;
    };

export interface ChunkResult {
  outcomes: ChunkOutcome[];
  /** Sum of the chunk's valid ballots. */
  tally: EncryptedTally;
}

export interface ChunkVerifier {
  verify(items: readonly BatchItem[], offset: number): ChunkResult;
  /**
   * The verdicts alone, without the chunk's sum: what the server needs at each cast (it keeps the
   * sum itself, RunningSum). With libsodium this saves decoding every ciphertext with noble.
   */
  verdicts(items: readonly BatchItem[], offset: number): ChunkOutcome[];
}

function errorOutcome(e: BallotError, ballot: number, tracker?: string): ChunkOutcome {
  return {
    ok: false,
    code: e.code,
    message: e.message.replace(/^[A-Z_]+: /, ''),
    detail: { ...e.detail, ballot },
    ...(tracker ? { tracker } : {}),
  };
}

export async function chunkVerifier(
  key: ElectionKey,
  shape: BallotShape,
  engine: Engine,
  warmUp = false,
): Promise<ChunkVerifier> {
  const v = await makeVerifier(key, shape, engine);
  if (warmUp) warm(v, key, shape);
  return v;
}

/**
 * Verifies a few throwaway ballots so that a fresh worker's JIT is warm before real ballots
 * arrive (a cold worker is ~20% slower on its first chunk). Costs tens of milliseconds.
 */
function warm(v: ChunkVerifier, key: ElectionKey, shape: BallotShape): void {
  const entries = shape.questions.reduce((n, q) => n + q.entries, 0);
  const choices = shape.questions.map((q) =>
    marks(q.entries, ...Array.from({ length: q.minMarks }, (_, i) => i)),
  );
  const items = Array.from({ length: entries <= 64 ? 4 : 1 }, (_, i) => ({
    ballot: encryptBallot({ key, shape, voter: `warm-up ${i}`, choices }).ballot,
  }));
  v.verify(items, 0);
}

async function makeVerifier(
  key: ElectionKey,
  shape: BallotShape,
  engine: Engine,
): Promise<ChunkVerifier> {
  const info = verifyElectionKey(key);
  checkShape(shape);
  if (engine === 'noble') {
    const verify: ChunkVerifier['verify'] = (items, offset) => {
      const r = verifyBallots({ key, shape }, items);
      return {
        outcomes: r.outcomes.map((o, i) =>
          o.ok ? o : errorOutcome(o.error, offset + i, o.tracker),
        ),
        tally: r.tally,
      };
    };
    return { verify, verdicts: (items, offset) => verify(items, offset).outcomes };
  }
  const group = new SodiumGroup(await loadSodium());
  if (engine === 'sodium-direct') {
    const verify: ChunkVerifier['verify'] = (items, offset) =>
      verifySodiumChunk(group, info, shape, items, offset);
    return { verify, verdicts: (items, offset) => verify(items, offset).outcomes };
  }
  const batchEngine = group.engine(info);
  return {
    verdicts(items, offset) {
      const { outcomes } = batchVerify(info, shape, items, batchEngine);
      return outcomes.map((o, i) => (o.ok ? o : errorOutcome(o.error, offset + i, o.tracker)));
    },
    verify(items, offset) {
      const { outcomes, plans } = batchVerify(info, shape, items, batchEngine);
      const sums = emptySums(shape);
      let valid = 0;
      plans.forEach((plan) => {
        if (!plan) return;
        valid++;
        addInto(group, sums, plan.ciphertexts);
      });
      return {
        outcomes: outcomes.map((o, i) => (o.ok ? o : errorOutcome(o.error, offset + i, o.tracker))),
        tally: sumsToTally(info, sums, valid),
      };
    },
  };
}

/**
 * prepareClose's `sumVerified` with libsodium: the ciphertexts of ballots verified on arrival,
 * added as encodings (no noble decoding; only the sums are decoded at the end).
 */
export function sodiumSummer(group: SodiumGroup): VerifiedSummer {
  return (key, shape, ballots) => {
    const info = verifyElectionKey(key);
    const sums = emptySums(checkShape(shape));
    for (const b of ballots) addInto(group, sums, ciphertextBytes(b));
    return sumsToTally(info, sums, ballots.length);
  };
}

/** A running sum as it travels between api processes. */
export interface RunningSumShare {
  count: number;
  sums: { alpha: string; beta: string }[][];
}

/**
 * The sum of a poll's verified ballots kept as they are stored, so that the close does not add
 * 2,000 ballots (12,000 libsodium additions for a motion, most of the close's time) but only
 * takes this sum and subtracts the few ballots it does not count. Encodings only, as above.
 */
export class RunningSum {
  private readonly sums: Sums;
  /** Ballots added. */
  count = 0;

  constructor(
    private readonly group: SodiumGroup,
    shape: BallotShape,
  ) {
    this.sums = emptySums(checkShape(shape));
  }

  add(ballot: Ballot): void {
    addInto(this.group, this.sums, ciphertextBytes(ballot));
    this.count++;
  }

  /** This sum as another api process adds it to its own (`absorb`): JSON, hex encodings. */
  share(): RunningSumShare {
    return {
      count: this.count,
      sums: this.sums.map((q) => q.map((c) => ({ alpha: toHex(c.alpha), beta: toHex(c.beta) }))),
    };
  }

  /**
   * Adds the sum another api process kept of other ballots of the same poll (the caller makes
   * sure no ballot is in both). BAD_ENCODING or SHAPE_MISMATCH when it is not such a sum.
   */
  absorb(other: RunningSumShare): void {
    if (!Number.isSafeInteger(other?.count) || other.count < 0)
      throw new BallotError('BAD_ENCODING', 'a running sum needs its count of ballots');
    const same =
      Array.isArray(other.sums) &&
      other.sums.length === this.sums.length &&
      other.sums.every((q, qi) => Array.isArray(q) && q.length === this.sums[qi].length);
    if (!same) throw new BallotError('SHAPE_MISMATCH', "a running sum of another poll's shape");
    const cts = other.sums.map((q) =>
      q.map((c) => ({ alpha: encoding(c?.alpha, 'alpha'), beta: encoding(c?.beta, 'beta') })),
    );
    addInto(this.group, this.sums, cts);
    this.count += other.count;
  }

  /** The sum less `excluded` (ballots added before), as the tally of the others. */
  tallyWithout(key: ElectionKey, excluded: readonly Ballot[]): EncryptedTally {
    let sums = this.sums;
    for (const b of excluded) sums = subtract(this.group, sums, ciphertextBytes(b));
    return sumsToTally(verifyElectionKey(key), sums, this.count - excluded.length);
  }
}

/** A canonical point encoding from hex (libsodium adds only valid ones): BAD_ENCODING if not. */
function encoding(hex: unknown, what: string): Uint8Array {
  const bytes = fromHex(hex, 32, what);
  pointFromBytes(bytes, what);
  return bytes;
}

function ciphertextBytes(b: Ballot): Sums {
  return b.questions.map((q) =>
    q.entries.map((x) => ({
      alpha: fromHex(x.alpha, 32, 'alpha'),
      beta: fromHex(x.beta, 32, 'beta'),
    })),
  );
}

function subtract(group: SodiumGroup, sums: Sums, cts: Sums): Sums {
  return sums.map((q, qi) =>
    q.map((s, ei) => ({
      alpha: group.sub(s.alpha, cts[qi][ei].alpha),
      beta: group.sub(s.beta, cts[qi][ei].beta),
    })),
  );
}

type Sums = { alpha: Uint8Array; beta: Uint8Array }[][];

function emptySums(shape: BallotShape): Sums {
  return shape.questions.map((q) =>
    Array.from({ length: q.entries }, (): { alpha: Uint8Array; beta: Uint8Array } => ({
      alpha: new Uint8Array(32),
      beta: new Uint8Array(32),
    })),
  );
}

function addInto(group: SodiumGroup, sums: Sums, cts: Sums): void {
  cts.forEach((q, qi) =>
    q.forEach((ct, ei) => {
      const s = sums[qi][ei];
      s.alpha = group.add(s.alpha, ct.alpha);
      s.beta = group.add(s.beta, ct.beta);
    }),
  );
}

function sumsToTally(info: KeyInfo, sums: Sums, valid: number): EncryptedTally {
  // libsodium's sums are canonical encodings (of points each checked before it was added): their
  // hex is the tally's, with no decoding and encoding again by noble (~0.5 ms a point when busy).
  return {
    version: 1,
    pollId: info.pollId,
    keyFingerprint: info.fingerprintHex,
    ballots: valid,
    questions: sums.map((q) => ({
      entries: q.map((c) => ({ alpha: toHex(c.alpha), beta: toHex(c.beta) })),
    })),
  };
}

function verifySodiumChunk(
  group: SodiumGroup,
  info: KeyInfo,
  shape: BallotShape,
  items: readonly BatchItem[],
  offset: number,
): ChunkResult {
  const sums = emptySums(shape);
  let valid = 0;
  const outcomes = items.map((item, i): ChunkOutcome => {
    try {
      const v = verifyBallotSodium(group, item.ballot, info, shape, item.voter);
      addInto(group, sums, v.ciphertexts);
      valid++;
      return { ok: true, tracker: v.tracker };
    } catch (e) {
      if (e instanceof BallotError) return errorOutcome(e, offset + i);
      throw e;
    }
  });
  return { outcomes, tally: sumsToTally(info, sums, valid) };
}
