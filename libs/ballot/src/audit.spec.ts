// The Benaloh audit: an honest tablet's revealed ballot checks out; a tablet that encrypted
// something else than it claims, wrong or missing randomness, and a tampered ballot are caught.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { auditBallot, revealBallot, type BallotAudit } from './audit.js';
import { encryptBallot, encryptBallotRevealable, marks } from './ballot.js';
import { BallotError } from './errors.js';
import { deterministicRng } from './rng.js';
import { ballotShape } from './shape.js';
import { demoElection } from './testing.js';

const rng = deterministicRng('audit');
const el = demoElection('poll-audit', 1, rng);
const shape = ballotShape({
  questions: [
    { kind: 'motion' },
    { kind: 'election', candidates: 4, maxMarks: 2 },
    { kind: 'evaluation', persons: 2, grades: 3 },
  ],
});
const choices = [marks(3, 0), marks(4, 1, 3), marks(3, 2), marks(3, 0)];
const ctx = { key: el.key, shape };

function fresh(c: number[][] = choices, seed = 'one'): BallotAudit {
  const enc = encryptBallotRevealable({
    key: el.key,
    shape,
    voter: 'cred-1',
    choices: c,
    rng: deterministicRng(seed),
  });
  return revealBallot(enc, c);
}

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof BallotError) return e.code;
    throw e;
  }
  return undefined;
}

describe('auditBallot', () => {
  it('checks an honest audit and gives the tracker the tablet showed before it', () => {
    const enc = encryptBallotRevealable({
      key: el.key,
      shape,
      voter: 'cred-1',
      choices,
      rng: deterministicRng('one'),
    });
    const out = auditBallot(revealBallot(enc, choices), ctx);
    expect(out.tracker).toBe(enc.tracker);
    expect(out.shortCode).toBe(enc.shortCode);
    expect(out.choices).toEqual(choices);
  });

  it('reveals nothing new in the ballot itself: encryptBallot makes the same ballot from the same draws', () => {
    const plain = encryptBallot({
      key: el.key,
      shape,
      voter: 'cred-1',
      choices,
      rng: deterministicRng('one'),
    });
    expect(fresh().ballot).toEqual(plain.ballot);
  });

  it('catches a tablet that encrypted another choice than the one it shows', () => {
    // The tablet shows 赞成 (entry 0) but encrypted 反对 (entry 1), and reveals its real r.
    const cheat = fresh([marks(3, 1), ...choices.slice(1)]);
    const claimed = { ...cheat, choices };
    expect(codeOf(() => auditBallot(claimed, ctx))).toBe('AUDIT_MISMATCH');
  });

  it('refuses wrong, short or malformed randomness', () => {
    const a = fresh();
    const other = fresh(choices, 'two');
    const swapped = { ...a, randomness: [other.randomness[0], ...a.randomness.slice(1)] };
    expect(codeOf(() => auditBallot(swapped, ctx))).toBe('AUDIT_MISMATCH');
    const short = { ...a, randomness: a.randomness.slice(1) };
    expect(codeOf(() => auditBallot(short, ctx))).toBe('AUDIT_MISMATCH');
    const shortEntry = { ...a, randomness: [a.randomness[0].slice(1), ...a.randomness.slice(1)] };
    expect(codeOf(() => auditBallot(shortEntry, ctx))).toBe('AUDIT_MISMATCH');
    const notHex = {
      ...a,
      randomness: [['zz', ...a.randomness[0].slice(1)], ...a.randomness.slice(1)],
    };
    expect(codeOf(() => auditBallot(notHex, ctx))).toBe('BAD_ENCODING');
  });

  it('refuses invalid choices, a tampered ballot and an unknown version', () => {
    const a = fresh();
    expect(
      codeOf(() => auditBallot({ ...a, choices: [marks(3, 0, 1), ...choices.slice(1)] }, ctx)),
    ).toBe('BAD_CHOICE');
    const tampered = structuredClone(a);
    tampered.ballot.questions[0].entries[0].beta = a.ballot.questions[0].entries[1].beta;
    expect(codeOf(() => auditBallot(tampered, ctx))).toBe('ENTRY_PROOF_FAILED');
    expect(codeOf(() => auditBallot({ ...a, version: 2 } as unknown as BallotAudit, ctx))).toBe(
      'BAD_VERSION',
    );
  });

  it('holds for any valid motion choice and any randomness (property)', () => {
    const motion = ballotShape({ questions: [{ kind: 'motion' }] });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 2 }),
        fc.string(),
        (m, claim, seed) => {
          const enc = encryptBallotRevealable({
            key: el.key,
            shape: motion,
            voter: 'v',
            choices: [marks(3, m)],
            rng: deterministicRng(seed),
          });
          const audit = revealBallot(enc, [marks(3, claim)]);
          const code = codeOf(() => auditBallot(audit, { key: el.key, shape: motion }));
          expect(code).toBe(m === claim ? undefined : 'AUDIT_MISMATCH');
        },
      ),
      { numRuns: 15 },
    );
  });
});
