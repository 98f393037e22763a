import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { encryptBallot, verifyBallot } from './ballot.js';
import { BallotError, type BallotErrorCode } from './errors.js';
import { mulG } from './group.js';
import { deterministicRng } from './rng.js';
import { ballotShape, type PollSpec } from './shape.js';
import {
  addTallies,
  combineDecryptions,
  emptyTally,
  partialDecrypt,
  smallDiscreteLog,
  sumCiphertexts,
  verifyPartialDecryption,
  type EncryptedTally,
  type PartialDecryption,
} from './tally.js';
import { demoElection, plainSums, randomChoices, seededRandom } from './testing.js';

const rng = deterministicRng('tally-spec');
const el = demoElection('tally-poll', 3, rng);

function codeOf(f: () => unknown): BallotErrorCode | 'none' {
  try {
    f();
    return 'none';
  } catch (e) {
    if (e instanceof BallotError) return e.code;
    throw e;
  }
}

function election(poll: PollSpec, voters: number, seed: number) {
  const shape = ballotShape(poll);
  const random = seededRandom(seed);
  const choices = Array.from({ length: voters }, () => randomChoices(shape, random));
  const ballots = choices.map(
    (c, i) => encryptBallot({ key: el.key, shape, voter: `v${i}`, choices: c, rng }).ballot,
  );
  const cts = ballots.map(
    (b, i) => verifyBallot(b, { key: el.key, shape, voter: `v${i}` }).ciphertexts,
  );
  return { shape, choices, ballots, tally: sumCiphertexts(el.key, shape, cts) };
}

describe('tally', () => {
  it('property: the decrypted tally equals the plaintext sum', () => {
    const pollArb = fc.constantFrom<PollSpec>(
      { questions: [{ kind: 'motion' }] },
      { questions: [{ kind: 'election', candidates: 4, maxMarks: 2 }] },
      {
        questions: [
          { kind: 'evaluation', persons: 2, grades: 3 },
          { kind: 'motion', options: 2 },
        ],
      },
    );
    fc.assert(
      fc.property(pollArb, fc.integer({ min: 0, max: 6 }), fc.integer(), (poll, voters, seed) => {
        const { shape, choices, tally } = election(poll, voters, seed);
        expect(tally.ballots).toBe(voters);
        const pds = el.secrets.map((s) => partialDecrypt(el.key, shape, s, tally, rng));
        const result = combineDecryptions(el.key, shape, tally, [pds[2], pds[0], pds[1]]);
        expect(result.counts).toEqual(plainSums(shape, choices));
        expect(result).toMatchObject({
          version: 1,
          pollId: 'tally-poll',
          keyFingerprint: el.key.fingerprint,
          ballots: voters,
        });
      }),
      { numRuns: 12 },
    );
  });

  it('sums in any grouping (chunks verified apart add up)', () => {
    const { shape, ballots, tally } = election({ questions: [{ kind: 'motion' }] }, 4, 7);
    const cts = ballots.map((b) => verifyBallot(b, { key: el.key, shape }).ciphertexts);
    const left = sumCiphertexts(el.key, shape, cts.slice(0, 1));
    const right = sumCiphertexts(el.key, shape, cts.slice(1));
    expect(addTallies(el.key, shape, left, right)).toEqual(tally);
    expect(addTallies(el.key, shape, emptyTally(el.key, shape), tally)).toEqual(tally);
  });

  it('custodian mode (one trustee) decrypts the same way', () => {
    const c = demoElection('custodian-poll', 1, rng);
    const shape = ballotShape({ questions: [{ kind: 'motion' }] });
    const b = encryptBallot({ key: c.key, shape, voter: 'v', choices: [[0, 0, 1]], rng }).ballot;
    const tally = sumCiphertexts(c.key, shape, [
      verifyBallot(b, { key: c.key, shape }).ciphertexts,
    ]);
    const result = combineDecryptions(c.key, shape, tally, [
      partialDecrypt(c.key, shape, c.secrets[0], tally, rng),
    ]);
    expect(result.counts).toEqual([[0, 0, 1]]);
  });
});

describe('partial decryptions', () => {
  const { shape, tally } = election(
    { questions: [{ kind: 'motion' }, { kind: 'election', candidates: 3, maxMarks: 2 }] },
    3,
    11,
  );
  const pds = el.secrets.map((s) => partialDecrypt(el.key, shape, s, tally, rng));

  it('verify, and any changed value fails with the trustee, question and entry', () => {
    for (const pd of pds) expect(verifyPartialDecryption(el.key, shape, tally, pd)).toHaveLength(2);
    fc.assert(
      fc.property(
        fc.nat(2),
        fc.nat(1),
        fc.nat(2),
        fc.constantFrom('d', 't1', 't2', 's'),
        (t, q, e, field) => {
          const bad: PartialDecryption = structuredClone(pds[t]);
          const entry = bad.questions[q].entries[e] as unknown as Record<string, string>;
          const other = pds[(t + 1) % 3].questions[q].entries[e] as unknown as Record<
            string,
            string
          >;
          entry[field] = other[field];
          try {
            verifyPartialDecryption(el.key, shape, tally, bad);
            throw new Error('accepted');
          } catch (err) {
            expect(err).toBeInstanceOf(BallotError);
            expect((err as BallotError).toJSON()).toMatchObject({
              code: 'DECRYPTION_PROOF_FAILED',
              trustee: t + 1,
              question: q,
              entry: e,
            });
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it('need every trustee once, for this tally', () => {
    expect(codeOf(() => combineDecryptions(el.key, shape, tally, pds.slice(0, 2)))).toBe(
      'MISSING_TRUSTEE',
    );
    expect(codeOf(() => combineDecryptions(el.key, shape, tally, [...pds, pds[0]]))).toBe(
      'MISSING_TRUSTEE',
    );
    expect(
      codeOf(() =>
        combineDecryptions(el.key, shape, tally, [pds[0], pds[1], { ...pds[2], trustee: 4 }]),
      ),
    ).toBe('MISSING_TRUSTEE');
    const other = election(
      { questions: [{ kind: 'motion' }, { kind: 'election', candidates: 3, maxMarks: 2 }] },
      2,
      12,
    ).tally;
    expect(codeOf(() => verifyPartialDecryption(el.key, shape, other, pds[0]))).toBe(
      'DECRYPTION_PROOF_FAILED',
    );
    expect(
      codeOf(() => partialDecrypt(el.key, shape, { ...el.secrets[0], index: 2 }, tally, rng)),
    ).toBe('WRONG_SECRET');
    expect(
      codeOf(() => verifyPartialDecryption(el.key, shape, tally, { ...pds[0], pollId: 'x' })),
    ).toBe('WRONG_POLL');
  });

  it('a tally that understates its ballots yields COUNT_NOT_FOUND, a doctored one TALLY/shape errors', () => {
    const understated: EncryptedTally = { ...tally, ballots: 0 };
    const upds = el.secrets.map((s) => partialDecrypt(el.key, shape, s, understated, rng));
    const counts = combineDecryptions(el.key, shape, tally, pds).counts;
    expect(codeOf(() => combineDecryptions(el.key, shape, understated, upds))).toBe(
      counts.flat().some((n) => n > 0) ? 'COUNT_NOT_FOUND' : 'none',
    );
    expect(
      codeOf(() =>
        combineDecryptions(el.key, ballotShape({ questions: [{ kind: 'motion' }] }), tally, pds),
      ),
    ).toBe('SHAPE_MISMATCH');
    expect(
      codeOf(() =>
        combineDecryptions(el.key, shape, { ...tally, keyFingerprint: '00'.repeat(32) }, pds),
      ),
    ).toBe('WRONG_KEY');
  });
});

describe('smallDiscreteLog', () => {
  it('finds n·G for 0 ≤ n ≤ max and nothing beyond', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 3000 }),
        (n, max) => {
          expect(smallDiscreteLog(mulG(BigInt(n)), max)).toBe(n <= max ? n : undefined);
        },
      ),
      { numRuns: 60 },
    );
    for (const max of [0, 1, 2, 3, 4, 15, 16, 17])
      for (let n = 0; n <= max + 1; n++)
        expect(smallDiscreteLog(mulG(BigInt(n)), max)).toBe(n <= max ? n : undefined);
    // A 2,000-ballot count (256 baby steps): either side of each giant step, and of max.
    for (const n of [0, 255, 256, 257, 511, 512, 667, 1023, 1024, 1999, 2000, 2001])
      expect(smallDiscreteLog(mulG(BigInt(n)), 2000)).toBe(n <= 2000 ? n : undefined);
  });
});
