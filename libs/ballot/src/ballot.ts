/**
 * Ballots: encryption on the tablet, the JSON and canonical byte forms, the tracker, and
 * verification. See README.md for the exact formats and hash inputs.
 */
import { mulAddUnsafe, pippenger } from '@noble/curves/abstract/curve.js';
import { BallotError, type BallotErrorDetail } from './errors.js';
import { ByteReader, fromHex, toBase32, toHex, type ByteWriter } from './encoding.js';
import { fields, list } from './json.js';
import { encrypt } from './elgamal.js';
import {
  G,
  RistrettoPoint,
  mod,
  mulPublic,
  pointFromBytes,
  pointToBytes,
  sadd,
  scalarFromBytes,
  scalarToBytes,
  type Point,
} from './group.js';
import { TAGS, challengeOf, sha256Of, sha512Of, transcript } from './hash.js';
import { checkText, groups, verifyElectionKey, type ElectionKey, type KeyInfo } from './keys.js';
import {
  EqAccumulator,
  challengesAddUp,
  checkEach,
  disjunctiveEqs,
  proveDisjunctive,
  randomWeight,
  type Branch,
  type CheckedEq,
} from './proofs.js';
import { defaultRng, randomScalar, type Rng } from './rng.js';
import { LIMITS, allowedSums, checkShape, writeShape, type BallotShape } from './shape.js';

// ---------------------------------------------------------------------------------------------
// JSON form (what the tablet sends and the bulletin board shows). All byte strings are lowercase
// hex: points 32 bytes (RFC 9496 encoding), scalars 32 bytes little-endian and < l.

export interface ProofBranch {
  /** Commitment a_j (point). */
  a: string;
  /** Commitment b_j (point). */
  b: string;
  /** Challenge share c_j (scalar). */
  c: string;
  /** Response s_j (scalar). */
  s: string;
}

export interface EncryptedEntry {
  /** α = r·G */
  alpha: string;
  /** β = r·Y + m·G, m ∈ {0, 1} */
  beta: string;
  /** Disjunctive proof that m ∈ {0, 1}: branch 0 for value 0, branch 1 for value 1. */
  proof: ProofBranch[];
}

export interface EncryptedQuestion {
  entries: EncryptedEntry[];
  /** Disjunctive proof that Σm ∈ {minMarks, …, maxMarks}: one branch per value, in order. */
  sumProof: ProofBranch[];
}

export interface Ballot {
  version: 1;
  pollId: string;
  /** Fingerprint of the election key (hex, 32 bytes). */
  keyFingerprint: string;
  /** The voter credential this ballot was made for (opaque string from the server). */
  voter: string;
  questions: EncryptedQuestion[];
}

// Parsed form: raw bytes for points (decoded later, by noble or libsodium), bigints for scalars.
export interface ParsedBranch {
  a: Uint8Array;
  b: Uint8Array;
  c: bigint;
  s: bigint;
}
export interface ParsedEntry {
  alpha: Uint8Array;
  beta: Uint8Array;
  proof: ParsedBranch[];
}
export interface ParsedQuestion {
  entries: ParsedEntry[];
  sumProof: ParsedBranch[];
}
export interface ParsedBallot {
  pollId: string;
  fingerprint: Uint8Array;
  voter: string;
  questions: ParsedQuestion[];
}

function parseBranches(v: unknown, what: string, detail: BallotErrorDetail): ParsedBranch[] {
  return list(v, LIMITS.sumBranches, what, detail).map((raw, j) => {
    const o = fields(raw, ['a', 'b', 'c', 's'], `${what}[${j}]`, detail);
    return {
      a: fromHex(o.a, 32, `${what}[${j}].a`, detail),
      b: fromHex(o.b, 32, `${what}[${j}].b`, detail),
      c: scalarFromBytes(fromHex(o.c, 32, `${what}[${j}].c`, detail), `${what}[${j}].c`, detail),
      s: scalarFromBytes(fromHex(o.s, 32, `${what}[${j}].s`, detail), `${what}[${j}].s`, detail),
    };
  });
}

/** Strict reading of the JSON form (an object, or its JSON text). Throws BAD_ENCODING / BAD_VERSION. */
export function parseBallot(json: unknown): ParsedBallot {
  if (typeof json === 'string') {
    try {
      json = JSON.parse(json);
    } catch {
      throw new BallotError('BAD_ENCODING', 'ballot is not JSON');
    }
  }
  const o = fields(json, ['version', 'pollId', 'keyFingerprint', 'voter', 'questions'], 'ballot');
  if (o.version !== 1)
    throw new BallotError('BAD_VERSION', `ballot version ${String(o.version)} is not 1`);
  return {
    pollId: checkText(o.pollId, 'pollId'),
    fingerprint: fromHex(o.keyFingerprint, 32, 'keyFingerprint'),
    voter: checkText(o.voter, 'voter'),
    questions: list(o.questions, LIMITS.questions, 'questions').map((rq, q) => {
      const qo = fields(rq, ['entries', 'sumProof'], `questions[${q}]`, { question: q });
      return {
        entries: list(qo.entries, LIMITS.entries, 'entries', { question: q }).map((re, e) => {
          const detail = { question: q, entry: e };
          const eo = fields(re, ['alpha', 'beta', 'proof'], `entries[${e}]`, detail);
          return {
            alpha: fromHex(eo.alpha, 32, 'alpha', detail),
            beta: fromHex(eo.beta, 32, 'beta', detail),
            proof: parseBranches(eo.proof, 'proof', detail),
          };
        }),
        sumProof: parseBranches(qo.sumProof, 'sumProof', { question: q }),
      };
    }),
  };
}

const branchJSON = (b: ParsedBranch): ProofBranch => ({
  a: toHex(b.a),
  b: toHex(b.b),
  c: toHex(scalarToBytes(b.c)),
  s: toHex(scalarToBytes(b.s)),
});

export function ballotToJSON(pb: ParsedBallot): Ballot {
  return {
    version: 1,
    pollId: pb.pollId,
    keyFingerprint: toHex(pb.fingerprint),
    voter: pb.voter,
    questions: pb.questions.map((q) => ({
      entries: q.entries.map((e) => ({
        alpha: toHex(e.alpha),
        beta: toHex(e.beta),
        proof: e.proof.map(branchJSON),
      })),
      sumProof: q.sumProof.map(branchJSON),
    })),
  };
}

/**
 * The JSON form of a ballot `parseBallot` accepted from `json`, without writing it out again: an
 * object it accepted is already that form (only the documented fields at every level, lowercase
 * hex of the exact length, scalars below l), so it is returned as it is; JSON text is written
 * out from `parsed`. Saves the server a copy of every ballot at cast.
 */
export function acceptedBallot(json: unknown, parsed: ParsedBallot): Ballot {
  return typeof json === 'string' ? ballotToJSON(parsed) : (json as Ballot);
}

// ---------------------------------------------------------------------------------------------
// Canonical bytes and tracker.

function writeBranches(w: ByteWriter, bs: readonly ParsedBranch[]): void {
  w.u32(bs.length);
  for (const b of bs) w.raw(b.a).raw(b.b).raw(scalarToBytes(b.c)).raw(scalarToBytes(b.s));
}

/**
 * The canonical bytes of a ballot: str(tag) ‖ str(pollId) ‖ fingerprint ‖ str(voter) ‖ u32(#q) ‖
 * per question: u32(#entries) ‖ per entry: α ‖ β ‖ proof ‖ then the sum proof, where
 * proof = u32(#branches) ‖ per branch: a ‖ b ‖ c ‖ s.
 */
export function ballotBytes(ballot: Ballot | ParsedBallot): Uint8Array {
  const pb = isParsed(ballot) ? ballot : parseBallot(ballot);
  const w = transcript(TAGS.ballot)
    .str(pb.pollId)
    .raw(pb.fingerprint)
    .str(pb.voter)
    .u32(pb.questions.length);
  for (const q of pb.questions) {
    w.u32(q.entries.length);
    for (const e of q.entries) {
      w.raw(e.alpha).raw(e.beta);
      writeBranches(w, e.proof);
    }
    writeBranches(w, q.sumProof);
  }
  return w.finish();
}

function isParsed(b: Ballot | ParsedBallot): b is ParsedBallot {
  return (b as ParsedBallot).fingerprint instanceof Uint8Array;
}

function count(r: ByteReader, max: number, what: string): number {
  const n = r.u32(what);
  if (n > max)
    throw new BallotError('BAD_ENCODING', `${what}: ${n} is more than ${max}`, { check: what });
  return n;
}

function readBranches(r: ByteReader, detail: BallotErrorDetail): ParsedBranch[] {
  const n = count(r, LIMITS.sumBranches, 'number of branches');
  const out: ParsedBranch[] = [];
  for (let j = 0; j < n; j++)
    out.push({
      a: r.raw(32, 'a'),
      b: r.raw(32, 'b'),
      c: scalarFromBytes(r.raw(32, 'c'), 'c', detail),
      s: scalarFromBytes(r.raw(32, 's'), 's', detail),
    });
  return out;
}

/** Reads canonical bytes back (the inverse of ballotBytes). */
export function parseBallotBytes(bytes: Uint8Array): ParsedBallot {
  const r = new ByteReader(bytes);
  if (r.str('tag') !== TAGS.ballot) throw new BallotError('BAD_VERSION', 'not a version 1 ballot');
  const pollId = checkText(r.str('pollId'), 'pollId');
  const fingerprint = r.raw(32, 'fingerprint');
  const voter = checkText(r.str('voter'), 'voter');
  const nq = count(r, LIMITS.questions, 'number of questions');
  const questions: ParsedQuestion[] = [];
  for (let q = 0; q < nq; q++) {
    const ne = count(r, LIMITS.entries, 'number of entries');
    const entries: ParsedEntry[] = [];
    for (let e = 0; e < ne; e++)
      entries.push({
        alpha: r.raw(32, 'alpha'),
        beta: r.raw(32, 'beta'),
        proof: readBranches(r, { question: q, entry: e }),
      });
    questions.push({ entries, sumProof: readBranches(r, { question: q }) });
  }
  r.end();
  return { pollId, fingerprint, voter, questions };
}

/** The tracker: SHA-256 of the canonical bytes, as hex. Published with the ballot. */
export function ballotTracker(ballot: Ballot | ParsedBallot): string {
  return toHex(sha256Of(ballotBytes(ballot)));
}

/** What people read and compare: the first 40 bits of the tracker in base32, e.g. "K3XQ-7MBA". */
export function shortCode(trackerHex: string): string {
  return groups(toBase32(fromHex(trackerHex, 32, 'tracker').subarray(0, 5)));
}

// ---------------------------------------------------------------------------------------------
// Hash inputs of the ballot proofs.

/** ctx = SHA-512(str(tag) ‖ str(pollId) ‖ fingerprint ‖ shapeBytes ‖ str(voter)), 64 bytes. */
export function contextDigest(
  pollId: string,
  fingerprint: Uint8Array,
  shape: BallotShape,
  voter: string,
): Uint8Array {
  const w = transcript(TAGS.context).str(pollId).raw(fingerprint);
  writeShape(w, shape);
  return sha512Of(w.str(voter).finish());
}

function writeCommitments(
  w: ByteWriter,
  cs: readonly { a: Uint8Array; b: Uint8Array }[],
): ByteWriter {
  w.u32(cs.length);
  for (const c of cs) w.raw(c.a).raw(c.b);
  return w;
}

export function entryChallenge(
  ctx: Uint8Array,
  q: number,
  e: number,
  alpha: Uint8Array,
  beta: Uint8Array,
  commitments: readonly { a: Uint8Array; b: Uint8Array }[],
): bigint {
  return challengeOf(
    writeCommitments(
      transcript(TAGS.entryProof).raw(ctx).u32(q).u32(e).raw(alpha).raw(beta),
      commitments,
    ),
  );
}

export function sumChallenge(
  ctx: Uint8Array,
  q: number,
  minMarks: number,
  maxMarks: number,
  entries: readonly { alpha: Uint8Array; beta: Uint8Array }[],
  commitments: readonly { a: Uint8Array; b: Uint8Array }[],
): bigint {
  const w = transcript(TAGS.sumProof)
    .raw(ctx)
    .u32(q)
    .u32(minMarks)
    .u32(maxMarks)
    .u32(entries.length);
  for (const e of entries) w.raw(e.alpha).raw(e.beta);
  return challengeOf(writeCommitments(w, commitments));
}

const ENTRY_VALUES = [0, 1] as const;

// ---------------------------------------------------------------------------------------------
// Encryption (tablet side).

export interface EncryptParams {
  key: ElectionKey;
  shape: BallotShape;
  /** The voter credential the server gave this tablet for this poll. */
  voter: string;
  /** One 0/1 vector per question, `shape.questions[q].entries` long. */
  choices: readonly (readonly number[])[];
  rng?: Rng;
}

export interface EncryptedBallot {
  ballot: Ballot;
  tracker: string;
  shortCode: string;
}

/** Checks choices against the shape; throws BAD_CHOICE (not 0/1, over- or under-marked). */
export function checkChoices(shape: BallotShape, choices: readonly (readonly number[])[]): void {
  if (!Array.isArray(choices) || choices.length !== shape.questions.length)
    throw new BallotError('BAD_CHOICE', `expected choices for ${shape.questions.length} questions`);
  shape.questions.forEach((qs, q) => {
    const v = choices[q];
    if (!Array.isArray(v) || v.length !== qs.entries)
      throw new BallotError('BAD_CHOICE', `question ${q} needs ${qs.entries} entries`, {
        question: q,
      });
    let marks = 0;
    v.forEach((m, e) => {
      if (m !== 0 && m !== 1)
        throw new BallotError('BAD_CHOICE', `entry ${e} of question ${q} must be 0 or 1`, {
          question: q,
          entry: e,
        });
      marks += m;
    });
    if (marks > qs.maxMarks)
      throw new BallotError(
        'BAD_CHOICE',
        `question ${q}: ${marks} marks, at most ${qs.maxMarks} allowed`,
        { question: q, check: 'over-marked' },
      );
    if (marks < qs.minMarks)
      throw new BallotError(
        'BAD_CHOICE',
        `question ${q}: ${marks} marks, at least ${qs.minMarks} needed`,
        { question: q, check: 'under-marked' },
      );
  });
}

/** Builds a 0/1 vector of `n` entries with the given indices marked. */
export function marks(n: number, ...marked: number[]): number[] {
  const v = new Array<number>(n).fill(0);
  for (const i of marked) {
    if (!Number.isInteger(i) || i < 0 || i >= n)
      throw new BallotError('BAD_CHOICE', `no entry ${i} among ${n}`);
    v[i] = 1;
  }
  return v;
}

/** Encrypts the choices and proves them well-formed. Refuses (BAD_CHOICE) anything invalid. */
export function encryptBallot(p: EncryptParams): EncryptedBallot {
  const { ballot, tracker, shortCode } = encryptBallotRevealable(p);
  return { ballot, tracker, shortCode };
}

/** A ballot with the randomness of each entry's ciphertext, kept until it is cast or audited. */
export interface RevealableBallot extends EncryptedBallot {
  /** `r` of each entry, [question][entry], as 32-byte little-endian hex scalars. */
  randomness: string[][];
}

/**
 * encryptBallot that also returns each entry's randomness, so that the tablet can offer a Benaloh
 * audit (audit.ts): it shows the tracker first, then either casts the ballot (and forgets `r`)
 * or reveals `r` and discards it. Same draws from `rng`, in the same order, as encryptBallot.
 */
export function encryptBallotRevealable(p: EncryptParams): RevealableBallot {
  const rng = p.rng ?? defaultRng;
  const info = verifyElectionKey(p.key);
  const shape = checkShape(p.shape);
  checkText(p.voter, 'voter');
  checkChoices(shape, p.choices);
  const ctx = contextDigest(info.pollId, info.fingerprint, shape, p.voter);
  const enc = (pts: readonly { a: Point; b: Point }[]) =>
    pts.map((c) => ({ a: pointToBytes(c.a), b: pointToBytes(c.b) }));
  const randomness: string[][] = [];
  const questions: ParsedQuestion[] = shape.questions.map((qs, q) => {
    let R = 0n;
    let M = 0;
    const rs: string[] = [];
    randomness.push(rs);
    const entries: ParsedEntry[] = p.choices[q].map((m, e) => {
      const r = randomScalar(rng);
      rs.push(toHex(scalarToBytes(r)));
      R = sadd(R, r);
      M += m;
      const ct = encrypt(info.Y, m, r);
      const alpha = pointToBytes(ct.alpha);
      const beta = pointToBytes(ct.beta);
      const proof = proveDisjunctive(
        r,
        m,
        ENTRY_VALUES,
        info.Y,
        (cm) => entryChallenge(ctx, q, e, alpha, beta, enc(cm)),
        rng,
      );
      return { alpha, beta, proof: proof.map(branchBytes) };
    });
    const sumProof = proveDisjunctive(
      R,
      M,
      allowedSums(qs),
      info.Y,
      (cm) => sumChallenge(ctx, q, qs.minMarks, qs.maxMarks, entries, enc(cm)),
      rng,
    );
    return { entries, sumProof: sumProof.map(branchBytes) };
  });
  const pb: ParsedBallot = {
    pollId: info.pollId,
    fingerprint: info.fingerprint,
    voter: p.voter,
    questions,
  };
  const tracker = ballotTracker(pb);
  return { ballot: ballotToJSON(pb), tracker, shortCode: shortCode(tracker), randomness };
}

const branchBytes = (b: Branch<Point>): ParsedBranch => ({
  a: pointToBytes(b.a),
  b: pointToBytes(b.b),
  c: b.c,
  s: b.s,
});

// ---------------------------------------------------------------------------------------------
// Verification, generic over how points are held.

export type Decoder<P> = (bytes: Uint8Array, what: string, detail: BallotErrorDetail) => P;

export interface BallotPlan<P> {
  /** Every verification equation of the ballot, each naming its proof. */
  eqs: CheckedEq<P>[];
  /** The decoded ciphertexts, [question][entry], for the tally. */
  ciphertexts: { alpha: P; beta: P }[][];
}

/**
 * Everything about a ballot except the point equations: poll, key, voter, shape, point encodings
 * and the challenge sums (each throwing its own code); returns the equations left to check.
 */
export function planBallot<P>(
  pb: ParsedBallot,
  key: KeyInfo,
  shape: BallotShape,
  voter: string | undefined,
  decode: Decoder<P>,
): BallotPlan<P> {
  if (pb.pollId !== key.pollId)
    throw new BallotError('WRONG_POLL', `ballot is for poll "${pb.pollId}", not "${key.pollId}"`);
  if (toHex(pb.fingerprint) !== key.fingerprintHex)
    throw new BallotError('WRONG_KEY', 'ballot is encrypted to another election key');
  if (voter !== undefined && pb.voter !== voter)
    throw new BallotError('WRONG_VOTER', 'ballot was made for another voter credential');
  if (pb.questions.length !== shape.questions.length)
    throw new BallotError(
      'SHAPE_MISMATCH',
      `ballot has ${pb.questions.length} questions, the poll ${shape.questions.length}`,
    );
  pb.questions.forEach((q, qi) => {
    const qs = shape.questions[qi];
    if (q.entries.length !== qs.entries)
      throw new BallotError(
        'SHAPE_MISMATCH',
        `question ${qi} has ${q.entries.length} entries, the poll ${qs.entries}`,
        { question: qi },
      );
    q.entries.forEach((e, ei) => {
      if (e.proof.length !== 2)
        throw new BallotError(
          'SHAPE_MISMATCH',
          `entry proof needs 2 branches, has ${e.proof.length}`,
          { question: qi, entry: ei },
        );
    });
    const nb = qs.maxMarks - qs.minMarks + 1;
    if (q.sumProof.length !== nb)
      throw new BallotError(
        'SHAPE_MISMATCH',
        `sum proof needs ${nb} branches, has ${q.sumProof.length}`,
        { question: qi },
      );
  });

  const branchesOf = (bs: ParsedBranch[], detail: BallotErrorDetail): Branch<P>[] =>
    bs.map((b, j) => ({
      a: decode(b.a, `branch ${j} a`, detail),
      b: decode(b.b, `branch ${j} b`, detail),
      c: b.c,
      s: b.s,
    }));
  const decoded = pb.questions.map((q, qi) => ({
    entries: q.entries.map((e, ei) => {
      const detail = { question: qi, entry: ei };
      return {
        alpha: decode(e.alpha, 'alpha', detail),
        beta: decode(e.beta, 'beta', detail),
        proof: branchesOf(e.proof, detail),
      };
    }),
    sumProof: branchesOf(q.sumProof, { question: qi }),
  }));
  refuseDegenerate(pb);

  const ctx = contextDigest(pb.pollId, pb.fingerprint, shape, pb.voter);
  const eqs: CheckedEq<P>[] = [];
  pb.questions.forEach((q, qi) => {
    const qs = shape.questions[qi];
    q.entries.forEach((e, ei) => {
      const detail = { question: qi, entry: ei };
      if (!challengesAddUp(e.proof, entryChallenge(ctx, qi, ei, e.alpha, e.beta, e.proof)))
        throw new BallotError(
          'ENTRY_PROOF_FAILED',
          `question ${qi} entry ${ei}: challenges do not add up to the hash`,
          {
            ...detail,
            check: 'challenge',
          },
        );
      const d = decoded[qi].entries[ei];
      eqs.push(
        ...disjunctiveEqs(d.alpha, d.beta, d.proof, ENTRY_VALUES, 'ENTRY_PROOF_FAILED', detail),
      );
    });
    if (
      !challengesAddUp(
        q.sumProof,
        sumChallenge(ctx, qi, qs.minMarks, qs.maxMarks, q.entries, q.sumProof),
      )
    )
      throw new BallotError(
        'SUM_PROOF_FAILED',
        `question ${qi}: challenges do not add up to the hash`,
        { question: qi, check: 'challenge' },
      );
    const d = decoded[qi];
    eqs.push(
      ...disjunctiveEqs(
        d.entries.map((x) => x.alpha),
        d.entries.map((x) => x.beta),
        d.sumProof,
        allowedSums(qs),
        'SUM_PROOF_FAILED',
        { question: qi },
      ),
    );
  });
  return {
    eqs,
    ciphertexts: decoded.map((q) => q.entries.map((e) => ({ alpha: e.alpha, beta: e.beta }))),
  };
}

/** RFC 9496 has one encoding of the identity, 32 zero bytes (decoding refuses any other). */
function isIdentity(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] !== 0) return false;
  return b.length === 32;
}

/**
 * α = identity means zero randomness: β = m·G and anyone reads the choice off the board (a receipt
 * for vote buying). β = identity has no honest cause either. Both are refused before the proofs,
 * which a cheating tablet can make valid for them.
 */
function refuseDegenerate(pb: ParsedBallot): void {
  pb.questions.forEach((q, qi) =>
    q.entries.forEach((e, ei) => {
      for (const [what, b] of [
        ['alpha', e.alpha],
        ['beta', e.beta],
      ] as const)
        if (isIdentity(b))
          throw new BallotError(
            'DEGENERATE_CIPHERTEXT',
            `question ${qi} entry ${ei}: ${what} is the identity`,
            { question: qi, entry: ei, check: what },
          );
    }),
  );
}

export const nobleDecoder: Decoder<Point> = (b, what, detail) => pointFromBytes(b, what, detail);

/** Multi-scalar multiplication of the accumulated equations; true when the sum is the identity. */
export function accumulatorIsZero(acc: EqAccumulator, Y: Point): boolean {
  const { points, scalars } = acc.entries();
  let r = mulPublic(G, mod(acc.g)).add(mulPublic(Y, mod(acc.y)));
  if (points.length > 0)
    r = r.add(
      points.length <= 64
        ? mulAddUnsafe(RistrettoPoint, points, scalars)
        : pippenger(RistrettoPoint, points, scalars),
    );
  return r.is0();
}

/** Checks all equations at once with random weights; on failure finds and throws the failing one. */
export function checkCombined(eqs: readonly CheckedEq<Point>[], Y: Point, rng: Rng): void {
  const acc = new EqAccumulator();
  for (const eq of eqs) acc.add(eq, randomWeight(rng));
  if (accumulatorIsZero(acc, Y)) return;
  checkEach(eqs, Y);
  // Unreachable: if every equation holds, so does any combination of them.
  throw new BallotError(
    eqs[0].code,
    'combined check failed but no single equation does',
    eqs[0].detail,
  );
}

export interface VerifyContext {
  key: ElectionKey;
  shape: BallotShape;
  /** The credential the ballot was submitted under; omit to accept the ballot's own `voter`. */
  voter?: string;
}

export interface VerifyOptions {
  /**
   * `combined` (default): all equations of the ballot in one random linear combination, then
   * the single equations only if that fails (to name the check). `direct`: each equation alone.
   */
  method?: 'combined' | 'direct';
  /** Randomness for the combination weights. */
  rng?: Rng;
}

export interface VerifiedBallot {
  tracker: string;
  shortCode: string;
  voter: string;
  /** Decoded ciphertexts [question][entry], ready to be summed. */
  ciphertexts: { alpha: Point; beta: Point }[][];
}

/**
 * A ballot as received: a Ballot object, its JSON text, or its canonical bytes. Typed `unknown`
 * because it comes from the network or the database; anything else is BAD_ENCODING.
 */
export type BallotInput = unknown;

export function toParsed(ballot: BallotInput): ParsedBallot {
  return ballot instanceof Uint8Array ? parseBallotBytes(ballot) : parseBallot(ballot);
}

/** Verifies a ballot completely; throws a BallotError naming the failed check. */
export function verifyBallot(
  ballot: BallotInput,
  ctx: VerifyContext,
  opts: VerifyOptions = {},
): VerifiedBallot {
  const info = verifyElectionKey(ctx.key);
  const shape = checkShape(ctx.shape);
  const pb = toParsed(ballot);
  const plan = planBallot(pb, info, shape, ctx.voter, nobleDecoder);
  if (opts.method === 'direct') checkEach(plan.eqs, info.Y);
  else checkCombined(plan.eqs, info.Y, opts.rng ?? defaultRng);
  const tracker = ballotTracker(pb);
  return { tracker, shortCode: shortCode(tracker), voter: pb.voter, ciphertexts: plan.ciphertexts };
}

export type CheckResult =
  { ok: true; tracker: string; shortCode: string } | { ok: false; error: BallotError };

/** Like verifyBallot, but returns the outcome instead of throwing. */
export function checkBallot(
  ballot: BallotInput,
  ctx: VerifyContext,
  opts: VerifyOptions = {},
): CheckResult {
  try {
    const v = verifyBallot(ballot, ctx, opts);
    return { ok: true, tracker: v.tracker, shortCode: v.shortCode };
  } catch (e) {
    if (e instanceof BallotError) return { ok: false, error: e };
    throw e;
  }
}
