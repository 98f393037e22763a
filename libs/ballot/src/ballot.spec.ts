import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import {
  acceptedBallot,
  ballotBytes,
  ballotToJSON,
  ballotTracker,
  checkBallot,
  encryptBallot,
  marks,
  parseBallot,
  parseBallotBytes,
  verifyBallot,
  type Ballot,
} from './ballot.js';
import { BallotError, type BallotErrorCode } from './errors.js';
import { sha256Of } from './hash.js';
import { toHex } from './encoding.js';
import type { ElectionKey } from './keys.js';
import { deterministicRng } from './rng.js';
import { ballotShape, type BallotShape, type PollSpec, type QuestionSpec } from './shape.js';
import { demoElection, forgeBallot, randomChoices, seededRandom } from './testing.js';

const rng = deterministicRng('ballot-spec');
const A = demoElection('poll-A', 2, rng);
const B = demoElection('poll-B', 2, rng);

function failure(f: () => unknown): BallotError | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    if (e instanceof BallotError) return e;
    throw e;
  }
}
const codeOf = (f: () => unknown): BallotErrorCode | 'none' => failure(f)?.code ?? 'none';

const questionArb: fc.Arbitrary<QuestionSpec> = fc.oneof(
  fc.record({ kind: fc.constant('motion' as const), options: fc.integer({ min: 2, max: 4 }) }),
  fc
    .integer({ min: 1, max: 5 })
    .chain((n) => fc.integer({ min: 1, max: n }).map((k) => [n, k] as const))
    .chain(([n, k]) =>
      fc.record({
        kind: fc.constant('election' as const),
        candidates: fc.constant(n),
        maxMarks: fc.constant(k),
        minMarks: fc.integer({ min: 0, max: k }),
      }),
    ),
  fc.record({
    kind: fc.constant('evaluation' as const),
    persons: fc.integer({ min: 1, max: 2 }),
    grades: fc.integer({ min: 2, max: 4 }),
  }),
);
const pollArb: fc.Arbitrary<PollSpec> = fc
  .array(questionArb, { minLength: 1, maxLength: 3 })
  .map((questions) => ({ questions }));
const caseArb = fc.record({
  poll: pollArb,
  seed: fc.integer(),
  voter: fc.string({ minLength: 1, maxLength: 24 }),
});

function make(c: { poll: PollSpec; seed: number; voter: string }, key: ElectionKey = A.key) {
  const shape = ballotShape(c.poll);
  const choices = randomChoices(shape, seededRandom(c.seed));
  const enc = encryptBallot({
    key,
    shape,
    voter: c.voter,
    choices,
    rng: deterministicRng(`case ${c.seed}`),
  });
  return { shape, choices, ...enc };
}

describe('honest ballots', () => {
  it('verify, by both methods, with the tracker of their canonical bytes', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { shape, ballot, tracker, shortCode } = make(c);
        const ctx = { key: A.key, shape, voter: c.voter };
        expect(verifyBallot(ballot, ctx).tracker).toBe(tracker);
        expect(verifyBallot(ballot, ctx, { method: 'direct' }).tracker).toBe(tracker);
        expect(tracker).toBe(toHex(sha256Of(ballotBytes(ballot))));
        expect(shortCode).toMatch(/^[A-Z2-7]{4}-[A-Z2-7]{4}$/);
        expect(ballotToJSON(parseBallotBytes(ballotBytes(ballot)))).toEqual(ballot);
        expect(ballotToJSON(parseBallot(JSON.stringify(ballot)))).toEqual(ballot);
        // What the server stores at cast: the object as sent, which is the canonical form.
        const sent = JSON.parse(JSON.stringify(ballot)) as unknown;
        expect(acceptedBallot(sent, parseBallot(sent))).toBe(sent);
        expect(ballotToJSON(parseBallot(sent))).toEqual(sent);
        const text = JSON.stringify(ballot);
        expect(acceptedBallot(text, parseBallot(text))).toEqual(ballot);
        expect(verifyBallot(ballotBytes(ballot), ctx).tracker).toBe(tracker);
        expect(checkBallot(ballot, ctx)).toEqual({ ok: true, tracker, shortCode });
      }),
      { numRuns: 25 },
    );
  });
  it('of every kind: motion, election (blank too), evaluation, several items', () => {
    const shape = ballotShape({
      questions: [
        { kind: 'motion' },
        { kind: 'election', candidates: 5, maxMarks: 2 },
        { kind: 'evaluation', persons: 2, grades: 4 },
        { kind: 'motion', options: 2 },
      ],
    });
    expect(shape.questions.map((q) => [q.kind, q.entries, q.minMarks, q.maxMarks])).toEqual([
      ['motion', 3, 1, 1],
      ['election', 5, 0, 2],
      ['evaluation', 4, 1, 1],
      ['evaluation', 4, 1, 1],
      ['motion', 2, 1, 1],
    ]);
    for (const election of [marks(5), marks(5, 4), marks(5, 0, 3)]) {
      const choices = [marks(3, 2), election, marks(4, 0), marks(4, 3), marks(2, 1)];
      const { ballot } = encryptBallot({ key: A.key, shape, voter: 'd-17', choices, rng });
      expect(checkBallot(ballot, { key: A.key, shape, voter: 'd-17' }).ok).toBe(true);
    }
  });
});

describe('tampered ballots fail', () => {
  it('changing any byte of the canonical bytes', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), fc.integer({ min: 1, max: 255 }), (c, at, x) => {
        const { shape, ballot } = make(c);
        const bytes = ballotBytes(ballot);
        bytes[at % bytes.length] ^= x;
        expect(codeOf(() => verifyBallot(bytes, { key: A.key, shape }))).not.toBe('none');
      }),
      { numRuns: 40 },
    );
  });

  it('changing any hex digit of the JSON', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), fc.integer({ min: 1, max: 15 }), (c, at, x) => {
        const { shape, ballot } = make(c);
        const text = JSON.stringify(ballot);
        const hexAt = [...text.matchAll(/"[0-9a-f]{64}"/g)].flatMap((m) =>
          Array.from({ length: 64 }, (_, i) => m.index + 1 + i),
        );
        const i = hexAt[at % hexAt.length];
        const changed =
          text.slice(0, i) + (parseInt(text[i], 16) ^ x).toString(16) + text.slice(i + 1);
        expect(codeOf(() => verifyBallot(changed, { key: A.key, shape }))).not.toBe('none');
      }),
      { numRuns: 40 },
    );
  });

  it('swapping two entries of a question, or two questions of the same shape', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), fc.nat(), (c, i, j) => {
        const { shape, ballot } = make(c);
        const q = ballot.questions.findIndex((x) => x.entries.length >= 2);
        if (q < 0) return;
        const n = ballot.questions[q].entries.length;
        const e1 = i % n;
        const e2 = (e1 + 1 + (j % (n - 1))) % n;
        const swapped: Ballot = structuredClone(ballot);
        [swapped.questions[q].entries[e1], swapped.questions[q].entries[e2]] = [
          swapped.questions[q].entries[e2],
          swapped.questions[q].entries[e1],
        ];
        const err = failure(() => verifyBallot(swapped, { key: A.key, shape }));
        expect(err?.code).toBe('ENTRY_PROOF_FAILED');
        expect(err?.detail.question).toBe(q);
      }),
      { numRuns: 25 },
    );
    const shape = ballotShape({ questions: [{ kind: 'motion' }, { kind: 'motion' }] });
    const { ballot } = encryptBallot({
      key: A.key,
      shape,
      voter: 'v',
      choices: [marks(3, 0), marks(3, 1)],
      rng,
    });
    const swapped = { ...ballot, questions: [ballot.questions[1], ballot.questions[0]] };
    expect(codeOf(() => verifyBallot(swapped, { key: A.key, shape }))).toBe('ENTRY_PROOF_FAILED');
  });

  it('replaying under another voter credential', () => {
    fc.assert(
      fc.property(caseArb, fc.string({ minLength: 1, maxLength: 24 }), (c, other) => {
        if (other === c.voter) return;
        const { shape, ballot } = make(c);
        expect(codeOf(() => verifyBallot(ballot, { key: A.key, shape, voter: other }))).toBe(
          'WRONG_VOTER',
        );
        const relabelled = { ...ballot, voter: other };
        const err = failure(() => verifyBallot(relabelled, { key: A.key, shape, voter: other }));
        expect(err?.code).toBe('ENTRY_PROOF_FAILED');
        expect(err?.detail).toMatchObject({ question: 0, entry: 0, check: 'challenge' });
      }),
      { numRuns: 20 },
    );
  });

  it('replaying under another poll', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { shape, ballot } = make(c);
        expect(codeOf(() => verifyBallot(ballot, { key: B.key, shape }))).toBe('WRONG_POLL');
        const moved = { ...ballot, pollId: B.key.pollId, keyFingerprint: B.key.fingerprint };
        expect(codeOf(() => verifyBallot(moved, { key: B.key, shape }))).toBe('ENTRY_PROOF_FAILED');
        expect(
          codeOf(() =>
            verifyBallot({ ...ballot, keyFingerprint: B.key.fingerprint }, { key: A.key, shape }),
          ),
        ).toBe('WRONG_KEY');
      }),
      { numRuns: 15 },
    );
  });

  it('verifying under another shape', () => {
    const shape = ballotShape({ questions: [{ kind: 'election', candidates: 4, maxMarks: 1 }] });
    const { ballot } = encryptBallot({
      key: A.key,
      shape,
      voter: 'v',
      choices: [marks(4, 2)],
      rng,
    });
    const check = (poll: PollSpec) =>
      codeOf(() => verifyBallot(ballot, { key: A.key, shape: ballotShape(poll) }));
    expect(check({ questions: [{ kind: 'election', candidates: 4, maxMarks: 1 }] })).toBe('none');
    expect(check({ questions: [{ kind: 'election', candidates: 5, maxMarks: 1 }] })).toBe(
      'SHAPE_MISMATCH',
    );
    expect(check({ questions: [{ kind: 'election', candidates: 4, maxMarks: 2 }] })).toBe(
      'SHAPE_MISMATCH',
    );
    // Same sizes, other rule: the shape is in the hash, so the proofs no longer verify.
    expect(
      check({ questions: [{ kind: 'election', candidates: 4, maxMarks: 2, minMarks: 1 }] }),
    ).toBe('ENTRY_PROOF_FAILED');
    expect(check({ questions: [{ kind: 'motion', options: 4 }] })).toBe('SHAPE_MISMATCH');
    expect(check({ questions: [{ kind: 'motion' }, { kind: 'motion' }] })).toBe('SHAPE_MISMATCH');
    // A motion read as a one-person evaluation: same sizes, other kind.
    const motion = ballotShape({ questions: [{ kind: 'motion', options: 4 }] });
    const m = encryptBallot({
      key: A.key,
      shape: motion,
      voter: 'v',
      choices: [marks(4, 2)],
      rng,
    }).ballot;
    const asEvaluation = ballotShape({
      questions: [{ kind: 'evaluation', persons: 1, grades: 4 }],
    });
    expect(codeOf(() => verifyBallot(m, { key: A.key, shape: asEvaluation }))).toBe(
      'ENTRY_PROOF_FAILED',
    );
  });

  it('malformed JSON is BAD_ENCODING / BAD_VERSION, naming the field', () => {
    const shape = ballotShape({ questions: [{ kind: 'motion' }] });
    const { ballot } = encryptBallot({
      key: A.key,
      shape,
      voter: 'v',
      choices: [marks(3, 1)],
      rng,
    });
    const ctx = { key: A.key, shape };
    expect(codeOf(() => verifyBallot('{', ctx))).toBe('BAD_ENCODING');
    expect(codeOf(() => verifyBallot({ ...ballot, version: 2 } as unknown as Ballot, ctx))).toBe(
      'BAD_VERSION',
    );
    expect(codeOf(() => verifyBallot({ ...ballot, extra: 1 } as unknown as Ballot, ctx))).toBe(
      'BAD_ENCODING',
    );
    const upper = structuredClone(ballot);
    upper.questions[0].entries[1].beta = upper.questions[0].entries[1].beta.toUpperCase();
    expect(failure(() => verifyBallot(upper, ctx))?.detail).toMatchObject({
      question: 0,
      entry: 1,
      check: 'beta',
    });
    const big = structuredClone(ballot);
    big.questions[0].sumProof[0].s = 'ff'.repeat(32);
    expect(failure(() => verifyBallot(big, ctx))?.toJSON()).toMatchObject({
      code: 'BAD_ENCODING',
      question: 0,
    });
    const notPoint = structuredClone(ballot);
    notPoint.questions[0].entries[2].alpha = '01' + '00'.repeat(31);
    expect(failure(() => verifyBallot(notPoint, ctx))?.toJSON()).toMatchObject({
      code: 'BAD_ENCODING',
      question: 0,
      entry: 2,
      check: 'alpha',
    });
  });
});

describe('over-marking', () => {
  it('cannot be encrypted', () => {
    const shape = ballotShape({
      questions: [{ kind: 'motion' }, { kind: 'election', candidates: 4, maxMarks: 2 }],
    });
    const enc = (choices: number[][]) =>
      codeOf(() => encryptBallot({ key: A.key, shape, voter: 'v', choices, rng }));
    expect(enc([marks(3, 0, 1), marks(4)])).toBe('BAD_CHOICE');
    expect(enc([marks(3), marks(4)])).toBe('BAD_CHOICE');
    expect(enc([marks(3, 0), marks(4, 0, 1, 2)])).toBe('BAD_CHOICE');
    expect(enc([[0, 2, 0], marks(4)])).toBe('BAD_CHOICE');
    expect(enc([marks(3, 0)])).toBe('BAD_CHOICE');
    expect(enc([marks(3, 0), [1, 0, 0]])).toBe('BAD_CHOICE');
    expect(() => marks(3, 3)).toThrow(BallotError);
  });

  const forge = (shape: BallotShape, values: number[][], voter: string) =>
    forgeBallot(A.key, shape, voter, values, rng);

  it('forged ballots are caught: a 2 in one entry, two marks on a motion, k+1 marks in an election', () => {
    const shape = ballotShape({
      questions: [{ kind: 'motion' }, { kind: 'election', candidates: 4, maxMarks: 2 }],
    });
    const ctx = { key: A.key, shape };
    expect(codeOf(() => verifyBallot(forge(shape, [marks(3, 0), marks(4, 1)], 'v'), ctx))).toBe(
      'none',
    );
    const twoInEntry = failure(() =>
      verifyBallot(forge(shape, [marks(3, 0), [0, 2, 0, 0]], 'v'), ctx),
    );
    expect(twoInEntry?.toJSON()).toMatchObject({
      code: 'ENTRY_PROOF_FAILED',
      question: 1,
      entry: 1,
    });
    const twoOnMotion = failure(() =>
      verifyBallot(forge(shape, [marks(3, 0, 2), marks(4)], 'v'), ctx),
    );
    expect(twoOnMotion?.toJSON()).toMatchObject({ code: 'SUM_PROOF_FAILED', question: 0 });
    const overElection = failure(() =>
      verifyBallot(forge(shape, [marks(3, 1), marks(4, 0, 1, 3)], 'v'), ctx),
    );
    expect(overElection?.toJSON()).toMatchObject({ code: 'SUM_PROOF_FAILED', question: 1 });
    expect(overElection?.message).toMatch(/question 1/);
    // the single-equation method names the same failure
    expect(
      failure(() =>
        verifyBallot(forge(shape, [marks(3, 1), marks(4, 0, 1, 3)], 'v'), ctx, {
          method: 'direct',
        }),
      )?.code,
    ).toBe('SUM_PROOF_FAILED');
  });

  it('property: any over-marked question of any shape is refused', () => {
    fc.assert(
      fc.property(pollArb, fc.nat(), fc.integer(), (poll, qpick, seed) => {
        const shape = ballotShape(poll);
        const q = qpick % shape.questions.length;
        const qs = shape.questions[q];
        if (qs.maxMarks >= qs.entries) return; // cannot over-mark
        const choices = randomChoices(shape, seededRandom(seed));
        choices[q] = marks(qs.entries, ...Array.from({ length: qs.maxMarks + 1 }, (_, i) => i));
        expect(codeOf(() => encryptBallot({ key: A.key, shape, voter: 'v', choices, rng }))).toBe(
          'BAD_CHOICE',
        );
        expect(
          failure(() => verifyBallot(forge(shape, choices, 'v'), { key: A.key, shape }))?.toJSON(),
        ).toMatchObject({
          code: 'SUM_PROOF_FAILED',
          question: q,
        });
      }),
      { numRuns: 20 },
    );
  });
});

describe('tracker', () => {
  it('is SHA-256 of the canonical bytes and differs between ballots', () => {
    const shape = ballotShape({ questions: [{ kind: 'motion' }] });
    const x = encryptBallot({ key: A.key, shape, voter: 'v', choices: [marks(3, 0)], rng });
    const y = encryptBallot({ key: A.key, shape, voter: 'v', choices: [marks(3, 0)], rng });
    expect(x.tracker).not.toBe(y.tracker);
    expect(ballotTracker(x.ballot)).toBe(x.tracker);
  });
});
