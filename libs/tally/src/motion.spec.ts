import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { countMotionBallots, tallyMotion, type MotionChoice } from './motion.js';
import { MAJORITY_OF_CAST, MAJORITY_OF_PRESENT, TWO_THIRDS_OF_ALL } from './rules.js';

const counts = (f: number, against = 0, abstain = 0, invalid = 0) => ({
  for: f,
  against,
  abstain,
  invalid,
});

describe('motion: exactly half is not a majority', () => {
  it('50 of 100 fails', () => {
    const r = tallyMotion({ electorate: { total: 100, present: 100 }, counts: counts(50, 50) });
    expect(r.passed).toBe(false);
    expect(r.rule.required).toBe(51);
  });

  it('51 of 100 passes', () => {
    expect(
      tallyMotion({ electorate: { total: 100, present: 100 }, counts: counts(51, 49) }).passed,
    ).toBe(true);
  });

  it('50 of 99 passes', () => {
    const r = tallyMotion({ electorate: { total: 99, present: 99 }, counts: counts(50, 49) });
    expect(r.passed).toBe(true);
    expect(r.rule.required).toBe(50);
  });
});

describe('motion: result for the minutes', () => {
  it('carries counts, base, required count, rule and summary', () => {
    const r = tallyMotion({
      id: 'welfare-fund-2025',
      title: '2025 年福利基金使用方案',
      electorate: { total: 100, present: 95 },
      counts: counts(60, 20, 10, 2),
      notVoted: 3,
    });
    expect(r).toEqual({
      kind: 'motion',
      id: 'welfare-fund-2025',
      title: '2025 年福利基金使用方案',
      counts: { for: 60, against: 20, abstain: 10, invalid: 2, notVoted: 3 },
      ballots: 92,
      valid: 90,
      electorate: { total: 100, present: 95, absent: 5 },
      rule: {
        id: 'majority:all:gt:1/2',
        kind: 'majority',
        base: 'all',
        fraction: { numerator: 1, denominator: 2 },
        comparison: '>',
        baseSize: 100,
        required: 51,
        attainable: true,
        text: {
          zh: '赞成票超过全体职工代表的半数（需 ≥ 51 票，共 100 名代表）',
          en: 'Votes for: more than half of all serving delegates (need ≥ 51 votes; 100 serving delegates)',
        },
      },
      passed: true,
      summary: {
        zh: '通过。赞成 60 票，反对 20 票，弃权 10 票，无效 2 票，未投票 3 人；赞成票超过全体职工代表的半数（需 ≥ 51 票，共 100 名代表）。',
        en: 'Passed. For 60, against 20, abstain 10, invalid 2, not voted 3; Votes for: more than half of all serving delegates (need ≥ 51 votes; 100 serving delegates).',
      },
    });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

describe('motion: base `present` vs `all` give different outcomes', () => {
  const input = { electorate: { total: 100, present: 70 }, counts: counts(40, 25, 5) };

  it('40 of 70 present passes on the present base (need 36)', () => {
    const r = tallyMotion({ ...input, rule: MAJORITY_OF_PRESENT });
    expect(r.passed).toBe(true);
    expect(r.rule.required).toBe(36);
    expect(r.rule.baseSize).toBe(70);
  });

  it('the same 40 fail on the legal base of all 100 delegates (need 51)', () => {
    const r = tallyMotion(input);
    expect(r.passed).toBe(false);
    expect(r.rule.required).toBe(51);
    expect(r.summary.zh.startsWith('未通过。')).toBe(true);
  });
});

describe('motion: base `cast` counts abstentions but not invalid ballots', () => {
  it('30 for, 20 against, 10 abstain, 5 invalid: base 60, need 31', () => {
    const r = tallyMotion({
      electorate: { total: 100, present: 70 },
      counts: counts(30, 20, 10, 5),
      rule: MAJORITY_OF_CAST,
    });
    expect(r.rule.baseSize).toBe(60);
    expect(r.rule.required).toBe(31);
    expect(r.passed).toBe(false);
    expect(r.counts.notVoted).toBe(5);
  });

  it('nothing passes when no valid ballot was cast', () => {
    const r = tallyMotion({
      electorate: { total: 10, present: 10 },
      counts: counts(0, 0, 0, 3),
      rule: MAJORITY_OF_CAST,
    });
    expect(r.rule.required).toBe(1);
    expect(r.passed).toBe(false);
  });
});

describe('motion: two-thirds variant', () => {
  it('needs 67 of 100; 66 fails', () => {
    const e = { total: 100, present: 100 };
    expect(
      tallyMotion({ electorate: e, counts: counts(66, 34), rule: TWO_THIRDS_OF_ALL }).passed,
    ).toBe(false);
    expect(
      tallyMotion({ electorate: e, counts: counts(67, 33), rule: TWO_THIRDS_OF_ALL }).passed,
    ).toBe(true);
  });

  it('needs 68 of 101 and 66 of 99', () => {
    expect(
      tallyMotion({
        electorate: { total: 101, present: 101 },
        counts: counts(67),
        rule: TWO_THIRDS_OF_ALL,
      }).passed,
    ).toBe(false);
    expect(
      tallyMotion({
        electorate: { total: 101, present: 101 },
        counts: counts(68),
        rule: TWO_THIRDS_OF_ALL,
      }).passed,
    ).toBe(true);
    expect(
      tallyMotion({
        electorate: { total: 99, present: 99 },
        counts: counts(66),
        rule: TWO_THIRDS_OF_ALL,
      }).passed,
    ).toBe(true);
  });
});

describe('motion: zero delegates', () => {
  it('nothing passes', () => {
    const r = tallyMotion({ electorate: { total: 0, present: 0 }, counts: counts(0) });
    expect(r.passed).toBe(false);
    expect(r.rule.attainable).toBe(false);
  });
});

describe('motion: invalid input', () => {
  it.each([
    [{ electorate: { total: 100, present: 50 }, counts: counts(40, 11) }, 'COUNTS_EXCEED_VOTERS'],
    [{ electorate: { total: 100, present: 101 }, counts: counts(1) }, 'PRESENT_EXCEEDS_TOTAL'],
    [{ electorate: { total: 100, present: 100 }, counts: counts(-1) }, 'NEGATIVE_COUNT'],
    [{ electorate: { total: 100, present: 100 }, counts: counts(1.5) }, 'NOT_AN_INTEGER'],
    [
      { electorate: { total: 100, present: 100 }, counts: { for: 1, against: 1, abstain: 1 } },
      'NOT_AN_INTEGER',
    ],
    [
      { electorate: { total: 100, present: 100 }, counts: counts(50, 40), notVoted: 9 },
      'COUNTS_DONT_ADD_UP',
    ],
    [
      {
        electorate: { total: 100, present: 100 },
        counts: counts(50),
        rule: { base: 'x', fraction: { numerator: 1, denominator: 2 }, comparison: '>' },
      },
      'INVALID_RULE',
    ],
  ])('%o → %s', (input, code) => {
    expect(() => tallyMotion(input as Parameters<typeof tallyMotion>[0])).toThrow(
      expect.objectContaining({ code }),
    );
  });

  it('carries the numbers in the error details', () => {
    try {
      tallyMotion({ electorate: { total: 100, present: 50 }, counts: counts(51) });
      throw new Error('should have thrown');
    } catch (error) {
      expect(error).toMatchObject({
        code: 'COUNTS_EXCEED_VOTERS',
        details: { ballots: 51, present: 50, total: 100 },
      });
    }
  });
});

describe('motion: plaintext ballots (open votes)', () => {
  it('counts choices', () => {
    expect(countMotionBallots(['for', 'for', 'against', 'abstain', 'invalid', 'for'])).toEqual(
      counts(3, 1, 1, 1),
    );
    expect(() => countMotionBallots(['yes' as MotionChoice])).toThrow(
      expect.objectContaining({ code: 'INVALID_CHOICE' }),
    );
  });

  it('counts add up: ballots + notVoted = present', () => {
    const choice = fc.constantFrom<MotionChoice>('for', 'against', 'abstain', 'invalid');
    fc.assert(
      fc.property(
        fc.array(choice, { maxLength: 200 }),
        fc.nat(50),
        fc.nat(50),
        (choices, extraPresent, absent) => {
          const present = choices.length + extraPresent;
          const r = tallyMotion({
            electorate: { total: present + absent, present },
            counts: countMotionBallots(choices),
          });
          const c = r.counts;
          expect(c.for + c.against + c.abstain + c.invalid + c.notVoted).toBe(present);
          expect(r.ballots).toBe(choices.length);
          expect(r.passed).toBe(c.for * 2 > present + absent);
        },
      ),
    );
  });

  it('one more vote for never turns a pass into a fail', () => {
    fc.assert(
      fc.property(fc.nat(100), fc.nat(100), fc.nat(100), fc.nat(20), (f, a, ab, spare) => {
        const present = f + a + ab + 1 + spare;
        const e = { total: present, present };
        const before = tallyMotion({ electorate: e, counts: counts(f, a, ab) });
        const after = tallyMotion({ electorate: e, counts: counts(f + 1, a, ab) });
        if (before.passed) expect(after.passed).toBe(true);
      }),
    );
  });
});
