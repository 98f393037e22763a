/**
 * Domain-separated hashing. Every hash input starts with `str(tag)`; the tags below are the whole
 * list (README.md, "Hash inputs"). Challenges are SHA-512 reduced mod l; digests are SHA-256.
 */
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { ByteWriter } from './encoding.js';
import { scalarFromWide } from './group.js';

export const TAGS = {
  context: 'congress-ballot/1/context',
  entryProof: 'congress-ballot/1/entry-proof',
  sumProof: 'congress-ballot/1/sum-proof',
  trusteeProof: 'congress-ballot/1/trustee-proof',
  keyFingerprint: 'congress-ballot/1/key-fingerprint',
  ballot: 'congress-ballot/1/ballot',
  tally: 'congress-ballot/1/tally',
  decryptionProof: 'congress-ballot/1/decryption-proof',
  recoveryCode: 'congress-ballot/1/recovery-code',
  rng: 'congress-ballot/1/deterministic-rng',
} as const;

export type Tag = (typeof TAGS)[keyof typeof TAGS];

/** A writer that already holds `str(tag)`. */
export function transcript(tag: Tag): ByteWriter {
  return new ByteWriter().str(tag);
}

/** Fiat–Shamir challenge: SHA-512 of the transcript, read little-endian, reduced mod l. */
export function challengeOf(t: ByteWriter): bigint {
  return scalarFromWide(sha512(t.finish()));
}

export function sha256Of(bytes: Uint8Array): Uint8Array {
  return sha256(bytes);
}

export function sha512Of(bytes: Uint8Array): Uint8Array {
  return sha512(bytes);
}
