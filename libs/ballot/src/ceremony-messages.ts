/**
 * The key ceremony's later messages (round 2: encrypted shares; complaints; acknowledgements),
 * their signed bytes, and their checks. Shared by the tellers' round functions (ceremony.ts) and by
 * anyone re-checking the public transcript (ceremony-verify.ts).
 */
import { BallotError } from './errors.js';
import { ByteWriter, fromHex, toHex } from './encoding.js';
import { pointFromHex, pointToBytes, scalarFromHex, type Point } from './group.js';
import { TAGS, challengeOf, transcript } from './hash.js';
import { fields, integer, list } from './json.js';
import { chaumPedersenEqs, checkEach } from './proofs.js';
import { ZERO } from './group.js';
import type { CeremonyInfo } from './ceremony-key.js';
import { verifySignature, type EncryptedShare, type SchnorrJSON } from './transport.js';

/** Round 2: teller `from` sends every other teller j its share P_from(j), encrypted to E_j. */
export interface Round2Message {
  version: 2;
  ceremonyId: string;
  from: number;
  /** The ceremony key's fingerprint as this teller computed it from round 1 (its view). */
  fingerprint: string;
  /** One per other teller, by index. */
  shares: EncryptedShare[];
  /** Signature with the sender's transport key over round2Bytes. */
  signature: SchnorrJSON;
}

/**
 * Teller `accuser` says the share `accused` sent it is bad, and reveals the one shared point
 * K = e_accuser·R that opens that share, with a Chaum–Pedersen proof that log_G E = log_R K.
 * Anyone can then open the share and judge (adjudicateComplaint).
 */
export interface Complaint {
  version: 2;
  ceremonyId: string;
  fingerprint: string;
  accuser: number;
  accused: number;
  /** K (hex). */
  sharedPoint: string;
  proof: { t1: string; t2: string; s: string };
}

/** Teller `index` received a valid share from every other teller, under this fingerprint. */
export interface Acknowledgement {
  version: 2;
  ceremonyId: string;
  index: number;
  fingerprint: string;
  /** Signature with the teller's transport key over ackBytes. */
  signature: SchnorrJSON;
}

/** str(ceremonyId) ‖ u32(from) ‖ fingerprint ‖ u32(#shares) ‖ per share: u32(to) ‖ R ‖ ciphertext */
export function round2Bytes(
  m: Pick<Round2Message, 'ceremonyId' | 'from' | 'fingerprint' | 'shares'>,
): Uint8Array {
  const w = new ByteWriter()
    .str(m.ceremonyId)
    .u32(m.from)
    .raw(fromHex(m.fingerprint, 32, 'fingerprint'))
    .u32(m.shares.length);
  for (const s of m.shares)
    w.u32(s.to)
      .raw(fromHex(s.ephemeral, 32, 'ephemeral'))
      .raw(fromHex(s.ciphertext, 48, 'ciphertext'));
  return w.finish();
}

/** str(ceremonyId) ‖ u32(index) ‖ fingerprint */
export function ackBytes(m: Pick<Acknowledgement, 'ceremonyId' | 'index' | 'fingerprint'>) {
  return new ByteWriter()
    .str(m.ceremonyId)
    .u32(m.index)
    .raw(fromHex(m.fingerprint, 32, 'fingerprint'))
    .finish();
}

function sameCeremony(
  info: CeremonyInfo,
  m: { ceremonyId: unknown; fingerprint: unknown },
  teller: number,
  what: string,
): void {
  if (m.ceremonyId !== info.ceremonyId)
    throw new BallotError('BAD_CEREMONY', `${what} names another ceremony`, { trustee: teller });
  if (m.fingerprint !== info.fingerprintHex)
    throw new BallotError(
      'BAD_CEREMONY',
      `${what} was made under another key fingerprint: teller ${teller} saw other round-1 messages`,
      { trustee: teller, check: 'fingerprint' },
    );
}

/**
 * Checks a round-2 message against the key: format, same ceremony and fingerprint (same view of
 * round 1), one share for each other teller in index order, and the sender's signature.
 */
export function verifyRound2(info: CeremonyInfo, m: Round2Message): void {
  const o = fields(
    m,
    ['version', 'ceremonyId', 'from', 'fingerprint', 'shares', 'signature'],
    'round-2 message',
  );
  if (o.version !== 2)
    throw new BallotError('BAD_VERSION', `round-2 message version ${String(o.version)}`);
  const from = integer(m.from, 1, info.n, 'from');
  sameCeremony(info, m, from, `teller ${from}'s round-2 message`);
  const detail = { trustee: from };
  const shares = list(m.shares, info.n, 'shares', detail);
  const others = info.tellers.map((t) => t.index).filter((j) => j !== from);
  if (shares.length !== others.length)
    throw new BallotError(
      'BAD_CEREMONY',
      `teller ${from} must send ${others.length} shares`,
      detail,
    );
  shares.forEach((s, k) => {
    const so = fields(s, ['to', 'ephemeral', 'ciphertext'], 'share', detail);
    if (so.to !== others[k])
      throw new BallotError(
        'BAD_CEREMONY',
        `teller ${from}'s shares must go to ${others.join(', ')} in order`,
        detail,
      );
    fromHex(so.ephemeral, 32, 'ephemeral', detail);
    fromHex(so.ciphertext, 48, 'ciphertext', detail);
  });
  verifySignature(TAGS.round2Signature, info.tellers[from - 1].E, round2Bytes(m), m.signature, {
    ...detail,
    check: 'round-2 signature',
  });
}

export function verifyAck(info: CeremonyInfo, m: Acknowledgement): number {
  const o = fields(
    m,
    ['version', 'ceremonyId', 'index', 'fingerprint', 'signature'],
    'acknowledgement',
  );
  if (o.version !== 2)
    throw new BallotError('BAD_VERSION', `acknowledgement version ${String(o.version)}`);
  const index = integer(m.index, 1, info.n, 'index');
  sameCeremony(info, m, index, `teller ${index}'s acknowledgement`);
  verifySignature(TAGS.ackSignature, info.tellers[index - 1].E, ackBytes(m), m.signature, {
    trustee: index,
    check: 'acknowledgement signature',
  });
  return index;
}

export function complaintChallenge(
  info: CeremonyInfo,
  accuser: number,
  accused: number,
  R: Point,
  K: Point,
  t1: Point,
  t2: Point,
): bigint {
  return challengeOf(
    transcript(TAGS.complaintProof)
      .str(info.ceremonyId)
      .raw(info.fingerprint)
      .u32(accuser)
      .u32(accused)
      .raw(info.tellers[accuser - 1].Ebytes)
      .raw(pointToBytes(R))
      .raw(pointToBytes(K))
      .raw(pointToBytes(t1))
      .raw(pointToBytes(t2)),
  );
}

/**
 * Checks a complaint's format and its proof that K = e_accuser·R for the R of the accused's share
 * to the accuser. Returns K. A complaint whose proof fails is no complaint (TRUSTEE_PROOF_FAILED).
 */
export function verifyComplaintProof(
  info: CeremonyInfo,
  c: Complaint,
  share: EncryptedShare,
): Point {
  const o = fields(
    c,
    ['version', 'ceremonyId', 'fingerprint', 'accuser', 'accused', 'sharedPoint', 'proof'],
    'complaint',
  );
  if (o.version !== 2)
    throw new BallotError('BAD_VERSION', `complaint version ${String(o.version)}`);
  const accuser = integer(c.accuser, 1, info.n, 'accuser');
  sameCeremony(info, c, accuser, `teller ${accuser}'s complaint`);
  const detail = { trustee: accuser, check: 'complaint proof' };
  const R = pointFromHex(share.ephemeral, 'ephemeral', detail);
  const K = pointFromHex(c.sharedPoint, 'sharedPoint', detail);
  const p = fields(c.proof, ['t1', 't2', 's'], 'complaint proof', detail);
  const t1 = pointFromHex(p.t1, 't1', detail);
  const t2 = pointFromHex(p.t2, 't2', detail);
  const s = scalarFromHex(p.s, 's', detail);
  const ch = complaintChallenge(info, accuser, c.accused, R, K, t1, t2);
  checkEach(
    chaumPedersenEqs(
      info.tellers[accuser - 1].E,
      R,
      K,
      t1,
      t2,
      ch,
      s,
      'TRUSTEE_PROOF_FAILED',
      detail,
    ),
    ZERO,
  );
  return K;
}

export const hexOf = (p: Point): string => toHex(pointToBytes(p));
