/**
 * What tellers' devices send each other through the server during the key ceremony, which only
 * relays: a share encrypted to the receiving teller (hashed ElGamal / ECIES on ristretto255 with
 * HKDF-SHA-256 and ChaCha20-Poly1305), and Schnorr signatures made with a teller's transport key,
 * so the relay can neither read a share nor alter or invent a message unnoticed.
 *
 * Share from teller i to teller j: fresh r, R = r·G, K = r·E_j (E_j is j's transport key),
 * key = HKDF-SHA-256(ikm = K, no salt, info = header, 32 bytes), ciphertext = ChaCha20-Poly1305
 * (key, 12 zero bytes as nonce — the key is used once —, aad = header) of the 32-byte share, with
 * header = str(tag) ‖ str(ceremonyId) ‖ fingerprint ‖ u32(i) ‖ u32(j) ‖ R ‖ E_j.
 * The receiver computes K = e_j·R. Revealing K (with a proof that it is e_j·R) lets anyone open
 * this one message and nothing else: that is how a complaint is judged (ceremony-verify.ts).
 */
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { BallotError, type BallotErrorDetail } from './errors.js';
import { fromHex, toHex } from './encoding.js';
import {
  ZERO,
  mul,
  mulG,
  pointFromHex,
  pointToBytes,
  pointToHex,
  scalarFromBytes,
  scalarFromHex,
  scalarToBytes,
  scalarToHex,
  type Point,
} from './group.js';
import { TAGS, challengeOf, transcript, type Tag } from './hash.js';
import { checkEach, proveSchnorr, schnorrEqs } from './proofs.js';
import { randomScalar, type Rng } from './rng.js';

/** A Schnorr proof or signature: commitment t = w·G, response s = w + c·x. */
export interface SchnorrJSON {
  t: string;
  s: string;
}

export interface EncryptedShare {
  /** Receiving teller's index. */
  to: number;
  /** R = r·G (hex). */
  ephemeral: string;
  /** ChaCha20-Poly1305 of the 32-byte share: 48 bytes (hex). */
  ciphertext: string;
}

export interface ShareContext {
  ceremonyId: string;
  fingerprint: Uint8Array;
  from: number;
  to: number;
}

function header(ctx: ShareContext, R: Uint8Array, Eto: Uint8Array): Uint8Array {
  return transcript(TAGS.shareEncryption)
    .str(ctx.ceremonyId)
    .raw(ctx.fingerprint)
    .u32(ctx.from)
    .u32(ctx.to)
    .raw(R)
    .raw(Eto)
    .finish();
}

const NONCE = new Uint8Array(12);

function aead(K: Point, h: Uint8Array) {
  return chacha20poly1305(hkdf(sha256, pointToBytes(K), undefined, h, 32), NONCE, h);
}

export function encryptShare(
  ctx: ShareContext,
  Eto: Point,
  share: bigint,
  rng: Rng,
): EncryptedShare {
  const r = randomScalar(rng);
  const R = pointToBytes(mulG(r));
  const h = header(ctx, R, pointToBytes(Eto));
  const ct = aead(mul(Eto, r), h).encrypt(scalarToBytes(share));
  return { to: ctx.to, ephemeral: toHex(R), ciphertext: toHex(ct) };
}

/** Why a share could not be read, or the share. */
export type OpenedShare = { ok: true; share: bigint } | { ok: false; why: string };

/** Opens a share with the shared point K = e_to·R (the receiver's, or one revealed in a complaint). */
export function openShare(
  ctx: ShareContext,
  Eto: Point,
  enc: EncryptedShare,
  K: Point,
): OpenedShare {
  const R = fromHex(enc.ephemeral, 32, 'ephemeral');
  let plain: Uint8Array;
  try {
    plain = aead(K, header(ctx, R, pointToBytes(Eto))).decrypt(
      fromHex(enc.ciphertext, 48, 'ciphertext'),
    );
  } catch (e) {
    if (e instanceof BallotError) throw e;
    return { ok: false, why: 'the ciphertext does not decrypt (authentication fails)' };
  }
  try {
    return { ok: true, share: scalarFromBytes(plain, 'share') };
  } catch {
    return { ok: false, why: 'the plaintext is not a canonical scalar' };
  }
}

/** The shared point K = e·R of an encrypted share, for the holder of the transport secret e. */
export function sharedPoint(e: bigint, enc: EncryptedShare, detail: BallotErrorDetail): Point {
  const R = pointFromHex(enc.ephemeral, 'ephemeral', detail);
  return R.is0() ? ZERO : mul(R, e);
}

// ---------------------------------------------------------------------------------------------
// Schnorr signatures with a transport key: c = H(str(tag) ‖ E ‖ t ‖ message), s = w + c·e.

function signatureChallenge(tag: Tag, E: Uint8Array, t: Uint8Array, msg: Uint8Array): bigint {
  return challengeOf(transcript(tag).raw(E).raw(t).raw(msg));
}

export function sign(tag: Tag, e: bigint, msg: Uint8Array, rng: Rng): SchnorrJSON {
  const E = pointToBytes(mulG(e));
  const p = proveSchnorr(e, (t) => signatureChallenge(tag, E, pointToBytes(t), msg), rng);
  return { t: pointToHex(p.t), s: scalarToHex(p.s) };
}

/** Throws BAD_SIGNATURE (with `detail`) unless `sig` is E's signature on `msg`. */
export function verifySignature(
  tag: Tag,
  E: Point,
  msg: Uint8Array,
  sig: SchnorrJSON,
  detail: BallotErrorDetail,
): void {
  const t = pointFromHex(sig?.t, 'signature.t', detail);
  const s = scalarFromHex(sig?.s, 'signature.s', detail);
  const c = signatureChallenge(tag, pointToBytes(E), pointToBytes(t), msg);
  checkEach(schnorrEqs(E, t, c, s, 'BAD_SIGNATURE', detail), ZERO);
}
