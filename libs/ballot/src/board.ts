/**
 * The bulletin board as a hash chain, and the receipts the server signs for each ballot.
 *
 *   h_0 = SHA-256(str(tag genesis) ‖ str(pollId) ‖ fingerprint ‖ pollDigest ‖ issuedDigest)
 *   h_i = SHA-256(str(tag link) ‖ h_(i−1) ‖ tracker_i)            (position i = 1, 2, …)
 *
 * h_0 binds the poll (with its option labels and rule) and the credentials issued at opening, so
 * neither can change once the first receipt is out. A receipt says: this tracker is at position i
 * and the chain's head after it is h_i, signed with the server's Ed25519 key. A server that later
 * drops or reorders a ballot publishes a chain that no longer passes through the h_i its receipt
 * shows, and the delegate holds the signed proof of it.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { BallotError } from './errors.js';
import { ByteWriter, fromHex, toHex } from './encoding.js';
import { TAGS, sha256Of, transcript } from './hash.js';
import { checkText, fields, integer } from './json.js';
import { shortCode } from './ballot.js';
import { defaultRng, type Rng } from './rng.js';

export interface GenesisInput {
  pollId: string;
  /** The election key's fingerprint (hex). */
  fingerprint: string;
  /** pollDigest of the poll description (record-poll.ts), hex. */
  pollDigest: string;
  /** issuedDigest of the issued credentials (record-poll.ts), hex. */
  issuedDigest: string;
}

export function boardGenesis(g: GenesisInput): string {
  return toHex(
    sha256Of(
      transcript(TAGS.boardGenesis)
        .str(checkText(g.pollId, 'pollId'))
        .raw(fromHex(g.fingerprint, 32, 'fingerprint'))
        .raw(fromHex(g.pollDigest, 32, 'pollDigest'))
        .raw(fromHex(g.issuedDigest, 32, 'issuedDigest'))
        .finish(),
    ),
  );
}

/** h_i from h_(i−1) and the i-th tracker. */
export function chainLink(previous: string, tracker: string): string {
  return toHex(
    sha256Of(
      transcript(TAGS.boardLink)
        .raw(fromHex(previous, 32, 'chain head'))
        .raw(fromHex(tracker, 32, 'tracker'))
        .finish(),
    ),
  );
}

/** h_1 … h_n for the trackers in board order. */
export function chainHeads(genesis: string, trackers: readonly string[]): string[] {
  const out: string[] = [];
  let h = genesis;
  for (const t of trackers) out.push((h = chainLink(h, t)));
  return out;
}

/**
 * Checks published heads against the trackers: entry i (position i + 1) must show h_(i+1), and
 * `head` must be the last (h_0 for an empty board). Throws CHAIN_MISMATCH naming the first
 * position that breaks.
 */
export function verifyChain(
  genesis: string,
  entries: readonly { tracker: string; chainHead: string }[],
  head: string,
): void {
  let h = genesis;
  entries.forEach((e, i) => {
    h = chainLink(h, e.tracker);
    if (e.chainHead !== h)
      throw new BallotError(
        'CHAIN_MISMATCH',
        `position ${i + 1}: the chain head is not the hash of the previous head and this tracker`,
        { ballot: i, check: `position ${i + 1}` },
      );
  });
  if (head !== h)
    throw new BallotError(
      'CHAIN_MISMATCH',
      'the published head is not the last link of the chain',
      {
        check: 'head',
      },
    );
}

// ---------------------------------------------------------------------------------------------
// Receipts.

export interface Receipt {
  version: 2;
  pollId: string;
  tracker: string;
  shortCode: string;
  /** Board position, from 1. */
  position: number;
  /** h_position (hex). */
  chainHead: string;
  /** When the server stored the ballot: ISO 8601 in UTC, e.g. 2026-11-21T06:30:00.000Z. */
  receivedAt: string;
}

export interface SignedReceipt extends Receipt {
  /** Ed25519 signature (64 bytes, hex) over receiptBytes, by the board key. */
  signature: string;
}

const UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** str(tag) ‖ str(pollId) ‖ tracker ‖ str(shortCode) ‖ u32(position) ‖ chainHead ‖ str(receivedAt) */
export function receiptBytes(r: Receipt): Uint8Array {
  if (typeof r.receivedAt !== 'string' || !UTC.test(r.receivedAt))
    throw new BallotError('BAD_ENCODING', 'receivedAt must be an ISO 8601 time in UTC', {
      check: 'receivedAt',
    });
  return new ByteWriter()
    .str(TAGS.receipt)
    .str(checkText(r.pollId, 'pollId'))
    .raw(fromHex(r.tracker, 32, 'tracker'))
    .str(checkText(r.shortCode, 'shortCode'))
    .u32(integer(r.position, 1, 0xffffffff, 'position'))
    .raw(fromHex(r.chainHead, 32, 'chainHead'))
    .str(r.receivedAt)
    .finish();
}

/** A board signing key pair (Ed25519, hex). The server keeps the secret; the record shows the public. */
export function boardKeyPair(rng: Rng = defaultRng): { secretKey: string; publicKey: string } {
  const sk = rng(32);
  return { secretKey: toHex(sk), publicKey: toHex(ed25519.getPublicKey(sk)) };
}

export function signReceipt(r: Receipt, secretKey: string): SignedReceipt {
  if (r.shortCode !== shortCode(r.tracker))
    throw new BallotError('BAD_ENCODING', 'shortCode is not the tracker’s', { check: 'shortCode' });
  const sig = ed25519.sign(receiptBytes(r), fromHex(secretKey, 32, 'secretKey'));
  return { ...r, signature: toHex(sig) };
}

/** Checks the board key's signature on a receipt (BAD_SIGNATURE); returns the receipt. */
export function verifyReceipt(s: SignedReceipt, publicKey: string): Receipt {
  const o = fields(
    s,
    [
      'version',
      'pollId',
      'tracker',
      'shortCode',
      'position',
      'chainHead',
      'receivedAt',
      'signature',
    ],
    'receipt',
  );
  if (o.version !== 2) throw new BallotError('BAD_VERSION', `receipt version ${String(o.version)}`);
  const { signature, ...r } = s;
  const sig = fromHex(signature, 64, 'signature');
  const msg = receiptBytes(r);
  const pub = fromHex(publicKey, 32, 'board key');
  let ok: boolean;
  try {
    ok = ed25519.verify(sig, msg, pub);
  } catch {
    ok = false; // a public key or signature that is not a curve point: not a valid signature
  }
  if (!ok || r.shortCode !== shortCode(r.tracker))
    throw new BallotError('BAD_SIGNATURE', 'the receipt is not signed by this board key', {
      check: 'receipt signature',
    });
  return r;
}
