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
  // Format version 2: the tellers' key ceremony, share custody, the board and the record.
  ceremonyFingerprint: 'congress-ballot/2/ceremony-fingerprint',
  coefficientProof: 'congress-ballot/2/coefficient-proof',
  transportProof: 'congress-ballot/2/transport-proof',
  shareEncryption: 'congress-ballot/2/share-encryption',
  round2Signature: 'congress-ballot/2/round2-signature',
  ackSignature: 'congress-ballot/2/ack-signature',
  complaintProof: 'congress-ballot/2/complaint-proof',
  sealedShare: 'congress-ballot/2/sealed-share',
  sealedRoundState: 'congress-ballot/2/sealed-round-state',
  recoverySheet: 'congress-ballot/2/recovery-sheet',
  poll: 'congress-ballot/2/poll',
  issued: 'congress-ballot/2/issued',
  boardGenesis: 'congress-ballot/2/board-genesis',
  boardLink: 'congress-ballot/2/board-link',
  receipt: 'congress-ballot/2/receipt',
  // Format version 3: ballot slips, credentials the server cannot forge.
  slipBatch: 'congress-ballot/3/slip-batch',
  issuedSlips: 'congress-ballot/3/issued-slips',
  slipVoter: 'congress-ballot/3/slip-voter',
  slipSignature: 'congress-ballot/3/slip-signature',
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
