/**
 * Counting: the homomorphic sum of the ballots, each trustee's partial decryption with a
 * Chaum–Pedersen proof, and the recovery of the counts by a small discrete-log search.
 *
 * For each entry the tally holds (A, B) = (Σα, Σβ) = (R·G, R·Y + n·G) where n is the number of
 * marks. Trustee i publishes D_i = x_i·A and proves log_G Y_i = log_A D_i. Then
 * B − Σ D_i = n·G and n ∈ 0..(number of ballots) is found by baby-step giant-step.
 */
import { BallotError, type BallotErrorDetail } from './errors.js';
import { addCiphertexts, type Ciphertext } from './elgamal.js';
import {
  ZERO,
  pointFromHex,
  pointToBytes,
  pointToHex,
  scalarFromHex,
  scalarToHex,
  type Point,
} from './group.js';
import { TAGS, challengeOf, transcript } from './hash.js';
import {
  checkTrusteeSecret,
  verifyElectionKey,
  type ElectionKey,
  type KeyInfo,
  type TrusteeSecret,
} from './keys.js';
import type { TellerSecret } from './ceremony.js';
import { chaumPedersenEqs, checkEach, proveChaumPedersen, type CheckedEq } from './proofs.js';
import { resultOf } from './threshold.js';

export { smallDiscreteLog, warmCountSearch } from './dlog.js';
import { defaultRng, type Rng } from './rng.js';
import { checkShape, type BallotShape } from './shape.js';

export interface EncryptedTally {
  version: 1;
  pollId: string;
  keyFingerprint: string;
  /** Number of ballots summed. */
  ballots: number;
  /** (A, B) = (Σα, Σβ) per entry, hex. */
  questions: { entries: { alpha: string; beta: string }[] }[];
}

export interface DecryptionShare {
  /** D = x_i·A */
  d: string;
  /** Chaum–Pedersen commitments t1 = w·G, t2 = w·A, and response s = w + c·x_i. */
  t1: string;
  t2: string;
  s: string;
}

export interface PartialDecryption {
  version: 1;
  pollId: string;
  keyFingerprint: string;
  /** Trustee index (1..n). */
  trustee: number;
  questions: { entries: DecryptionShare[] }[];
}

export interface TallyResult {
  version: 1;
  pollId: string;
  keyFingerprint: string;
  ballots: number;
  /** Marks per entry: counts[question][entry]. */
  counts: number[][];
}

/** Sums decoded ciphertexts ([ballot][question][entry]) into an encrypted tally. */
export function sumCiphertexts(
  key: ElectionKey,
  shape: BallotShape,
  ballots: readonly (readonly (readonly Ciphertext[])[])[],
): EncryptedTally {
  const info = verifyElectionKey(key);
  checkShape(shape);
  const sums: Ciphertext[][] = shape.questions.map((q) =>
    new Array(q.entries).fill(null).map(() => ({ alpha: ZERO, beta: ZERO })),
  );
  ballots.forEach((b, bi) => {
    if (b.length !== sums.length || b.some((q, qi) => q.length !== sums[qi].length))
      throw new BallotError('SHAPE_MISMATCH', `ballot ${bi} does not have the poll's shape`, {
        ballot: bi,
      });
    b.forEach((q, qi) => q.forEach((ct, ei) => (sums[qi][ei] = addCiphertexts(sums[qi][ei], ct))));
  });
  return tallyJSON(info, sums, ballots.length);
}

export function tallyJSON(
  info: KeyInfo,
  sums: readonly (readonly Ciphertext[])[],
  ballots: number,
): EncryptedTally {
  return {
    version: 1,
    pollId: info.pollId,
    keyFingerprint: info.fingerprintHex,
    ballots,
    questions: sums.map((q) => ({
      entries: q.map((c) => ({ alpha: pointToHex(c.alpha), beta: pointToHex(c.beta) })),
    })),
  };
}

/** Reads an encrypted tally and checks it belongs to this key and shape. */
export function parseTally(
  key: ElectionKey,
  shape: BallotShape,
  tally: EncryptedTally,
): { info: KeyInfo; sums: Ciphertext[][] } {
  const info = verifyElectionKey(key);
  checkShape(shape);
  if (!tally || typeof tally !== 'object')
    throw new BallotError('BAD_ENCODING', 'tally must be an object');
  if (tally.version !== 1)
    throw new BallotError('BAD_VERSION', `tally version ${String(tally.version)}`);
  if (tally.pollId !== info.pollId)
    throw new BallotError('WRONG_POLL', `tally is for poll "${tally.pollId}"`);
  if (tally.keyFingerprint !== info.fingerprintHex)
    throw new BallotError('WRONG_KEY', 'tally names another election key');
  if (!Number.isSafeInteger(tally.ballots) || tally.ballots < 0)
    throw new BallotError('BAD_ENCODING', 'tally.ballots must be a count');
  if (!Array.isArray(tally.questions) || tally.questions.length !== shape.questions.length)
    throw new BallotError('SHAPE_MISMATCH', "tally does not have the poll's questions");
  const sums = tally.questions.map((q, qi) => {
    if (!Array.isArray(q?.entries) || q.entries.length !== shape.questions[qi].entries)
      throw new BallotError(
        'SHAPE_MISMATCH',
        `tally question ${qi} does not have the poll's entries`,
        { question: qi },
      );
    return q.entries.map((e, ei) => ({
      alpha: pointFromHex(e?.alpha, 'alpha', { question: qi, entry: ei }),
      beta: pointFromHex(e?.beta, 'beta', { question: qi, entry: ei }),
    }));
  });
  return { info, sums };
}

/** Adds two encrypted tallies of the same poll (e.g. sums of chunks verified in parallel). */
export function addTallies(
  key: ElectionKey,
  shape: BallotShape,
  x: EncryptedTally,
  y: EncryptedTally,
): EncryptedTally {
  const a = parseTally(key, shape, x);
  const b = parseTally(key, shape, y);
  return tallyJSON(
    a.info,
    a.sums.map((q, qi) => q.map((c, ei) => addCiphertexts(c, b.sums[qi][ei]))),
    x.ballots + y.ballots,
  );
}

export function emptyTally(key: ElectionKey, shape: BallotShape): EncryptedTally {
  return sumCiphertexts(key, shape, []);
}

/**
 * The Fiat–Shamir challenge of a trustee's decryption proof for one tally entry, over the points'
 * encodings (so a libsodium prover, node/partial.ts, hashes the same bytes).
 */
export function decryptionChallengeOf(
  info: KeyInfo,
  trustee: number,
  Yi: Uint8Array,
  q: number,
  e: number,
  A: Uint8Array,
  D: Uint8Array,
  t1: Uint8Array,
  t2: Uint8Array,
): bigint {
  return challengeOf(
    transcript(TAGS.decryptionProof)
      .str(info.pollId)
      .raw(info.fingerprint)
      .u32(trustee)
      .raw(Yi)
      .u32(q)
      .u32(e)
      .raw(A)
      .raw(D)
      .raw(t1)
      .raw(t2),
  );
}

function decryptionChallenge(
  info: KeyInfo,
  trustee: number,
  Yi: Uint8Array,
  q: number,
  e: number,
  ...points: [A: Point, D: Point, t1: Point, t2: Point]
): bigint {
  const [A, D, t1, t2] = points.map(pointToBytes) as [
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
  ];
  return decryptionChallengeOf(info, trustee, Yi, q, e, A, D, t1, t2);
}

/** A trustee's share of the decryption of the tally, with one proof per entry. */
export function partialDecrypt(
  key: ElectionKey,
  shape: BallotShape,
  secret: TrusteeSecret | TellerSecret,
  tally: EncryptedTally,
  rng: Rng = defaultRng,
): PartialDecryption {
  const { info, sums } = parseTally(key, shape, tally);
  const x = checkTrusteeSecret(key, secret);
  const share = info.shares[secret.index - 1];
  return {
    version: 1,
    pollId: info.pollId,
    keyFingerprint: info.fingerprintHex,
    trustee: secret.index,
    questions: sums.map((q, qi) => ({
      entries: q.map(({ alpha: A }, ei) => {
        const D = A.is0() ? ZERO : A.multiply(x);
        const p = proveChaumPedersen(
          x,
          A,
          (t1, t2) => decryptionChallenge(info, secret.index, share.bytes, qi, ei, A, D, t1, t2),
          rng,
        );
        return {
          d: pointToHex(D),
          t1: pointToHex(p.t1),
          t2: pointToHex(p.t2),
          s: scalarToHex(p.s),
        };
      }),
    })),
  };
}

/** Checks a partial decryption against the tally; returns the decoded D per entry. */
export function verifyPartialDecryption(
  key: ElectionKey,
  shape: BallotShape,
  tally: EncryptedTally,
  pd: PartialDecryption,
): Point[][] {
  const { info, sums } = parseTally(key, shape, tally);
  return checkPartial(info, sums, pd);
}

/**
 * The arithmetic a partial decryption's proofs are checked with: @noble/curves' points here,
 * libsodium's encodings on the server (node/partial.ts). Same equations, same challenge bytes.
 */
export interface PartialArithmetic<P> {
  /** A point from its hex encoding; BAD_ENCODING when it is not a valid one. */
  point: (hex: unknown, what: string, detail: BallotErrorDetail) => P;
  /** The point's canonical encoding, as hashed into the challenge. */
  encode: (p: P) => Uint8Array;
  /** A trustee's public share. */
  share: (share: KeyInfo['shares'][number]) => P;
  /** Throws the first equation's code when one does not hold. */
  checkEach: (eqs: readonly CheckedEq<P>[]) => void;
}

const nobleArithmetic: PartialArithmetic<Point> = {
  // Through pointFromHex's cache: the D of a partial checked on arrival is decoded once.
  point: pointFromHex,
  encode: pointToBytes,
  share: (s) => s.Y,
  checkEach: (eqs) => checkEach(eqs, ZERO),
};

/**
 * Checks a partial decryption's form and proofs against the tally; returns the decoded D per
 * entry. `proofChecked`: this very partial's proofs were checked against this tally before (a
 * server that checked it on arrival and kept it as accepted): its form is checked and its D
 * decoded, the proofs are not checked again.
 */
export function checkPartial(
  info: KeyInfo,
  sums: Ciphertext[][],
  pd: PartialDecryption,
  proofChecked = false,
): Point[][] {
  return checkPartialWith(
    info,
    sums.map((q) => q.map((c) => c.alpha)),
    pd,
    nobleArithmetic,
    proofChecked,
  );
}

/** checkPartial over any arithmetic: `alphas` are the tally's A per entry. */
export function checkPartialWith<P>(
  info: KeyInfo,
  alphas: readonly (readonly P[])[],
  pd: PartialDecryption,
  arithmetic: PartialArithmetic<P>,
  proofChecked = false,
): P[][] {
  if (!pd || typeof pd !== 'object')
    throw new BallotError('BAD_ENCODING', 'partial decryption must be an object');
  if (pd.version !== 1)
    throw new BallotError('BAD_VERSION', `partial decryption version ${String(pd.version)}`);
  const share = info.shares.find((s) => s.index === pd.trustee);
  if (!share)
    throw new BallotError('MISSING_TRUSTEE', `no trustee ${String(pd.trustee)} in this key`);
  const trustee = share.index;
  if (pd.pollId !== info.pollId)
    throw new BallotError('WRONG_POLL', `decryption is for poll "${pd.pollId}"`, { trustee });
  if (pd.keyFingerprint !== info.fingerprintHex)
    throw new BallotError('WRONG_KEY', 'decryption names another election key', { trustee });
  if (!Array.isArray(pd.questions) || pd.questions.length !== alphas.length)
    throw new BallotError('SHAPE_MISMATCH', "decryption does not have the tally's questions", {
      trustee,
    });
  const { point, encode } = arithmetic;
  const Yi = arithmetic.share(share);
  return alphas.map((q, qi) => {
    const given = pd.questions[qi]?.entries;
    if (!Array.isArray(given) || given.length !== q.length)
      throw new BallotError(
        'SHAPE_MISMATCH',
        `decryption question ${qi} does not have the tally's entries`,
        { trustee, question: qi },
      );
    return q.map((A, ei) => {
      const detail = { trustee, question: qi, entry: ei };
      const g = given[ei];
      const D = point(g?.d, 'd', detail);
      if (proofChecked) return D;
      const t1 = point(g?.t1, 't1', detail);
      const t2 = point(g?.t2, 't2', detail);
      const s = scalarFromHex(g?.s, 's', detail);
      const c = decryptionChallengeOf(
        info,
        trustee,
        share.bytes,
        qi,
        ei,
        encode(A),
        encode(D),
        encode(t1),
        encode(t2),
      );
      arithmetic.checkEach(
        chaumPedersenEqs(Yi, A, D, t1, t2, c, s, 'DECRYPTION_PROOF_FAILED', detail),
      );
      return D;
    });
  });
}

/**
 * Checks every partial decryption given and recovers the counts: all n trustees for a version 1
 * key, any t tellers for a version 2 key (threshold.ts). Throws on the first partial that fails
 * (DECRYPTION_PROOF_FAILED naming the trustee), MISSING_TRUSTEE, or COUNT_NOT_FOUND. For a close
 * that should refuse a bad partial and go on with the others, use combinePartials.
 */
export function combineDecryptions(
  key: ElectionKey,
  shape: BallotShape,
  tally: EncryptedTally,
  partials: readonly PartialDecryption[],
): TallyResult {
  const { info, sums } = parseTally(key, shape, tally);
  const valid = new Map<number, Point[][]>();
  for (const pd of partials) {
    if (valid.has(pd?.trustee))
      throw new BallotError('MISSING_TRUSTEE', `trustee ${pd.trustee} decrypted twice`, {
        trustee: pd.trustee,
      });
    valid.set(pd?.trustee, checkPartial(info, sums, pd));
  }
  return resultOf(info, sums, tally.ballots, valid).result;
}
