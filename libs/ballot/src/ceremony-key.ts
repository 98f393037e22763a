/**
 * The tellers' joint election key (format version 2): what round 1 of the key ceremony publishes
 * and what anyone computes from it. Teller i (1..n) holds a secret polynomial
 * P_i(z) = a_i0 + a_i1·z + … + a_i,t−1·z^(t−1) and publishes C_ik = a_ik·G, each with a Schnorr
 * proof of knowledge bound to the ceremony, t, n, i and k (Feldman verifiable secret sharing), and
 * a transport key E_i for receiving shares. Then
 *   Y = Σ_i C_i0                                  (the election key; its secret Σ a_i0 is never formed)
 *   Y_j = Σ_i Σ_k j^k·C_ik = (Σ_i P_i(j))·G         (teller j's verification key)
 * and any t of the final shares x_j = Σ_i P_i(j) give Σ a_i0 by Lagrange interpolation at 0.
 */
import { BallotError } from './errors.js';
import { fromHex, toHex } from './encoding.js';
import {
  ZERO,
  mulPublic,
  pointFromHex,
  pointToBytes,
  scalarFromHex,
  withTable,
  type Point,
} from './group.js';
import { TAGS, challengeOf, sha256Of, transcript } from './hash.js';
import { checkText, fields, integer, list } from './json.js';
import { checkEach, schnorrEqs } from './proofs.js';
import type { SchnorrJSON } from './transport.js';

/** At least 3 tellers (the design's minimum), at most 64; threshold 2..n. */
export const CEREMONY_LIMITS = { minTellers: 3, maxTellers: 64, minThreshold: 2 } as const;

export interface CeremonyParams {
  /** Names the ceremony (e.g. the session); bound into every proof, share and signature. */
  ceremonyId: string;
  /** t: how many tellers are needed to decrypt. */
  threshold: number;
  /** n: how many tellers take part. */
  tellers: number;
}

export interface Round1Message extends CeremonyParams {
  version: 2;
  /** This teller's index, 1..n. */
  index: number;
  /** E_i = e_i·G: the key shares to this teller are encrypted to (hex). */
  transportKey: string;
  /** Schnorr proof of knowledge of e_i. */
  transportProof: SchnorrJSON;
  /** C_ik = a_ik·G for k = 0..t−1 (hex). */
  commitments: string[];
  /** Schnorr proof of knowledge of a_ik, one per commitment. */
  proofs: SchnorrJSON[];
}

/** The election key of a ceremony: the round-1 messages and what follows from them. */
export interface CeremonyKey {
  version: 2;
  ceremonyId: string;
  threshold: number;
  /** Every teller's round-1 message, by index 1..n. */
  tellers: Round1Message[];
  /** Y = Σ C_i0 (hex). */
  publicKey: string;
  /** SHA-256 over the ceremony, t, n, transport keys and commitments (hex). */
  fingerprint: string;
}

export interface TellerPublic {
  index: number;
  E: Point;
  Ebytes: Uint8Array;
  /** C_i0 … C_i,t−1 */
  C: Point[];
}

/** A checked ceremony key, decoded (internal). */
export interface CeremonyInfo {
  ceremonyId: string;
  threshold: number;
  n: number;
  fingerprint: Uint8Array;
  fingerprintHex: string;
  Y: Point;
  tellers: TellerPublic[];
  /** Y_j for j = 1..n (index j − 1). */
  verificationKeys: { index: number; Y: Point; bytes: Uint8Array }[];
}

export function checkParams(p: CeremonyParams): CeremonyParams {
  checkText(p?.ceremonyId, 'ceremonyId');
  const n = integer(
    p.tellers,
    CEREMONY_LIMITS.minTellers,
    CEREMONY_LIMITS.maxTellers,
    'number of tellers',
  );
  integer(p.threshold, CEREMONY_LIMITS.minThreshold, n, 'threshold');
  return p;
}

export function coefficientChallenge(
  p: CeremonyParams,
  index: number,
  k: number,
  C: Uint8Array,
  t: Uint8Array,
): bigint {
  return challengeOf(
    transcript(TAGS.coefficientProof)
      .str(p.ceremonyId)
      .u32(p.threshold)
      .u32(p.tellers)
      .u32(index)
      .u32(k)
      .raw(C)
      .raw(t),
  );
}

export function transportChallenge(
  ceremonyId: string,
  index: number,
  E: Uint8Array,
  t: Uint8Array,
): bigint {
  return challengeOf(transcript(TAGS.transportProof).str(ceremonyId).u32(index).raw(E).raw(t));
}

function checkProof(
  X: Point,
  proof: unknown,
  challenge: (t: Uint8Array) => bigint,
  teller: number,
  check: string,
): void {
  const detail = { trustee: teller, check };
  const o = fields(proof, ['t', 's'], check, detail);
  const t = pointFromHex(o.t, `${check} t`, detail);
  const s = scalarFromHex(o.s, `${check} s`, detail);
  checkEach(schnorrEqs(X, t, challenge(pointToBytes(t)), s, 'TRUSTEE_PROOF_FAILED', detail), ZERO);
}

const ROUND1_FIELDS = [
  'version',
  'ceremonyId',
  'threshold',
  'tellers',
  'index',
  'transportKey',
  'transportProof',
  'commitments',
  'proofs',
];

/** Checks one round-1 message completely (format, every proof); returns it decoded. */
export function verifyRound1(msg: Round1Message, expect?: CeremonyParams): TellerPublic {
  const o = fields(msg, ROUND1_FIELDS, 'round-1 message');
  if (o.version !== 2)
    throw new BallotError('BAD_VERSION', `round-1 message version ${String(o.version)}`);
  const p = checkParams(msg);
  const index = integer(msg.index, 1, p.tellers, 'index');
  const detail = { trustee: index };
  if (
    expect &&
    (p.ceremonyId !== expect.ceremonyId ||
      p.threshold !== expect.threshold ||
      p.tellers !== expect.tellers)
  )
    throw new BallotError(
      'BAD_CEREMONY',
      `teller ${index}'s round-1 message names another ceremony, threshold or number of tellers`,
      detail,
    );
  const E = pointFromHex(msg.transportKey, 'transportKey', detail);
  const Ebytes = pointToBytes(E);
  if (E.is0()) throw new BallotError('BAD_CEREMONY', 'transport key is the identity', detail);
  checkProof(
    E,
    msg.transportProof,
    (t) => transportChallenge(p.ceremonyId, index, Ebytes, t),
    index,
    'transport key proof',
  );
  const cs = list(msg.commitments, p.threshold, 'commitments', detail);
  const ps = list(msg.proofs, p.threshold, 'proofs', detail);
  if (cs.length !== p.threshold || ps.length !== p.threshold)
    throw new BallotError(
      'BAD_CEREMONY',
      `teller ${index} must publish ${p.threshold} commitments with one proof each`,
      detail,
    );
  const C = cs.map((hex, k) => {
    const Ck = pointFromHex(hex, `commitment ${k}`, detail);
    if (Ck.is0())
      throw new BallotError('BAD_CEREMONY', `commitment ${k} is the identity`, {
        ...detail,
        check: `commitment ${k}`,
      });
    const Cb = pointToBytes(Ck);
    checkProof(
      Ck,
      ps[k],
      (t) => coefficientChallenge(p, index, k, Cb, t),
      index,
      `coefficient ${k} proof`,
    );
    return Ck;
  });
  return { index, E, Ebytes, C };
}

/** Checks a full set of round-1 messages (indices exactly 1..n, one ceremony); sorted by index. */
export function verifyRound1Set(round1: readonly Round1Message[]): {
  params: CeremonyParams;
  tellers: TellerPublic[];
} {
  if (!Array.isArray(round1) || round1.length === 0)
    throw new BallotError('BAD_CEREMONY', 'no round-1 messages');
  const first = round1[0];
  const params = checkParams({
    ceremonyId: first?.ceremonyId,
    threshold: first?.threshold,
    tellers: first?.tellers,
  });
  const sorted = [...round1].sort((a, b) => a.index - b.index);
  const tellers = sorted.map((m) => verifyRound1(m, params));
  for (let i = 0; i < params.tellers; i++)
    if (tellers[i]?.index !== i + 1)
      throw new BallotError(
        'MISSING_TRUSTEE',
        `round 1 needs one message from each teller 1..${params.tellers}`,
        { trustee: i + 1 },
      );
  if (tellers.length !== params.tellers)
    throw new BallotError('BAD_CEREMONY', `more than ${params.tellers} round-1 messages`);
  const seen = new Set<string>();
  for (const t of tellers)
    for (const b of [t.Ebytes, pointToBytes(t.C[0])]) {
      const k = toHex(b);
      if (seen.has(k))
        throw new BallotError('BAD_CEREMONY', `teller ${t.index} repeats another teller's key`, {
          trustee: t.index,
        });
      seen.add(k);
    }
  return { params, tellers };
}

/**
 * fingerprint = SHA-256(str(tag) ‖ str(ceremonyId) ‖ u32(t) ‖ u32(n)
 *               ‖ for each teller by index: u32(i) ‖ E_i ‖ C_i0 ‖ … ‖ C_i,t−1)
 */
export function ceremonyFingerprint(params: CeremonyParams, tellers: readonly TellerPublic[]) {
  const w = transcript(TAGS.ceremonyFingerprint)
    .str(params.ceremonyId)
    .u32(params.threshold)
    .u32(params.tellers);
  for (const t of tellers) {
    w.u32(t.index).raw(t.Ebytes);
    for (const C of t.C) w.raw(pointToBytes(C));
  }
  return sha256Of(w.finish());
}

/** Σ_k j^k·C_k by Horner's rule: P(j)·G for the polynomial committed to by C. */
export function evalCommitments(C: readonly Point[], j: number): Point {
  let acc = C[C.length - 1];
  for (let k = C.length - 2; k >= 0; k--) acc = mulPublic(acc, BigInt(j)).add(C[k]);
  return acc;
}

function build(params: CeremonyParams, tellers: TellerPublic[]): CeremonyInfo {
  const fingerprint = ceremonyFingerprint(params, tellers);
  const Y = tellers.reduce((acc, t) => acc.add(t.C[0]), ZERO);
  if (Y.is0()) throw new BallotError('BAD_KEY', 'the joint key is the identity');
  // Σ_i C_ik per k, then Y_j = Σ_k j^k·(Σ_i C_ik).
  const D = Array.from({ length: params.threshold }, (_, k) =>
    tellers.reduce((acc, t) => acc.add(t.C[k]), ZERO),
  );
  const verificationKeys = tellers.map((t) => {
    const Yj = evalCommitments(D, t.index);
    if (Yj.is0())
      throw new BallotError('BAD_KEY', `teller ${t.index}'s verification key is the identity`, {
        trustee: t.index,
      });
    return { index: t.index, Y: Yj, bytes: pointToBytes(Yj) };
  });
  return {
    ceremonyId: params.ceremonyId,
    threshold: params.threshold,
    n: params.tellers,
    fingerprint,
    fingerprintHex: toHex(fingerprint),
    Y: withTable(Y),
    tellers,
    verificationKeys,
  };
}

/** The election key from a complete set of round-1 messages (anyone, e.g. the relaying server). */
export function ceremonyKey(round1: readonly Round1Message[]): CeremonyKey {
  const { params, tellers } = verifyRound1Set(round1);
  const info = build(params, tellers);
  const key: CeremonyKey = {
    version: 2,
    ceremonyId: params.ceremonyId,
    threshold: params.threshold,
    tellers: [...round1].sort((a, b) => a.index - b.index),
    publicKey: toHex(pointToBytes(info.Y)),
    fingerprint: info.fingerprintHex,
  };
  remember(key, info);
  return key;
}

const cache = new Map<string, CeremonyInfo>();

function remember(key: CeremonyKey, info: CeremonyInfo): void {
  if (cache.size >= 16) cache.delete(cache.keys().next().value as string);
  cache.set(JSON.stringify(key), info);
}

/** Checks a ceremony key completely (all proofs, Y, fingerprint); cached by its JSON text. */
export function verifyCeremonyKey(key: CeremonyKey): CeremonyInfo {
  const hit = cache.get(JSON.stringify(key));
  if (hit) return hit;
  const o = fields(
    key,
    ['version', 'ceremonyId', 'threshold', 'tellers', 'publicKey', 'fingerprint'],
    'ceremony key',
  );
  if (o.version !== 2)
    throw new BallotError('BAD_VERSION', `ceremony key version ${String(o.version)}`);
  const { params, tellers } = verifyRound1Set(key.tellers);
  if (params.ceremonyId !== key.ceremonyId || params.threshold !== key.threshold)
    throw new BallotError('BAD_CEREMONY', 'the key names another ceremony or threshold');
  if (key.tellers.some((m, i) => m.index !== i + 1))
    throw new BallotError('BAD_KEY', 'tellers must be listed by index 1..n');
  const info = build(params, tellers);
  if (toHex(pointToBytes(info.Y)) !== key.publicKey)
    throw new BallotError('BAD_KEY', 'publicKey is not the sum of the constant commitments');
  if (info.fingerprintHex !== fromHexString(key.fingerprint))
    throw new BallotError('BAD_KEY', 'fingerprint does not match the round-1 messages');
  remember(key, info);
  return info;
}

function fromHexString(hex: unknown): string {
  return toHex(fromHex(hex, 32, 'fingerprint'));
}
