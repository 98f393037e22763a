/**
 * Ballot slips (投票凭证): voter credentials the server cannot forge, format version 3 of the
 * record (RECORD.md §7; README.md, "Ballot slips").
 *
 * The paper hall's practice: a delegate who checks in draws a ballot paper, and nobody records
 * which one. Here each teller's device makes one batch of Ed25519 key pairs for a session, prints
 * each secret key as a slip (a QR code) and publishes only the batch's public keys, sorted, so
 * the list says nothing about the printing order. At check-in a delegate draws one slip from each
 * teller's box and the tablet scans them. The ballot's `voter` is then the slips' voter,
 *
 *   voter = hex(SHA-256(str(tag voter) ‖ str(sessionId) ‖ u32(k) ‖ pk_1 ‖ … ‖ pk_k))
 *
 * (teller order), so the ballot's proofs are bound to the slips drawn, and the tablet signs the
 * ballot's tracker with every slip's key:
 *
 *   sig_j = Ed25519(sk_j, str(tag signature) ‖ str(pollId) ‖ tracker)
 *
 * The server receives public keys only. To cast for a delegate who did not vote it would need a
 * slip from every teller's box, so one honest teller stops it; and since the draw is not
 * recorded, neither the server nor a teller can tell whose slips signed which ballot. A slip's
 * keys serve every poll of its session (the signature names the poll), so two ballots of one
 * session under the same slips are linkable to each other, never to a name.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { fromBase32Lenient, fromHex, toBase32, toHex } from './encoding.js';
import { BallotError, type BallotErrorCode } from './errors.js';
import { TAGS, sha256Of, transcript } from './hash.js';
import { checkText, fields, integer, list } from './json.js';
import { defaultRng, type Rng } from './rng.js';

/** What a teller's device publishes: its batch's public keys, sorted, distinct. */
export interface SlipBatch {
  sessionId: string;
  /** The teller's index in the session's ceremony (1-based). */
  teller: number;
  publicKeys: string[];
}

/** One printed slip: the secret stays on paper until a tablet scans it. */
export interface Slip {
  sessionId: string;
  teller: number;
  secretKey: string;
  publicKey: string;
}

/** One slip's signature on a ballot, in teller order. */
export interface SlipSignature {
  teller: number;
  publicKey: string;
  signature: string;
}

/** The QR payload of a slip: prefix, version, teller, session, then the secret in base32. */
export const SLIP_PREFIX = 'congress-slip';
const MAX_BATCH = 100_000;

export function generateSlipBatch(
  p: { sessionId: string; teller: number; count: number },
  rng: Rng = defaultRng,
): { batch: SlipBatch; slips: Slip[] } {
  checkText(p.sessionId, 'sessionId');
  integer(p.teller, 1, 64, 'teller');
  integer(p.count, 1, MAX_BATCH, 'count');
  const slips: Slip[] = [];
  const seen = new Set<string>();
  while (slips.length < p.count) {
    const sk = rng(32);
    const publicKey = toHex(ed25519.getPublicKey(sk));
    if (seen.has(publicKey)) continue; // only a broken rng repeats; never print the same slip twice
    seen.add(publicKey);
    slips.push({ sessionId: p.sessionId, teller: p.teller, secretKey: toHex(sk), publicKey });
  }
  const publicKeys = slips.map((s) => s.publicKey).sort();
  return { batch: { sessionId: p.sessionId, teller: p.teller, publicKeys }, slips };
}

/** Checks a published batch's form: sorted, distinct, 32-byte keys. */
export function checkSlipBatch(b: SlipBatch): SlipBatch {
  checkText(b.sessionId, 'sessionId');
  integer(b.teller, 1, 64, 'teller');
  if (!Array.isArray(b.publicKeys) || b.publicKeys.length === 0 || b.publicKeys.length > MAX_BATCH)
    throw new BallotError(
      'ISSUED_MISMATCH',
      `teller ${b.teller}'s slip batch is empty or too long`,
    );
  b.publicKeys.forEach((pk, i) => {
    fromHex(pk, 32, 'slip public key');
    if (i > 0 && b.publicKeys[i - 1] >= pk)
      throw new BallotError(
        'ISSUED_MISMATCH',
        `teller ${b.teller}'s slip batch is not sorted and distinct`,
      );
  });
  return b;
}

/** SHA-256 of a batch, for the record and the projector (hex). */
export function slipBatchDigest(b: SlipBatch): string {
  checkSlipBatch(b);
  const w = transcript(TAGS.slipBatch).str(b.sessionId).u32(b.teller).u32(b.publicKeys.length);
  for (const pk of b.publicKeys) w.raw(fromHex(pk, 32, 'slip public key'));
  return toHex(sha256Of(w.finish()));
}

export function slipText(s: Slip): string {
  return `${SLIP_PREFIX}:1:${s.teller}:${s.sessionId}:${toBase32(fromHex(s.secretKey, 32, 'secretKey'))}`;
}

/** A scanned slip back to its keys; BAD_ENCODING for anything else. */
export function readSlip(text: string): Slip {
  const parts = text.trim().split(':');
  const bad = () => new BallotError('BAD_ENCODING', 'not a ballot slip', { check: 'slip' });
  if (parts.length !== 5 || parts[0] !== SLIP_PREFIX || parts[1] !== '1') throw bad();
  const teller = Number(parts[2]);
  if (!Number.isInteger(teller) || teller < 1 || teller > 64) throw bad();
  const sk = fromBase32Lenient(parts[4]);
  if (!sk || sk.length !== 32 || !parts[3]) throw bad();
  return {
    sessionId: parts[3],
    teller,
    secretKey: toHex(sk),
    publicKey: toHex(ed25519.getPublicKey(sk)),
  };
}

/** The ballot's `voter` for these slips' public keys, in teller order. */
export function slipVoter(sessionId: string, publicKeys: readonly string[]): string {
  const w = transcript(TAGS.slipVoter)
    .str(checkText(sessionId, 'sessionId'))
    .u32(publicKeys.length);
  for (const pk of publicKeys) w.raw(fromHex(pk, 32, 'slip public key'));
  return toHex(sha256Of(w.finish()));
}

/** The bytes each slip signs for a ballot: str(tag) ‖ str(pollId) ‖ tracker (RECORD.md §7). */
export const slipSignedBytes = (pollId: string, tracker: string): Uint8Array =>
  transcript(TAGS.slipSignature)
    .str(checkText(pollId, 'pollId'))
    .raw(fromHex(tracker, 32, 'tracker'))
    .finish();

/** The tablet's side: one signature per drawn slip on the ballot's tracker. */
export function signWithSlips(
  pollId: string,
  tracker: string,
  slips: readonly Slip[],
): SlipSignature[] {
  const msg = slipSignedBytes(pollId, tracker);
  return [...slips]
    .sort((a, b) => a.teller - b.teller)
    .map((s) => ({
      teller: s.teller,
      publicKey: s.publicKey,
      signature: toHex(ed25519.sign(msg, fromHex(s.secretKey, 32, 'secretKey'))),
    }));
}

/** The published batches of a session, indexed for checking many ballots. */
export interface IssuedSlips {
  sessionId: string;
  batches: { teller: number; keys: Set<string> }[];
}

export function issuedSlips(batches: readonly SlipBatch[]): IssuedSlips {
  if (batches.length === 0) throw new BallotError('ISSUED_MISMATCH', 'no slip batches');
  const sessionId = batches[0].sessionId;
  const sorted = [...batches].sort((a, b) => a.teller - b.teller);
  sorted.forEach((b, i) => {
    checkSlipBatch(b);
    if (b.sessionId !== sessionId || (i > 0 && sorted[i - 1].teller === b.teller))
      throw new BallotError(
        'ISSUED_MISMATCH',
        'slip batches of different sessions or one teller twice',
      );
  });
  return {
    sessionId,
    batches: sorted.map((b) => ({ teller: b.teller, keys: new Set(b.publicKeys) })),
  };
}

/**
 * Checks a ballot's slips: one from each teller's published batch, each signing this poll and
 * tracker, and the ballot's voter derived from them. Returns the slips' public keys.
 * UNISSUED_CREDENTIAL, BAD_SIGNATURE or WRONG_VOTER, naming the teller.
 */
export function checkSlipSignatures(
  b: { pollId: string; tracker: string; voter: string; slips: readonly SlipSignature[] },
  issued: IssuedSlips,
): string[] {
  const keys = publishedKeys(b.slips, issued);
  const msg = slipSignedBytes(b.pollId, b.tracker);
  b.slips.forEach((s, i) => {
    const batch = issued.batches[i];
    const signature = fromHex(s.signature, 64, 'signature'); // malformed: BAD_ENCODING
    let ok: boolean;
    try {
      ok = ed25519.verify(signature, msg, fromHex(s.publicKey, 32, 'slip'));
    } catch {
      ok = false; // not a curve point or not a signature: not valid
    }
    if (!ok)
      throw new BallotError(
        'BAD_SIGNATURE',
        `teller ${batch.teller}'s slip did not sign this ballot`,
        {
          check: 'slip signature',
        },
      );
  });
  checkVoter(issued, keys, b.voter);
  return keys;
}

/**
 * checkSlipSignatures without the signatures, for slips whose signatures were checked already:
 * one slip from each teller's published batch, and the voter derived from exactly these keys.
 */
export function checkSlipKeys(
  b: { voter: string; slips: readonly SlipSignature[] },
  issued: IssuedSlips,
): string[] {
  const keys = publishedKeys(b.slips, issued);
  checkVoter(issued, keys, b.voter);
  return keys;
}

function publishedKeys(slips: readonly SlipSignature[], issued: IssuedSlips): string[] {
  if (!Array.isArray(slips) || slips.length !== issued.batches.length)
    throw new BallotError(
      'UNISSUED_CREDENTIAL',
      `a ballot needs one slip from each of ${issued.batches.length} tellers`,
    );
  return slips.map((s, i) => {
    const batch = issued.batches[i];
    if (s.teller !== batch.teller || !batch.keys.has(s.publicKey))
      throw new BallotError(
        'UNISSUED_CREDENTIAL',
        `slip ${i + 1} is not from teller ${batch.teller}'s batch`,
      );
    return s.publicKey;
  });
}

function checkVoter(issued: IssuedSlips, keys: string[], voter: string): void {
  if (slipVoter(issued.sessionId, keys) !== voter)
    throw new BallotError('WRONG_VOTER', 'the ballot is not made for the slips that signed it');
}

/**
 * Positions of the ballots to exclude because a slip already signed an earlier ballot of the poll
 * under other slips: a copied slip (someone photographed it). The same slips again are the
 * one-ballot-per-voter rule's business, not this one's.
 */
export function reusedSlipPositions(
  ballots: readonly { position: number; voter: string; slipKeys: readonly string[] }[],
): number[] {
  const firstVoter = new Map<string, string>();
  const excluded: number[] = [];
  for (const b of [...ballots].sort((x, y) => x.position - y.position)) {
    const clash = b.slipKeys.some((k) => (firstVoter.get(k) ?? b.voter) !== b.voter);
    if (clash) {
      excluded.push(b.position);
      continue;
    }
    for (const k of b.slipKeys) firstVoter.set(k, b.voter);
  }
  return excluded;
}

// ---------------------------------------------------------------------------------------------
// Slips in a poll's record (format version 3).

/** The session's published batches a slips poll is bound to at opening: one per teller. */
export interface RecordSlips {
  sessionId: string;
  /** Sorted by teller; every teller of the session's ceremony. */
  batches: SlipBatch[];
}

/** Checks the batches' form (each batch, one per teller, this session) and indexes them. */
export function checkRecordSlips(s: RecordSlips): IssuedSlips {
  fields(s, ['sessionId', 'batches'], 'slips');
  checkText(s.sessionId, 'slips.sessionId');
  const batches = list(s.batches, 64, 'slips.batches') as SlipBatch[];
  batches.forEach((b, i) => {
    fields(b, ['sessionId', 'teller', 'publicKeys'], `slips.batches[${i}]`);
    if (b.sessionId !== s.sessionId)
      throw new BallotError('ISSUED_MISMATCH', `slip batch ${i + 1} is another session's`);
    if (i > 0 && batches[i - 1].teller >= b.teller)
      throw new BallotError('ISSUED_MISMATCH', 'slip batches must be in ascending teller order');
  });
  return issuedSlips(batches);
}

/**
 * What h_0 binds in a slips poll instead of the credentials list: the ballots issued and every
 * batch. issuedSlipsDigest = SHA-256(str(tag) ‖ u32(count) ‖ str(sessionId) ‖ u32(k) ‖
 * per batch in teller order: u32(teller) ‖ slipBatchDigest).
 */
export function issuedSlipsDigest(count: number, s: RecordSlips): string {
  checkRecordSlips(s);
  const w = transcript(TAGS.issuedSlips)
    .u32(integer(count, 0, 1_000_000, 'issued.count'))
    .str(s.sessionId)
    .u32(s.batches.length);
  for (const b of s.batches) w.u32(b.teller).raw(fromHex(slipBatchDigest(b), 32, 'digest'));
  return toHex(sha256Of(w.finish()));
}

/** One board entry as the slip rule reads it. */
export interface SlipEntry {
  position: number;
  /** The ballot's voter (its proofs are bound to it). */
  voter: string;
  tracker: string;
  slips: unknown;
}

/**
 * The board positions a slips poll must not count, with the reason: slips that do not check
 * (UNISSUED_CREDENTIAL, BAD_SIGNATURE, WRONG_VOTER, BAD_ENCODING), or a slip that signed an
 * earlier ballot under other slips (SLIP_REUSED). `signed(i)` says an entry's signatures were
 * already checked (the server checks them at cast): its keys and voter are still checked here,
 * which is cheap; signatures cost ~0.25 ms each with libsodium, ~2.7 ms with @noble/curves.
 */
export function slipExclusions(
  pollId: string,
  issued: IssuedSlips,
  entries: readonly SlipEntry[],
  signed: (position: number) => boolean = () => false,
): Map<number, BallotErrorCode> {
  const out = new Map<number, BallotErrorCode>();
  const good: { position: number; voter: string; slipKeys: string[] }[] = [];
  for (const e of entries) {
    try {
      const slips = list(e.slips, 64, 'slips') as SlipSignature[];
      slips.forEach((x, i) => fields(x, ['teller', 'publicKey', 'signature'], `slips[${i}]`));
      const slipKeys = signed(e.position)
        ? checkSlipKeys({ voter: e.voter, slips }, issued)
        : checkSlipSignatures({ pollId, tracker: e.tracker, voter: e.voter, slips }, issued);
      good.push({ position: e.position, voter: e.voter, slipKeys });
    } catch (err) {
      if (!(err instanceof BallotError)) throw err;
      out.set(e.position, err.code);
    }
  }
  for (const p of reusedSlipPositions(good)) out.set(p, 'SLIP_REUSED');
  return out;
}
