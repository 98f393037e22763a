// Ballots a cheating tablet could make with valid proofs but no secrecy, and malformed ones:
// refused with a code at verification (noble, batch and libsodium alike).
import { describe, it, expect, beforeAll } from '@jest/globals';
import {
  contextDigest,
  encryptBallot,
  entryChallenge,
  marks,
  parseBallot,
  verifyBallot,
  type Ballot,
} from './ballot.js';
import { toHex } from './encoding.js';
import { challengesAddUp, checkEach, disjunctiveEqs } from './proofs.js';
import { verifyBallots } from './batch.js';
import { BallotError } from './errors.js';
import { G, mulG, pointFromHex, pointToHex } from './group.js';
import { verifyElectionKey } from './keys.js';
import { deterministicRng } from './rng.js';
import { ballotShape } from './shape.js';
import { demoElection, forgeBallot } from './testing.js';
import { SodiumGroup, loadSodium, verifyBallotSodium } from './node/sodium.js';

const rng = deterministicRng('degenerate');
const el = demoElection('poll-degenerate', 2, rng);
const shape = ballotShape({ questions: [{ kind: 'motion' }] });
const ZEROS = '00'.repeat(32);
let group: SodiumGroup;
beforeAll(async () => {
  group = new SodiumGroup(await loadSodium());
});

function refusedWith(ballot: Ballot, code: string): BallotError {
  let err: unknown;
  try {
    verifyBallot(ballot, { key: el.key, shape });
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(BallotError);
  expect((err as BallotError).code).toBe(code);
  const batch = verifyBallots({ key: el.key, shape }, [{ ballot }], { rng }).outcomes[0];
  expect(batch.ok ? undefined : batch.error.code).toBe(code);
  expect(() => verifyBallotSodium(group, ballot, verifyElectionKey(el.key), shape)).toThrow(
    new RegExp(`^${code}`),
  );
  return err as BallotError;
}

describe('degenerate ciphertexts', () => {
  it('a ballot with zero randomness (readable by anyone, proofs valid) is refused', () => {
    const ballot = forgeBallot(el.key, shape, 'v1', [marks(3, 1)], rng, { zeroRandomness: true });
    const e = ballot.questions[0].entries;
    // What anyone would read off the board: α = identity, β = m·G.
    expect(e.map((x) => x.alpha)).toEqual([ZEROS, ZEROS, ZEROS]);
    expect(e.map((x) => pointFromHex(x.beta, 'beta').equals(G))).toEqual([false, true, false]);
    // Its 0/1 proofs are valid: only the degenerate-ciphertext rule stops it.
    const info = verifyElectionKey(el.key);
    const pb = parseBallot(ballot);
    const ctx = contextDigest(pb.pollId, pb.fingerprint, shape, pb.voter);
    pb.questions[0].entries.forEach((x, ei) => {
      expect(challengesAddUp(x.proof, entryChallenge(ctx, 0, ei, x.alpha, x.beta, x.proof))).toBe(
        true,
      );
      const pt = (b: Uint8Array) => pointFromHex(toHex(b), 'p');
      const branches = x.proof.map((br) => ({ a: pt(br.a), b: pt(br.b), c: br.c, s: br.s }));
      const eqs = disjunctiveEqs(
        pt(x.alpha),
        pt(x.beta),
        branches,
        [0, 1],
        'ENTRY_PROOF_FAILED',
        {},
      );
      expect(() => checkEach(eqs, info.Y)).not.toThrow();
    });
    const err = refusedWith(ballot, 'DEGENERATE_CIPHERTEXT');
    expect(err.detail).toMatchObject({ question: 0, entry: 0, check: 'alpha' });
  });

  it('β = identity is refused too', () => {
    const { ballot } = encryptBallot({
      key: el.key,
      shape,
      voter: 'v2',
      choices: [marks(3, 0)],
      rng,
    });
    const bad = structuredClone(ballot);
    bad.questions[0].entries[2].beta = ZEROS;
    expect(refusedWith(bad, 'DEGENERATE_CIPHERTEXT').detail).toMatchObject({
      entry: 2,
      check: 'beta',
    });
  });

  it('an honest ballot is not affected', () => {
    const { ballot } = encryptBallot({
      key: el.key,
      shape,
      voter: 'v3',
      choices: [marks(3, 2)],
      rng,
    });
    expect(verifyBallot(ballot, { key: el.key, shape }).voter).toBe('v3');
  });
});

describe('empty proofs and undecodable points', () => {
  const { ballot } = encryptBallot({
    key: el.key,
    shape,
    voter: 'v4',
    choices: [marks(3, 0)],
    rng,
  });
  const variant = (f: (b: Ballot) => void) => {
    const b = structuredClone(ballot);
    f(b);
    return b;
  };

  it('an empty entry proof, sum proof or question list is a shape mismatch', () => {
    refusedWith(
      variant((b) => (b.questions[0].entries[1].proof = [])),
      'SHAPE_MISMATCH',
    );
    refusedWith(
      variant((b) => (b.questions[0].sumProof = [])),
      'SHAPE_MISMATCH',
    );
    refusedWith(
      variant((b) => (b.questions = [])),
      'SHAPE_MISMATCH',
    );
    refusedWith(
      variant((b) => (b.questions[0].entries = [])),
      'SHAPE_MISMATCH',
    );
  });

  it('a point that does not decode (RFC 9496) is BAD_ENCODING', () => {
    // 0xff…: not canonical (≥ p); 2·G's encoding with its sign bit flipped is negative.
    const neg = pointToHex(mulG(2n)).replace(/^(..)/, (h) =>
      (parseInt(h, 16) | 1).toString(16).padStart(2, '0'),
    );
    for (const bad of ['ff'.repeat(32), neg]) {
      refusedWith(
        variant((b) => (b.questions[0].entries[0].alpha = bad)),
        'BAD_ENCODING',
      );
      refusedWith(
        variant((b) => (b.questions[0].entries[1].proof[0].a = bad)),
        'BAD_ENCODING',
      );
      refusedWith(
        variant((b) => (b.questions[0].sumProof[0].b = bad)),
        'BAD_ENCODING',
      );
    }
  });
});
