/**
 * The tellers' key ceremony, dealerless (Feldman verifiable secret sharing, as ElectionGuard's
 * guardians make their key): pure functions a teller's device (web page or CLI) calls once per
 * round. The server only relays the messages; it never holds a secret. RECORD.md, "Key ceremony",
 * gives the protocol step by step.
 *
 *   round 1  ceremonyRound1  → Round1Message (commitments, proofs, transport key) to everyone
 *   round 2  ceremonyRound2  → Round2Message (a share for each other teller, encrypted, signed)
 *   round 3  receiveShares   → the shares addressed to me checked; a Complaint for each bad one
 *            finalizeKey     → my secret share x_i, the key, an Acknowledgement to everyone
 *
 * A TellerState holds the device's secrets between rounds (plain JSON: keep it in memory, and
 * drop it after finalizeKey; only the resulting TellerSecret is kept, sealed — custody.ts).
 */
import { BallotError } from './errors.js';
import { toHex } from './encoding.js';
import {
  mul,
  mulG,
  pointFromHex,
  pointToBytes,
  pointToHex,
  sadd,
  scalarFromHex,
  scalarToBytes,
  scalarToHex,
  smul,
} from './group.js';
import { TAGS } from './hash.js';
import {
  checkParams,
  ceremonyKey,
  coefficientChallenge,
  evalCommitments,
  transportChallenge,
  verifyCeremonyKey,
  type CeremonyInfo,
  type CeremonyKey,
  type CeremonyParams,
  type Round1Message,
} from './ceremony-key.js';
import {
  ackBytes,
  complaintChallenge,
  round2Bytes,
  verifyRound2,
  type Acknowledgement,
  type Complaint,
  type Round2Message,
} from './ceremony-messages.js';
import { proveChaumPedersen, proveSchnorr } from './proofs.js';
import { defaultRng, randomScalar, type Rng } from './rng.js';
import { encryptShare, openShare, sharedPoint, sign, type SchnorrJSON } from './transport.js';

/** A teller device's secrets during the ceremony. Never send it anywhere. */
export interface TellerState extends CeremonyParams {
  version: 2;
  index: number;
  /** a_i0 … a_i,t−1 (hex scalars). */
  coefficients: string[];
  /** e_i (hex scalar). */
  transportSecret: string;
}

/** What a teller keeps after the ceremony: x_i = Σ_j P_j(i). Seal it (custody.ts). */
export interface TellerSecret {
  version: 2;
  ceremonyId: string;
  /** The ceremony key's fingerprint (hex). */
  fingerprint: string;
  index: number;
  /** x_i (hex scalar). */
  secret: string;
}

/** The shares addressed to one teller, checked (receiveShares). */
export interface ReceivedShares {
  index: number;
  fingerprint: string;
  /** Valid shares P_j(i) (hex scalars), by sender. */
  shares: { from: number; share: string }[];
  /** One per sender whose share was bad. */
  complaints: Complaint[];
}

const schnorrJSON = (p: { t: { toBytes(): Uint8Array }; s: bigint }): SchnorrJSON => ({
  t: toHex(p.t.toBytes()),
  s: scalarToHex(p.s),
});

/** P(z) = Σ_k a_k·z^k mod l (Horner). */
function evalPolynomial(a: readonly bigint[], z: number): bigint {
  let acc = 0n;
  for (let k = a.length - 1; k >= 0; k--) acc = sadd(smul(acc, BigInt(z)), a[k]);
  return acc;
}

/** Round 1: a fresh polynomial of degree t − 1 and transport key; publish the message. */
export function ceremonyRound1(
  params: CeremonyParams & { index: number },
  rng: Rng = defaultRng,
): { message: Round1Message; state: TellerState } {
  const p = checkParams(params);
  const index = params.index;
  if (!Number.isInteger(index) || index < 1 || index > p.tellers)
    throw new BallotError('BAD_ENCODING', `index must be an integer in 1..${p.tellers}`, {
      check: 'index',
    });
  const a = Array.from({ length: p.threshold }, () => randomScalar(rng));
  const e = randomScalar(rng);
  const E = pointToBytes(mulG(e));
  const commitments = a.map((ak) => pointToBytes(mulG(ak)));
  const proofs = a.map((ak, k) =>
    schnorrJSON(
      proveSchnorr(
        ak,
        (t) => coefficientChallenge(p, index, k, commitments[k], pointToBytes(t)),
        rng,
      ),
    ),
  );
  const transportProof = schnorrJSON(
    proveSchnorr(e, (t) => transportChallenge(p.ceremonyId, index, E, pointToBytes(t)), rng),
  );
  const base = { ceremonyId: p.ceremonyId, threshold: p.threshold, tellers: p.tellers, index };
  return {
    message: {
      version: 2,
      ...base,
      transportKey: toHex(E),
      transportProof,
      commitments: commitments.map(toHex),
      proofs,
    },
    state: {
      version: 2,
      ...base,
      coefficients: a.map(scalarToHex),
      transportSecret: scalarToHex(e),
    },
  };
}

function secretsOf(state: TellerState): { a: bigint[]; e: bigint } {
  return {
    a: state.coefficients.map((h) => scalarFromHex(h, 'coefficient')),
    e: scalarFromHex(state.transportSecret, 'transportSecret'),
  };
}

/** The key from round 1, after checking that round 1 holds my own message unaltered. */
function keyWithMine(state: TellerState, round1: readonly Round1Message[]) {
  const key = ceremonyKey(round1);
  const info = verifyCeremonyKey(key);
  if (
    info.ceremonyId !== state.ceremonyId ||
    info.threshold !== state.threshold ||
    info.n !== state.tellers
  )
    throw new BallotError('BAD_CEREMONY', 'round 1 is for another ceremony, threshold or size');
  const { a, e } = secretsOf(state);
  const mine = info.tellers[state.index - 1];
  if (!mine.E.equals(mulG(e)) || !mine.C.every((C, k) => C.equals(mulG(a[k]))))
    throw new BallotError('BAD_CEREMONY', "round 1 does not hold this teller's own message", {
      trustee: state.index,
    });
  return { key, info, a, e };
}

/** Round 2: checks all round-1 messages, then encrypts P_i(j) to each other teller j and signs. */
export function ceremonyRound2(
  state: TellerState,
  round1: readonly Round1Message[],
  rng: Rng = defaultRng,
): { message: Round2Message; key: CeremonyKey } {
  const { key, info, a, e } = keyWithMine(state, round1);
  const shares = info.tellers
    .filter((t) => t.index !== state.index)
    .map((t) =>
      encryptShare(
        {
          ceremonyId: info.ceremonyId,
          fingerprint: info.fingerprint,
          from: state.index,
          to: t.index,
        },
        t.E,
        evalPolynomial(a, t.index),
        rng,
      ),
    );
  const body = {
    ceremonyId: info.ceremonyId,
    from: state.index,
    fingerprint: info.fingerprintHex,
    shares,
  };
  return {
    message: {
      version: 2,
      ...body,
      signature: sign(TAGS.round2Signature, e, round2Bytes(body), rng),
    },
    key,
  };
}

function complaint(
  info: CeremonyInfo,
  e: bigint,
  accuser: number,
  accused: number,
  R: ReturnType<typeof pointFromHex>,
  rng: Rng,
): Complaint {
  const K = mul(R, e);
  const p = proveChaumPedersen(
    e,
    R,
    (t1, t2) => complaintChallenge(info, accuser, accused, R, K, t1, t2),
    rng,
  );
  return {
    version: 2,
    ceremonyId: info.ceremonyId,
    fingerprint: info.fingerprintHex,
    accuser,
    accused,
    sharedPoint: pointToHex(K),
    proof: { t1: pointToHex(p.t1), t2: pointToHex(p.t2), s: scalarToHex(p.s) },
  };
}

/**
 * Round 3, first half: opens and checks the share each other teller sent me
 * (s·G = Σ_k i^k·C_jk). A bad share gives a Complaint (to publish); a message that is missing,
 * unsigned or made under another view of round 1 throws (MISSING_TRUSTEE, BAD_SIGNATURE,
 * BAD_CEREMONY), since the relay, not the sender, may be at fault: fetch it again.
 */
export function receiveShares(
  state: TellerState,
  round1: readonly Round1Message[],
  round2: readonly Round2Message[],
  rng: Rng = defaultRng,
): ReceivedShares {
  const { info, e } = keyWithMine(state, round1);
  const out: ReceivedShares = {
    index: state.index,
    fingerprint: info.fingerprintHex,
    shares: [],
    complaints: [],
  };
  for (const dealer of info.tellers) {
    if (dealer.index === state.index) continue;
    const msgs = round2.filter((m) => m?.from === dealer.index);
    if (msgs.length !== 1)
      throw new BallotError(
        msgs.length === 0 ? 'MISSING_TRUSTEE' : 'BAD_CEREMONY',
        `expected one round-2 message from teller ${dealer.index}, got ${msgs.length}`,
        { trustee: dealer.index },
      );
    verifyRound2(info, msgs[0]);
    const enc = msgs[0].shares.find((s) => s.to === state.index)!;
    const detail = { trustee: dealer.index };
    const K = sharedPoint(e, enc, detail);
    const ctx = {
      ceremonyId: info.ceremonyId,
      fingerprint: info.fingerprint,
      from: dealer.index,
      to: state.index,
    };
    const opened = openShare(ctx, info.tellers[state.index - 1].E, enc, K);
    const good = opened.ok && mulG(opened.share).equals(evalCommitments(dealer.C, state.index));
    if (good) out.shares.push({ from: dealer.index, share: scalarToHex(opened.share) });
    else
      out.complaints.push(
        complaint(
          info,
          e,
          state.index,
          dealer.index,
          pointFromHex(enc.ephemeral, 'ephemeral'),
          rng,
        ),
      );
  }
  return out;
}

/**
 * Round 3, second half: with a valid share from every other teller, x_i = P_i(i) + Σ_j P_j(i);
 * checks x_i·G = Y_i and signs an acknowledgement of the fingerprint. Throws CEREMONY_COMPLAINT
 * when there were complaints (the ceremony is judged and re-run, see adjudicateComplaint).
 */
export function finalizeKey(
  state: TellerState,
  round1: readonly Round1Message[],
  received: ReceivedShares,
  rng: Rng = defaultRng,
): { key: CeremonyKey; secret: TellerSecret; ack: Acknowledgement } {
  const { key, info, a, e } = keyWithMine(state, round1);
  if (received.complaints.length > 0)
    throw new BallotError(
      'CEREMONY_COMPLAINT',
      `complaints against teller(s) ${received.complaints.map((c) => c.accused).join(', ')}`,
      { trustee: received.complaints[0].accused },
    );
  if (received.fingerprint !== info.fingerprintHex || received.index !== state.index)
    throw new BallotError('BAD_CEREMONY', 'the received shares are from another ceremony view');
  let x = evalPolynomial(a, state.index);
  for (const t of info.tellers) {
    if (t.index === state.index) continue;
    const got = received.shares.find((s) => s.from === t.index);
    if (!got)
      throw new BallotError('MISSING_TRUSTEE', `no valid share from teller ${t.index}`, {
        trustee: t.index,
      });
    x = sadd(x, scalarFromHex(got.share, 'share'));
  }
  if (!mulG(x).equals(info.verificationKeys[state.index - 1].Y))
    throw new BallotError('WRONG_SECRET', 'the shares do not add up to the verification key', {
      trustee: state.index,
    });
  const body = {
    ceremonyId: info.ceremonyId,
    index: state.index,
    fingerprint: info.fingerprintHex,
  };
  return {
    key,
    secret: { version: 2, ...body, secret: toHex(scalarToBytes(x)) },
    ack: { version: 2, ...body, signature: sign(TAGS.ackSignature, e, ackBytes(body), rng) },
  };
}
