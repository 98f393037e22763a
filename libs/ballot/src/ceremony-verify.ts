/**
 * Anyone's checks of a key ceremony: judging a complaint from public data alone, and re-checking
 * the whole public transcript to get the same key and fingerprint the tellers' devices showed.
 */
import { BallotError } from './errors.js';
import { mulG, scalarToHex } from './group.js';
import { fields } from './json.js';
import {
  ceremonyKey,
  evalCommitments,
  verifyCeremonyKey,
  type CeremonyKey,
  type Round1Message,
} from './ceremony-key.js';
import {
  verifyAck,
  verifyComplaintProof,
  verifyRound2,
  type Acknowledgement,
  type Complaint,
  type Round2Message,
} from './ceremony-messages.js';
import { openShare } from './transport.js';

/** The public record of a ceremony, as the relay collected it. */
export interface CeremonyTranscript {
  version: 2;
  ceremonyId: string;
  threshold: number;
  tellers: number;
  round1: Round1Message[];
  round2: Round2Message[];
  /** Empty for a ceremony that succeeded. */
  complaints: Complaint[];
  /** One per teller: each accepted its shares and signed the fingerprint. */
  acks: Acknowledgement[];
}

export interface Verdict {
  accuser: number;
  accused: number;
  /** True: the share was bad, the accused is at fault. False: a false complaint. */
  upheld: boolean;
  /** The teller at fault: the accused if upheld, else the accuser. */
  guilty: number;
  reason: string;
  /** The opened share (hex), when it opened. */
  share?: string;
}

/**
 * Judges a complaint from public data: the key, the accused's signed round-2 message and the
 * complaint's revealed shared point. Throws only when it cannot judge (the accused's message is
 * missing or unsigned: that is the relay's fault, not a teller's).
 */
export function adjudicateComplaint(
  key: CeremonyKey,
  round2: readonly Round2Message[],
  c: Complaint,
): Verdict {
  const info = verifyCeremonyKey(key);
  const accuser = c?.accuser;
  const accused = c?.accused;
  if (
    !Number.isInteger(accuser) ||
    !Number.isInteger(accused) ||
    accuser === accused ||
    accuser < 1 ||
    accused < 1 ||
    accuser > info.n ||
    accused > info.n
  )
    throw new BallotError('BAD_ENCODING', 'a complaint names two different tellers 1..n');
  const msg = round2.filter((m) => m?.from === accused);
  if (msg.length !== 1)
    throw new BallotError('MISSING_TRUSTEE', `no single round-2 message from teller ${accused}`, {
      trustee: accused,
    });
  verifyRound2(info, msg[0]);
  const enc = msg[0].shares.find((s) => s.to === accuser)!;
  const against = (upheld: boolean, reason: string, share?: bigint): Verdict => ({
    accuser,
    accused,
    upheld,
    guilty: upheld ? accused : accuser,
    reason,
    ...(share !== undefined ? { share: scalarToHex(share) } : {}),
  });
  let K;
  try {
    K = verifyComplaintProof(info, c, enc);
  } catch (e) {
    if (e instanceof BallotError && e.code !== 'BAD_VERSION')
      return against(false, `the complaint is not proven (${e.code})`);
    throw e;
  }
  const ctx = {
    ceremonyId: info.ceremonyId,
    fingerprint: info.fingerprint,
    from: accused,
    to: accuser,
  };
  const opened = openShare(ctx, info.tellers[accuser - 1].E, enc, K);
  if (!opened.ok) return against(true, opened.why);
  if (!mulG(opened.share).equals(evalCommitments(info.tellers[accused - 1].C, accuser)))
    return against(true, 'the share does not match the sender’s commitments', opened.share);
  return against(false, 'the share is valid', opened.share);
}

function onePerTeller<T>(items: readonly T[], indexOf: (x: T) => unknown, n: number, what: string) {
  if (!Array.isArray(items)) throw new BallotError('BAD_ENCODING', `${what} must be an array`);
  for (let i = 1; i <= n; i++) {
    const k = items.filter((x) => indexOf(x) === i).length;
    if (k !== 1)
      throw new BallotError(
        k === 0 ? 'MISSING_TRUSTEE' : 'BAD_CEREMONY',
        `${what}: expected one from teller ${i}, found ${k}`,
        { trustee: i },
      );
  }
  if (items.length !== n) throw new BallotError('BAD_CEREMONY', `${what}: more than ${n}`);
}

/**
 * Re-checks a ceremony from its public transcript: every round-1 proof, every round-2 signature
 * and view, no complaint left (each is judged and named in the error), and every teller's signed
 * acknowledgement of the same fingerprint. Returns the key, identical to the one the tellers got.
 */
export function verifyCeremonyTranscript(t: CeremonyTranscript): CeremonyKey {
  // Cached by the transcript's JSON text (16 most recent): a tellers' close checks the same
  // transcript at preparing, at each partial and at finishing (~17 ms each for 3 tellers).
  const cacheKey = JSON.stringify(t);
  const hit = transcriptCache.get(cacheKey);
  if (hit) return hit;
  const key = checkTranscript(t);
  if (transcriptCache.size >= 16) transcriptCache.delete(transcriptCache.keys().next().value!);
  transcriptCache.set(cacheKey, key);
  return key;
}

const transcriptCache = new Map<string, CeremonyKey>();

function checkTranscript(t: CeremonyTranscript): CeremonyKey {
  const o = fields(
    t,
    ['version', 'ceremonyId', 'threshold', 'tellers', 'round1', 'round2', 'complaints', 'acks'],
    'ceremony transcript',
  );
  if (o.version !== 2)
    throw new BallotError('BAD_VERSION', `ceremony transcript version ${String(o.version)}`);
  const key = ceremonyKey(t.round1);
  const info = verifyCeremonyKey(key);
  if (t.ceremonyId !== info.ceremonyId || t.threshold !== info.threshold || t.tellers !== info.n)
    throw new BallotError('BAD_CEREMONY', 'the transcript header does not match its round 1');
  onePerTeller(t.round2, (m) => m?.from, info.n, 'round 2');
  for (const m of t.round2) verifyRound2(info, m);
  if (!Array.isArray(t.complaints))
    throw new BallotError('BAD_ENCODING', 'complaints must be an array');
  if (t.complaints.length > 0) {
    const verdicts = t.complaints.map((c) => adjudicateComplaint(key, t.round2, c));
    throw new BallotError(
      'CEREMONY_COMPLAINT',
      verdicts.map((v) => `teller ${v.guilty} at fault: ${v.reason}`).join('; '),
      { trustee: verdicts[0].guilty },
    );
  }
  onePerTeller(t.acks, (m) => m?.index, info.n, 'acknowledgements');
  for (const a of t.acks) verifyAck(info, a);
  return key;
}
