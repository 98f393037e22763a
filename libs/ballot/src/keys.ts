/**
 * Trustees and the election key. Each trustee makes a share on its own device: a secret x_i, the
 * public share Y_i = x_i·G and a Schnorr proof of knowledge of x_i bound to the poll and the
 * trustee's index (so nobody can submit a share derived from others' shares). The election key is
 * Y = Σ Y_i; its fingerprint is SHA-256 over the poll id and the shares. A single trustee (n = 1)
 * is the "custodian" mode: the same code, with the server holding the only share.
 */
import { BallotError } from './errors.js';
import { equalBytes, fromBase32Lenient, fromHex, toBase32, toHex } from './encoding.js';
import { checkText } from './json.js';
import { verifyCeremonyKey, type CeremonyKey } from './ceremony-key.js';
import type { TellerSecret } from './ceremony.js';

export { checkText };
import {
  ZERO,
  mulG,
  pointFromHex,
  pointToBytes,
  pointToHex,
  scalarFromBytes,
  scalarFromHex,
  scalarToBytes,
  scalarToHex,
  withTable,
  type Point,
} from './group.js';
import { TAGS, challengeOf, sha256Of, transcript } from './hash.js';
import { checkEach, proveSchnorr, schnorrEqs } from './proofs.js';
import { defaultRng, randomScalar, type Rng } from './rng.js';

export const FORMAT_VERSION = 1 as const;

export interface TrusteeShare {
  version: 1;
  pollId: string;
  /** 1-based position of the trustee in the election key. */
  index: number;
  /** Y_i = x_i·G (hex of 32 bytes). */
  publicKey: string;
  /** Schnorr proof of knowledge of x_i: commitment t = w·G, response s = w + c·x_i. */
  proof: { t: string; s: string };
}

/** What a trustee keeps (on its tablet, or on paper as a recovery code). Never send it anywhere. */
export interface TrusteeSecret {
  version: 1;
  pollId: string;
  index: number;
  /** x_i (hex of 32 little-endian bytes). */
  secret: string;
}

/** Format version 1: n trustees, all n needed to decrypt (n = 1 is the custodian mode). */
export interface ElectionKeyV1 {
  version: 1;
  pollId: string;
  /** Ordered by index, which runs 1..n. */
  trustees: TrusteeShare[];
  /** Y = Σ Y_i (hex). */
  publicKey: string;
  /** SHA-256 fingerprint of the shares (hex, 32 bytes). */
  fingerprint: string;
}

/**
 * Format version 2: one poll under the tellers' ceremony key (threshold t of n). Ballots of the
 * poll name `pollId` and the ceremony's fingerprint exactly as version 1 ballots do.
 */
export interface PollKey {
  version: 2;
  pollId: string;
  ceremony: CeremonyKey;
}

/** Any key a poll's ballots can be encrypted to. */
export type ElectionKey = ElectionKeyV1 | PollKey;

export function pollKey(pollId: string, ceremony: CeremonyKey): PollKey {
  checkText(pollId, 'pollId');
  verifyCeremonyKey(ceremony);
  return { version: 2, pollId, ceremony };
}

/** An election key that was checked, with its points decoded (internal). */
export interface KeyInfo {
  version: 1 | 2;
  /** How many decryption shares are needed: n for version 1, t for version 2. */
  threshold: number;
  pollId: string;
  fingerprint: Uint8Array;
  fingerprintHex: string;
  /** The election key with a precomputed table. */
  Y: Point;
  Ybytes: Uint8Array;
  /** Per trustee (v1: Y_i) or teller (v2: verification key Y_i), by index 1..n. */
  shares: { index: number; Y: Point; bytes: Uint8Array }[];
}

function checkIndex(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 1000)
    throw new BallotError('BAD_ENCODING', `${what} must be an integer in 1..1000`, { check: what });
  return v;
}

function trusteeChallenge(pollId: string, index: number, Yi: Uint8Array, t: Uint8Array): bigint {
  return challengeOf(transcript(TAGS.trusteeProof).str(pollId).u32(index).raw(Yi).raw(t));
}

/** Makes a trustee's share, its secret and the secret's printable recovery code. */
export function createTrustee(
  pollId: string,
  index: number,
  rng: Rng = defaultRng,
): { share: TrusteeShare; secret: TrusteeSecret; recoveryCode: string } {
  checkText(pollId, 'pollId');
  checkIndex(index, 'index');
  const x = randomScalar(rng);
  const Yi = mulG(x);
  const Yb = pointToBytes(Yi);
  const proof = proveSchnorr(x, (t) => trusteeChallenge(pollId, index, Yb, pointToBytes(t)), rng);
  const secret: TrusteeSecret = { version: 1, pollId, index, secret: scalarToHex(x) };
  return {
    share: {
      version: 1,
      pollId,
      index,
      publicKey: toHex(Yb),
      proof: { t: pointToHex(proof.t), s: scalarToHex(proof.s) },
    },
    secret,
    recoveryCode: recoveryCode(secret),
  };
}

/** Checks one share's format and proof; returns its decoded public point. */
export function verifyTrusteeShare(share: TrusteeShare, pollId?: string): Point {
  if (!share || typeof share !== 'object')
    throw new BallotError('BAD_ENCODING', 'share must be an object');
  if (share.version !== FORMAT_VERSION)
    throw new BallotError('BAD_VERSION', `share version ${String(share.version)}`);
  checkText(share.pollId, 'pollId');
  const index = checkIndex(share.index, 'index');
  const detail = { trustee: index };
  if (pollId !== undefined && share.pollId !== pollId)
    throw new BallotError(
      'WRONG_POLL',
      `trustee ${index}'s share is for poll "${share.pollId}"`,
      detail,
    );
  const Yi = pointFromHex(share.publicKey, 'publicKey', detail);
  if (Yi.is0())
    throw new BallotError('BAD_KEY', `trustee ${index}'s share is the identity`, detail);
  const t = pointFromHex(share.proof?.t, 'proof.t', detail);
  const s = scalarFromHex(share.proof?.s, 'proof.s', detail);
  const c = trusteeChallenge(share.pollId, index, pointToBytes(Yi), pointToBytes(t));
  checkEach(
    schnorrEqs(Yi, t, c, s, 'TRUSTEE_PROOF_FAILED', { ...detail, check: 'proof of knowledge' }),
    ZERO,
  );
  return Yi;
}

function fingerprintOf(
  pollId: string,
  shares: readonly { index: number; bytes: Uint8Array }[],
): Uint8Array {
  const w = transcript(TAGS.keyFingerprint).str(pollId).u32(shares.length);
  for (const s of shares) w.u32(s.index).raw(s.bytes);
  return sha256Of(w.finish());
}

/**
 * Combines verified shares (any order; indices must be exactly 1..n) into the election key.
 * Throws TRUSTEE_PROOF_FAILED, WRONG_POLL or BAD_KEY.
 */
export function combineElectionKey(pollId: string, shares: readonly TrusteeShare[]): ElectionKeyV1 {
  checkText(pollId, 'pollId');
  if (!Array.isArray(shares) || shares.length === 0)
    throw new BallotError('BAD_KEY', 'an election key needs at least one trustee');
  const sorted = [...shares].sort((a, b) => a.index - b.index);
  const decoded = sorted.map((s) => ({
    index: s.index,
    Y: verifyTrusteeShare(s, pollId),
    bytes: fromHex(s.publicKey, 32, 'publicKey'),
  }));
  checkIndices(decoded.map((d) => d.index));
  checkDistinct(decoded);
  const Y = decoded.reduce((acc, d) => acc.add(d.Y), ZERO);
  if (Y.is0()) throw new BallotError('BAD_KEY', 'the combined key is the identity');
  return {
    version: 1,
    pollId,
    trustees: sorted.map((s) => ({
      version: 1,
      pollId: s.pollId,
      index: s.index,
      publicKey: s.publicKey,
      proof: { t: s.proof.t, s: s.proof.s },
    })),
    publicKey: pointToHex(Y),
    fingerprint: toHex(fingerprintOf(pollId, decoded)),
  };
}

function checkIndices(indices: number[]): void {
  indices.forEach((ix, i) => {
    if (ix !== i + 1)
      throw new BallotError('BAD_KEY', `trustee indices must be exactly 1..${indices.length}`, {
        trustee: ix,
      });
  });
}

function checkDistinct(shares: readonly { index: number; bytes: Uint8Array }[]): void {
  const seen = new Set<string>();
  for (const s of shares) {
    const k = toHex(s.bytes);
    if (seen.has(k))
      throw new BallotError('BAD_KEY', `trustee ${s.index} repeats another trustee's share`, {
        trustee: s.index,
      });
    seen.add(k);
  }
}

const keyCache = new Map<string, KeyInfo>();

/**
 * Checks an election key completely (every share's proof, indices, combined key, fingerprint) and
 * returns it decoded. Results are cached by the key's JSON text (16 most recent), so calling this
 * for every ballot costs one JSON.stringify.
 */
export function verifyElectionKey(key: ElectionKey): KeyInfo {
  const cacheKey = JSON.stringify(key);
  const hit = keyCache.get(cacheKey);
  if (hit) return hit;
  if (!key || typeof key !== 'object')
    throw new BallotError('BAD_ENCODING', 'election key must be an object');
  const info = key.version === 2 ? pollKeyInfo(key) : v1KeyInfo(key);
  if (keyCache.size >= 16) keyCache.delete(keyCache.keys().next().value as string);
  keyCache.set(cacheKey, info);
  return info;
}

function pollKeyInfo(key: PollKey): KeyInfo {
  checkText(key.pollId, 'pollId');
  const c = verifyCeremonyKey(key.ceremony);
  return {
    version: 2,
    threshold: c.threshold,
    pollId: key.pollId,
    fingerprint: c.fingerprint,
    fingerprintHex: c.fingerprintHex,
    Y: c.Y,
    Ybytes: pointToBytes(c.Y),
    shares: c.verificationKeys,
  };
}

function v1KeyInfo(key: ElectionKeyV1): KeyInfo {
  if (key.version !== FORMAT_VERSION)
    throw new BallotError('BAD_VERSION', `election key version ${String(key.version)}`);
  const rebuilt = combineElectionKey(key.pollId, key.trustees);
  const given = key.trustees.map((t) => t.index);
  if (given.some((ix, i) => ix !== i + 1))
    throw new BallotError('BAD_KEY', 'trustees must be listed by index 1..n');
  if (rebuilt.publicKey !== key.publicKey)
    throw new BallotError('BAD_KEY', 'publicKey is not the sum of the trustee shares');
  if (rebuilt.fingerprint !== key.fingerprint)
    throw new BallotError('BAD_KEY', 'fingerprint does not match the trustee shares');
  const shares = key.trustees.map((t) => ({
    index: t.index,
    Y: pointFromHex(t.publicKey, 'publicKey'),
    bytes: fromHex(t.publicKey, 32, 'publicKey'),
  }));
  const Y = withTable(pointFromHex(key.publicKey, 'publicKey'));
  return {
    version: 1,
    threshold: shares.length,
    pollId: key.pollId,
    fingerprint: fromHex(key.fingerprint, 32, 'fingerprint'),
    fingerprintHex: key.fingerprint,
    Y,
    Ybytes: pointToBytes(Y),
    shares,
  };
}

/** Fingerprint for people: 16 base32 characters in groups of 4 (80 bits), e.g. on the projector. */
export function shortFingerprint(fingerprintHex: string): string {
  return groups(toBase32(fromHex(fingerprintHex, 32, 'fingerprint').subarray(0, 10)));
}

export function groups(s: string): string {
  return s.match(/.{1,4}/g)?.join('-') ?? '';
}

// ---------------------------------------------------------------------------------------------
// Recovery code: base32 of x_i (32 bytes little-endian) ‖ first 3 bytes of
// SHA-256(str(tag) ‖ x_i), 56 characters printed in 14 groups of 4.

function recoveryChecksum(x: Uint8Array): Uint8Array {
  return sha256Of(transcript(TAGS.recoveryCode).raw(x).finish()).subarray(0, 3);
}

export function recoveryCode(secret: TrusteeSecret): string {
  const x = scalarToBytes(scalarFromHex(secret.secret, 'secret'));
  const payload = new Uint8Array(35);
  payload.set(x);
  payload.set(recoveryChecksum(x), 32);
  return groups(toBase32(payload));
}

/**
 * Reads a recovery code typed back by a trustee (case, spaces and hyphens do not matter) and
 * checks it against the trustee's share in the election key. Throws BAD_RECOVERY_CODE on a typo,
 * WRONG_SECRET when it is a valid code for another share.
 */
export function secretFromRecoveryCode(
  key: ElectionKeyV1,
  index: number,
  code: string,
): TrusteeSecret {
  const bytes = fromBase32Lenient(code);
  if (!bytes || bytes.length !== 35)
    throw new BallotError('BAD_RECOVERY_CODE', 'a recovery code has 56 letters and digits 2-7');
  const x = bytes.subarray(0, 32);
  if (!equalBytes(recoveryChecksum(x), bytes.subarray(32)))
    throw new BallotError('BAD_RECOVERY_CODE', 'checksum does not match: a character was mistyped');
  const secret: TrusteeSecret = { version: 1, pollId: key.pollId, index, secret: toHex(x) };
  checkTrusteeSecret(key, secret);
  return secret;
}

/**
 * Checks that a secret belongs to the given trustee (v1) or teller (v2) of this key; returns x_i.
 * A teller's secret serves every poll of its ceremony.
 */
export function checkTrusteeSecret(key: ElectionKey, secret: TrusteeSecret | TellerSecret): bigint {
  const info = verifyElectionKey(key);
  if (secret?.version === 2) {
    if (info.version !== 2 || secret.fingerprint !== info.fingerprintHex)
      throw new BallotError('WRONG_KEY', "the teller's secret is for another ceremony key", {
        trustee: secret.index,
      });
  } else if (secret?.pollId !== info.pollId)
    throw new BallotError('WRONG_POLL', `secret is for poll "${secret?.pollId}"`);
  const share = info.shares.find((s) => s.index === secret.index);
  if (!share)
    throw new BallotError('MISSING_TRUSTEE', `no trustee ${secret.index} in this key`, {
      trustee: secret.index,
    });
  const x = scalarFromBytes(fromHex(secret.secret, 32, 'secret'), 'secret');
  if (x === 0n || !mulG(x).equals(share.Y))
    throw new BallotError('WRONG_SECRET', `secret does not match trustee ${secret.index}'s share`, {
      trustee: secret.index,
    });
  return x;
}
