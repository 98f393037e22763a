import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { checkBallot, encryptBallot, verifyBallot, type Ballot } from './ballot.js';
import { verifyBallots } from './batch.js';
import { deterministicRng } from './rng.js';
import { ballotShape } from './shape.js';
import { sumCiphertexts } from './tally.js';
import { demoElection, randomChoices, seededRandom } from './testing.js';

const rng = deterministicRng('batch-spec');
const el = demoElection('batch-poll', 2, rng);
const shape = ballotShape({
  questions: [{ kind: 'motion' }, { kind: 'election', candidates: 3, maxMarks: 2 }],
});
const random = seededRandom(5);
const honest = Array.from(
  { length: 24 },
  (_, i) =>
    encryptBallot({
      key: el.key,
      shape,
      voter: `v${i}`,
      choices: randomChoices(shape, random),
      rng,
    }).ballot,
);

/** Damages one ballot in one of several ways; returns the damaged copy. */
function damage(b: Ballot, how: number): Ballot {
  const d: Ballot = structuredClone(b);
  const e = d.questions[how % 2].entries[how % 3];
  switch (how % 5) {
    case 0:
      [e.proof[0].s, e.proof[1].s] = [e.proof[1].s, e.proof[0].s];
      break;
    case 1:
      d.questions[1].sumProof[0].a = d.questions[1].sumProof[1].a;
      break;
    case 2:
      [d.questions[0].entries[0], d.questions[0].entries[1]] = [
        d.questions[0].entries[1],
        d.questions[0].entries[0],
      ];
      break;
    case 3:
      e.alpha = 'ff'.repeat(32);
      break;
    default:
      d.voter = `${d.voter}-copy`;
  }
  return d;
}

const honestCts = honest.map((b) => verifyBallot(b, { key: el.key, shape }).ciphertexts);

describe('verifyBallots (noble batch)', () => {
  it('accepts honest batches and sums them like one-by-one verification', () => {
    const r = verifyBallots(
      { key: el.key, shape },
      honest.map((ballot, i) => ({ ballot, voter: `v${i}` })),
    );
    expect(r.outcomes.every((o) => o.ok)).toBe(true);
    expect(r.tally).toEqual(sumCiphertexts(el.key, shape, honestCts));
  });

  it('property: bad ballots anywhere in a batch are found with the same error as alone; the rest still count', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(23), { maxLength: 5 }),
        fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
        fc.integer({ min: 1, max: 8 }),
        (bad, hows, leaf) => {
          const items = honest.map((ballot, i) => {
            const k = bad.indexOf(i);
            return { ballot: k >= 0 ? damage(ballot, hows[k]) : ballot };
          });
          const r = verifyBallots({ key: el.key, shape }, items, { leaf });
          r.outcomes.forEach((o, i) => {
            if (!bad.includes(i)) return expect(o.ok).toBe(true);
            const alone = checkBallot(items[i].ballot, { key: el.key, shape });
            expect(o.ok).toBe(alone.ok);
            if (!o.ok && !alone.ok) {
              expect(o.error.code).toBe(alone.error.code);
              expect(o.error.detail).toEqual({ ...alone.error.detail, ballot: i });
            }
          });
          const good = items.flatMap((it, i) =>
            !r.outcomes[i].ok
              ? []
              : bad.includes(i)
                ? [verifyBallot(it.ballot, { key: el.key, shape }).ciphertexts]
                : [honestCts[i]],
          );
          expect(r.tally).toEqual(sumCiphertexts(el.key, shape, good));
        },
      ),
      { numRuns: 12 },
    );
  });

  it('checks the credential each ballot was submitted under', () => {
    const r = verifyBallots({ key: el.key, shape }, [
      { ballot: honest[0], voter: 'v0' },
      { ballot: honest[1], voter: 'v0' },
      { ballot: JSON.stringify(honest[2]) },
      { ballot: 'not json' },
    ]);
    expect(r.outcomes.map((o) => (o.ok ? 'ok' : o.error.code))).toEqual([
      'ok',
      'WRONG_VOTER',
      'ok',
      'BAD_ENCODING',
    ]);
    expect(r.tally.ballots).toBe(2);
  });
});
