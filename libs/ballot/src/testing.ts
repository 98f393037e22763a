/**
 * Helpers for tests, benchmarks and demos: a whole election (trustees, key) made in one place.
 * Real trustees make their shares on their own devices with createTrustee.
 */
import {
  ballotToJSON,
  contextDigest,
  entryChallenge,
  sumChallenge,
  type Ballot,
  type ParsedBranch,
} from './ballot.js';
import { encrypt } from './elgamal.js';
import { pointToBytes, sadd, type Point } from './group.js';
import {
  combineElectionKey,
  createTrustee,
  verifyElectionKey,
  type ElectionKey,
  type ElectionKeyV1,
  type TrusteeSecret,
  type TrusteeShare,
} from './keys.js';
import { proveDisjunctive, type Branch } from './proofs.js';
import type { CeremonyKey, CeremonyParams } from './ceremony-key.js';
import {
  ceremonyRound1,
  ceremonyRound2,
  finalizeKey,
  receiveShares,
  type TellerSecret,
} from './ceremony.js';
import type { CeremonyTranscript } from './ceremony-verify.js';
import { defaultRng, randomScalar, type Rng } from './rng.js';
import { allowedSums, type BallotShape } from './shape.js';

export interface DemoElection {
  key: ElectionKeyV1;
  shares: TrusteeShare[];
  secrets: TrusteeSecret[];
  recoveryCodes: string[];
}

export function demoElection(
  pollId: string,
  trustees: number,
  rng: Rng = defaultRng,
): DemoElection {
  const made = Array.from({ length: trustees }, (_, i) => createTrustee(pollId, i + 1, rng));
  return {
    key: combineElectionKey(
      pollId,
      made.map((m) => m.share),
    ),
    shares: made.map((m) => m.share),
    secrets: made.map((m) => m.secret),
    recoveryCodes: made.map((m) => m.recoveryCode),
  };
}

/** A small seeded PRNG (mulberry32) for reproducible test data; not for cryptography. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Valid choices for a shape: per question a number of marks in [min, max] on random entries. */
export function randomChoices(shape: BallotShape, random: () => number = Math.random): number[][] {
  return shape.questions.map((q) => {
    const v = new Array<number>(q.entries).fill(0);
    const k = q.minMarks + Math.floor(random() * (q.maxMarks - q.minMarks + 1));
    const order = [...v.keys()];
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const i of order.slice(0, k)) v[i] = 1;
    return v;
  });
}

/** Σ choices over ballots: the counts a tally of these ballots must decrypt to. */
export function plainSums(
  shape: BallotShape,
  choices: readonly (readonly (readonly number[])[])[],
): number[][] {
  const sums = shape.questions.map((q) => new Array<number>(q.entries).fill(0));
  for (const c of choices) c.forEach((q, qi) => q.forEach((m, ei) => (sums[qi][ei] += m)));
  return sums;
}

/**
 * A cheating tablet, for tests: encrypts `values` as given (a 2 in an entry, too many marks…)
 * and attaches proofs made for the values it really has, relabelled as the allowed ones. The
 * challenges add up, so only the verification equations can catch it. With `zeroRandomness`
 * it encrypts valid values with r = 0 (proofs valid): a ballot anyone can read.
 */
export function forgeBallot(
  key: ElectionKey,
  shape: BallotShape,
  voter: string,
  values: number[][],
  rng: Rng = defaultRng,
  opts: { zeroRandomness?: boolean } = {},
): Ballot {
  const info = verifyElectionKey(key);
  const ctx = contextDigest(info.pollId, info.fingerprint, shape, voter);
  const enc = (cs: readonly { a: Point; b: Point }[]) =>
    cs.map((x) => ({ a: pointToBytes(x.a), b: pointToBytes(x.b) }));
  const bytes = (bs: Branch<Point>[]): ParsedBranch[] =>
    bs.map((b) => ({ a: pointToBytes(b.a), b: pointToBytes(b.b), c: b.c, s: b.s }));
  const questions = shape.questions.map((qs, q) => {
    let R = 0n;
    let M = 0;
    const entries = values[q].map((m, e) => {
      // Zero randomness: α = identity and β = m·G, readable by anyone (with valid proofs).
      const r = opts.zeroRandomness ? 0n : randomScalar(rng);
      R = sadd(R, r);
      M += m;
      const ct = encrypt(info.Y, m, r);
      const alpha = pointToBytes(ct.alpha);
      const beta = pointToBytes(ct.beta);
      const claimed = m <= 1 ? [0, 1] : [m, 1];
      const proof = proveDisjunctive(
        r,
        m,
        claimed,
        info.Y,
        (cm) => entryChallenge(ctx, q, e, alpha, beta, enc(cm)),
        rng,
      );
      return { alpha, beta, proof: bytes(proof) };
    });
    const allowed = allowedSums(qs);
    const claimed = allowed.includes(M) ? allowed : [M, ...allowed.slice(1)];
    const sum = proveDisjunctive(
      R,
      M,
      claimed,
      info.Y,
      (cm) => sumChallenge(ctx, q, qs.minMarks, qs.maxMarks, entries, enc(cm)),
      rng,
    );
    return { entries, sumProof: bytes(sum) };
  });
  return ballotToJSON({ pollId: info.pollId, fingerprint: info.fingerprint, voter, questions });
}

export interface DemoCeremony {
  key: CeremonyKey;
  transcript: CeremonyTranscript;
  /** Each teller's final secret, by index (secrets[0] is teller 1). */
  secrets: TellerSecret[];
}

/**
 * A whole honest key ceremony run in one place (each round of each teller in turn), for tests,
 * benchmarks and demos. Real tellers run the rounds on their own devices.
 */
export function demoCeremony(params: CeremonyParams, rng: Rng = defaultRng): DemoCeremony {
  const ones = Array.from({ length: params.tellers }, (_, i) =>
    ceremonyRound1({ ...params, index: i + 1 }, rng),
  );
  const round1 = ones.map((o) => o.message);
  const round2 = ones.map((o) => ceremonyRound2(o.state, round1, rng).message);
  const finals = ones.map((o) =>
    finalizeKey(o.state, round1, receiveShares(o.state, round1, round2, rng), rng),
  );
  const transcript: CeremonyTranscript = {
    version: 2,
    ...params,
    round1,
    round2,
    complaints: [],
    acks: finals.map((f) => f.ack),
  };
  return { key: finals[0].key, transcript, secrets: finals.map((f) => f.secret) };
}
