/**
 * Known-answer vectors (libs/ballot/test-vectors/v1.json). They pin the format: a change to any
 * encoding, hash input or domain tag makes the stored ballots stop verifying here.
 *
 * The vectors are made with deterministicRng, so they also pin the order in which randomness is
 * drawn. If only that order changed on purpose, regenerate them with
 *   BALLOT_WRITE_VECTORS=1 npm run test:unit -- --testPathPatterns libs/ballot/src/kat
 *   npx prettier --write libs/ballot/test-vectors
 * and say so in the commit: the checks below on the stored vectors must still pass unchanged.
 */
import { describe, it, expect, beforeAll } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { ristretto255 } from '@noble/curves/ed25519.js';
import { ballotBytes, encryptBallot, marks, verifyBallot, type Ballot } from './ballot.js';
import { verifyBallots } from './batch.js';
import { BallotError } from './errors.js';
import {
  recoveryCode,
  secretFromRecoveryCode,
  verifyElectionKey,
  type ElectionKeyV1,
  type TrusteeSecret,
  type TrusteeShare,
} from './keys.js';
import { deterministicRng } from './rng.js';
import { ballotShape, type BallotShape, type PollSpec } from './shape.js';
import {
  combineDecryptions,
  partialDecrypt,
  verifyPartialDecryption,
  type EncryptedTally,
  type PartialDecryption,
  type TallyResult,
} from './tally.js';
import { verifyElectionRecord } from './record.js';
import { demoElection, forgeBallot } from './testing.js';
import { SodiumGroup, loadSodium, verifyBallotSodium } from './node/sodium.js';

const FILE = new URL('../test-vectors/v1.json', import.meta.url);

interface Vectors {
  comment: string;
  seed: string;
  poll: { pollId: string; spec: PollSpec };
  shape: BallotShape;
  trustees: { share: TrusteeShare; secret: TrusteeSecret; recoveryCode: string }[];
  key: ElectionKeyV1;
  ballots: {
    voter: string;
    choices: number[][];
    ballot: Ballot;
    canonicalBytes: string;
    tracker: string;
    shortCode: string;
  }[];
  tally: EncryptedTally;
  decryptions: PartialDecryption[];
  result: TallyResult;
  invalid: {
    what: string;
    ballot: Ballot;
    voter?: string;
    expect: { code: string; question?: number; entry?: number };
  }[];
}

function generate(): Vectors {
  const seed = 'congress-ballot known-answer vectors v1';
  const rng = deterministicRng(seed);
  const pollId = 'KAT 第五届职代会第二次会议 poll 3';
  const spec: PollSpec = {
    questions: [
      { kind: 'motion' },
      { kind: 'election', candidates: 3, maxMarks: 2 },
      { kind: 'evaluation', persons: 1, grades: 4 },
    ],
  };
  const shape = ballotShape(spec);
  const el = demoElection(pollId, 2, rng);
  const plan: [string, number[][]][] = [
    ['delegate:0001', [marks(3, 0), marks(3, 0, 2), marks(4, 1)]],
    ['delegate:0002', [marks(3, 1), marks(3), marks(4, 0)]],
    ['delegate:0003', [marks(3, 0), marks(3, 2), marks(4, 3)]],
  ];
  const ballots = plan.map(([voter, choices]) => {
    const e = encryptBallot({ key: el.key, shape, voter, choices, rng });
    return {
      voter,
      choices,
      ballot: e.ballot,
      canonicalBytes: hex(ballotBytes(e.ballot)),
      tracker: e.tracker,
      shortCode: e.shortCode,
    };
  });
  const batch = verifyBallots(
    { key: el.key, shape },
    ballots.map((b) => ({ ballot: b.ballot, voter: b.voter })),
    { rng },
  );
  const decryptions = el.secrets.map((s) => partialDecrypt(el.key, shape, s, batch.tally, rng));
  const result = combineDecryptions(el.key, shape, batch.tally, decryptions);

  const b0 = ballots[0].ballot;
  const swapped: Ballot = structuredClone(ballots[1].ballot);
  [swapped.questions[0].entries[0], swapped.questions[0].entries[1]] = [
    swapped.questions[0].entries[1],
    swapped.questions[0].entries[0],
  ];
  const response: Ballot = structuredClone(ballots[2].ballot);
  response.questions[2].sumProof[0].s = ballots[1].ballot.questions[2].sumProof[0].s;
  const notPoint: Ballot = structuredClone(b0);
  notPoint.questions[1].entries[2].beta = 'ff'.repeat(31) + '7f';
  const invalid = [
    {
      what: 'ballot 0 replayed under another voter credential',
      ballot: { ...b0, voter: 'delegate:0009' },
      voter: 'delegate:0009',
    },
    { what: 'ballot 1 with entries 0 and 1 of question 0 swapped', ballot: swapped },
    { what: 'ballot 2 with a response taken from another ballot', ballot: response },
    {
      what: 'election over-marked (3 of 3, at most 2) by a cheating tablet',
      ballot: forgeBallot(
        el.key,
        shape,
        'delegate:0004',
        [marks(3, 2), marks(3, 0, 1, 2), marks(4, 0)],
        rng,
      ),
    },
    {
      what: 'an entry encrypting 2 by a cheating tablet',
      ballot: forgeBallot(
        el.key,
        shape,
        'delegate:0005',
        [marks(3, 2), [0, 2, 0], marks(4, 0)],
        rng,
      ),
    },
    {
      what: 'a motion with two marks by a cheating tablet',
      ballot: forgeBallot(
        el.key,
        shape,
        'delegate:0006',
        [marks(3, 0, 1), marks(3), marks(4, 0)],
        rng,
      ),
    },
    { what: 'a value that is not a ristretto255 encoding', ballot: notPoint },
    {
      what: 'ballot 0 checked as if submitted by another voter',
      ballot: b0,
      voter: 'delegate:0002',
    },
  ].map((v) => {
    const err = failure(() =>
      verifyBallot(v.ballot, { key: el.key, shape, voter: v.voter }, { rng }),
    );
    return {
      ...v,
      expect: { code: err.code, question: err.detail.question, entry: err.detail.entry },
    };
  });

  return {
    comment:
      'libs/ballot format v1 known-answer vectors. See libs/ballot/README.md for every encoding and hash input. ' +
      'Points: RFC 9496 ristretto255, 32 bytes hex. Scalars: 32 bytes little-endian hex, < l.',
    seed,
    poll: { pollId, spec },
    shape,
    trustees: el.shares.map((share, i) => ({
      share,
      secret: el.secrets[i],
      recoveryCode: el.recoveryCodes[i],
    })),
    key: el.key,
    ballots,
    tally: batch.tally,
    decryptions,
    result,
    invalid,
  };
}

function failure(f: () => unknown): BallotError {
  try {
    f();
  } catch (e) {
    if (e instanceof BallotError) return e;
    throw e;
  }
  throw new Error('expected a BallotError');
}

const hex = (b: Uint8Array): string =>
  Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const unhex = (h: string): Uint8Array =>
  Uint8Array.from(h.match(/../g) ?? [], (x) => parseInt(x, 16));

if (process.env.BALLOT_WRITE_VECTORS === '1')
  writeFileSync(FILE, JSON.stringify(generate(), null, 2) + '\n');
const V: Vectors = JSON.parse(readFileSync(FILE, 'utf8'));

describe('known-answer vectors v1', () => {
  it('the stored key, ballots, tally, decryptions and result verify', () => {
    const info = verifyElectionKey(V.key);
    expect(info.fingerprintHex).toBe(V.key.fingerprint);
    for (const b of V.ballots) {
      const v = verifyBallot(b.ballot, { key: V.key, shape: V.shape, voter: b.voter });
      expect(v.tracker).toBe(b.tracker);
      expect(v.shortCode).toBe(b.shortCode);
      expect(hex(ballotBytes(b.ballot))).toBe(b.canonicalBytes);
    }
    for (const pd of V.decryptions) verifyPartialDecryption(V.key, V.shape, V.tally, pd);
    expect(combineDecryptions(V.key, V.shape, V.tally, V.decryptions)).toEqual(V.result);
    const sums = V.ballots.reduce(
      (acc, b) => acc.map((q, qi) => q.map((n, ei) => n + b.choices[qi][ei])),
      V.shape.questions.map((q) => new Array(q.entries).fill(0)),
    );
    expect(V.result.counts).toEqual(sums);
    const report = verifyElectionRecord({
      version: 1,
      poll: V.poll.spec,
      key: V.key,
      ballots: V.ballots.map((b) => b.ballot),
      tally: V.tally,
      decryptions: V.decryptions,
      result: V.result,
    });
    expect(report.counted).toBe(V.ballots.length);
  });

  it('the stored invalid ballots fail with the stored reasons', () => {
    for (const v of V.invalid) {
      const err = failure(() =>
        verifyBallot(v.ballot, { key: V.key, shape: V.shape, voter: v.voter }),
      );
      expect({
        what: v.what,
        code: err.code,
        question: err.detail.question,
        entry: err.detail.entry,
      }).toEqual({ what: v.what, ...v.expect });
    }
  });

  it('recovery codes give back the stored secrets', () => {
    for (const t of V.trustees) {
      expect(recoveryCode(t.secret)).toBe(t.recoveryCode);
      expect(secretFromRecoveryCode(V.key, t.share.index, t.recoveryCode)).toEqual(t.secret);
    }
  });

  describe('libsodium verifies the same vectors (noble on the tablet, libsodium on the server)', () => {
    let group: SodiumGroup;
    beforeAll(async () => {
      group = new SodiumGroup(await loadSodium());
    });
    it('accepts the good ones and names the same failures', () => {
      const info = verifyElectionKey(V.key);
      for (const b of V.ballots)
        expect(verifyBallotSodium(group, b.ballot, info, V.shape, b.voter).tracker).toBe(b.tracker);
      for (const v of V.invalid) {
        const err = failure(() => verifyBallotSodium(group, v.ballot, info, V.shape, v.voter));
        expect({ code: err.code, question: err.detail.question, entry: err.detail.entry }).toEqual(
          v.expect,
        );
      }
    });
  });

  it('deterministic generation reproduces the stored vectors byte for byte', () => {
    expect(JSON.parse(JSON.stringify(generate()))).toEqual(V);
  });
});

/**
 * The README's description of the hash inputs, re-implemented here from scratch (plain byte
 * concatenation, @noble/hashes and @noble/curves directly) and checked against the vectors.
 */
describe('README spec, re-implemented independently, agrees with the vectors', () => {
  const P = ristretto255.Point;
  const l = P.Fn.ORDER;
  const te = new TextEncoder();
  const cat = (...xs: Uint8Array[]) => {
    const out = new Uint8Array(xs.reduce((n, x) => n + x.length, 0));
    let o = 0;
    for (const x of xs) {
      out.set(x, o);
      o += x.length;
    }
    return out;
  };
  const u8 = (n: number) => Uint8Array.of(n);
  const u32 = (n: number) => Uint8Array.of(n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
  const str = (s: string) => cat(u32(te.encode(s).length), te.encode(s));
  const le = (b: Uint8Array) => b.reduceRight((acc, x) => (acc << 8n) | BigInt(x), 0n);
  const Hs = (...parts: Uint8Array[]) => le(sha512(cat(...parts))) % l;
  const pt = (h: string) => P.fromBytes(unhex(h));
  const sc = (h: string) => le(unhex(h));
  const mulG = (k: bigint) => (k === 0n ? P.ZERO : P.BASE.multiply(k));
  const mul = (Q: InstanceType<typeof P>, k: bigint) => (k === 0n ? P.ZERO : Q.multiplyUnsafe(k));
  const KIND: Record<string, number> = { motion: 1, election: 2, evaluation: 3 };

  it('key fingerprint, trustee proofs', () => {
    const fp = sha256(
      cat(
        str('congress-ballot/1/key-fingerprint'),
        str(V.key.pollId),
        u32(V.key.trustees.length),
        ...V.key.trustees.flatMap((t) => [u32(t.index), unhex(t.publicKey)]),
      ),
    );
    expect(hex(fp)).toBe(V.key.fingerprint);
    expect(hex(V.key.trustees.reduce((acc, t) => acc.add(pt(t.publicKey)), P.ZERO).toBytes())).toBe(
      V.key.publicKey,
    );
    for (const t of V.key.trustees) {
      const c = Hs(
        str('congress-ballot/1/trustee-proof'),
        str(t.pollId),
        u32(t.index),
        unhex(t.publicKey),
        unhex(t.proof.t),
      );
      expect(mulG(sc(t.proof.s)).equals(pt(t.proof.t).add(mul(pt(t.publicKey), c)))).toBe(true);
    }
  });

  it('ballot context, entry and sum proofs, canonical bytes and tracker', () => {
    const Y = pt(V.key.publicKey);
    const shapeBytes = cat(
      u32(V.shape.questions.length),
      ...V.shape.questions.map((q) =>
        cat(u8(KIND[q.kind]), u32(q.entries), u32(q.minMarks), u32(q.maxMarks)),
      ),
    );
    for (const { ballot: b, tracker } of V.ballots) {
      const ctx = sha512(
        cat(
          str('congress-ballot/1/context'),
          str(b.pollId),
          unhex(b.keyFingerprint),
          shapeBytes,
          str(b.voter),
        ),
      );
      const commitments = (bs: { a: string; b: string }[]) =>
        cat(u32(bs.length), ...bs.flatMap((x) => [unhex(x.a), unhex(x.b)]));
      const checkBranches = (
        alpha: InstanceType<typeof P>,
        beta: InstanceType<typeof P>,
        bs: Ballot['questions'][0]['sumProof'],
        values: number[],
        c: bigint,
      ) => {
        expect(bs.reduce((acc, x) => acc + sc(x.c), 0n) % l).toBe(c);
        bs.forEach((x, j) => {
          expect(mulG(sc(x.s)).equals(pt(x.a).add(mul(alpha, sc(x.c))))).toBe(true);
          expect(
            mul(Y, sc(x.s)).equals(
              pt(x.b).add(mul(beta.subtract(mulG(BigInt(values[j]))), sc(x.c))),
            ),
          ).toBe(true);
        });
      };
      b.questions.forEach((q, qi) => {
        const qs = V.shape.questions[qi];
        q.entries.forEach((e, ei) => {
          const c = Hs(
            str('congress-ballot/1/entry-proof'),
            ctx,
            u32(qi),
            u32(ei),
            unhex(e.alpha),
            unhex(e.beta),
            commitments(e.proof),
          );
          checkBranches(pt(e.alpha), pt(e.beta), e.proof, [0, 1], c);
        });
        const c = Hs(
          str('congress-ballot/1/sum-proof'),
          ctx,
          u32(qi),
          u32(qs.minMarks),
          u32(qs.maxMarks),
          u32(q.entries.length),
          ...q.entries.flatMap((e) => [unhex(e.alpha), unhex(e.beta)]),
          commitments(q.sumProof),
        );
        const A = q.entries.reduce((acc, e) => acc.add(pt(e.alpha)), P.ZERO);
        const B = q.entries.reduce((acc, e) => acc.add(pt(e.beta)), P.ZERO);
        checkBranches(
          A,
          B,
          q.sumProof,
          Array.from({ length: qs.maxMarks - qs.minMarks + 1 }, (_, i) => qs.minMarks + i),
          c,
        );
      });
      const proof = (bs: { a: string; b: string; c: string; s: string }[]) =>
        cat(u32(bs.length), ...bs.flatMap((x) => [unhex(x.a), unhex(x.b), unhex(x.c), unhex(x.s)]));
      const bytes = cat(
        str('congress-ballot/1/ballot'),
        str(b.pollId),
        unhex(b.keyFingerprint),
        str(b.voter),
        u32(b.questions.length),
        ...b.questions.map((q) =>
          cat(
            u32(q.entries.length),
            ...q.entries.map((e) => cat(unhex(e.alpha), unhex(e.beta), proof(e.proof))),
            proof(q.sumProof),
          ),
        ),
      );
      expect(hex(sha256(bytes))).toBe(tracker);
    }
  });

  it('tally, decryption proofs and counts', () => {
    V.tally.questions.forEach((q, qi) =>
      q.entries.forEach((e, ei) => {
        const A = V.ballots.reduce(
          (acc, b) => acc.add(pt(b.ballot.questions[qi].entries[ei].alpha)),
          P.ZERO,
        );
        expect(hex(A.toBytes())).toBe(e.alpha);
        let M = pt(e.beta);
        for (const pd of V.decryptions) {
          const t = V.key.trustees[pd.trustee - 1];
          const d = pd.questions[qi].entries[ei];
          const c = Hs(
            str('congress-ballot/1/decryption-proof'),
            str(V.key.pollId),
            unhex(V.key.fingerprint),
            u32(pd.trustee),
            unhex(t.publicKey),
            u32(qi),
            u32(ei),
            unhex(e.alpha),
            unhex(d.d),
            unhex(d.t1),
            unhex(d.t2),
          );
          expect(mulG(sc(d.s)).equals(pt(d.t1).add(mul(pt(t.publicKey), c)))).toBe(true);
          expect(mul(A, sc(d.s)).equals(pt(d.t2).add(mul(pt(d.d), c)))).toBe(true);
          M = M.subtract(pt(d.d));
        }
        expect(M.equals(mulG(BigInt(V.result.counts[qi][ei])))).toBe(true);
      }),
    );
  });

  it('recovery code: base32 of secret ‖ SHA-256(str(tag) ‖ secret)[0..3]', () => {
    const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    for (const t of V.trustees) {
      const x = unhex(t.secret.secret);
      const payload = cat(x, sha256(cat(str('congress-ballot/1/recovery-code'), x)).subarray(0, 3));
      const bits = Array.from(payload, (b) => b.toString(2).padStart(8, '0')).join('');
      const code = bits
        .match(/.{5}/g)!
        .map((g) => B32[parseInt(g, 2)])
        .join('');
      expect(t.recoveryCode.replace(/-/g, '')).toBe(code);
    }
  });
});
