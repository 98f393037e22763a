import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { checkQuorum } from './quorum.js';
import { DEFAULT_QUORUM_RULE } from './rules.js';

describe('quorum: default at least 2/3 of all serving delegates', () => {
  it.each([
    [100, 67],
    [101, 68],
    [99, 66],
    [30, 20],
  ])('%i delegates need %i present', (total, required) => {
    const reached = checkQuorum({ total, present: required });
    expect(reached.reached).toBe(true);
    expect(reached.required).toBe(required);
    const short = checkQuorum({ total, present: required - 1 });
    expect(short.reached).toBe(false);
    expect(short.required).toBe(required);
  });

  it('reports the numbers and the rule for the minutes', () => {
    const r = checkQuorum({ total: 100, present: 70 });
    expect(r).toEqual({
      kind: 'quorum',
      reached: true,
      required: 67,
      present: 70,
      total: 100,
      absent: 30,
      rule: {
        id: 'quorum:all:gte:2/3',
        kind: 'quorum',
        base: 'all',
        fraction: { numerator: 2, denominator: 3 },
        comparison: '>=',
        baseSize: 100,
        required: 67,
        attainable: true,
        text: {
          zh: '出席代表不少于全体职工代表的三分之二（需 ≥ 67 人，共 100 名代表）',
          en: 'Delegates present: at least two thirds of all serving delegates (need ≥ 67 delegates; 100 serving delegates)',
        },
      },
      summary: {
        zh: '应到 100 人，实到 70 人，缺席 30 人；出席代表不少于全体职工代表的三分之二（需 ≥ 67 人，共 100 名代表）；达到法定人数。',
        en: '100 serving, 70 present, 30 absent; Delegates present: at least two thirds of all serving delegates (need ≥ 67 delegates; 100 serving delegates); quorum reached.',
      },
    });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('2/3 of 99 is exactly 66: 66 present is a quorum', () => {
    expect(checkQuorum({ total: 99, present: 66 }).reached).toBe(true);
    expect(checkQuorum({ total: 99, present: 65 }).reached).toBe(false);
  });
});

describe('quorum: zero delegates', () => {
  it('is never reached with nobody serving', () => {
    const r = checkQuorum({ total: 0, present: 0 });
    expect(r.reached).toBe(false);
    expect(r.required).toBe(1);
    expect(r.rule.attainable).toBe(false);
  });
});

describe('quorum: configured rule', () => {
  it('more than half (a provincial variant)', () => {
    const rule = { fraction: { numerator: 1, denominator: 2 }, comparison: '>' as const };
    expect(checkQuorum({ total: 100, present: 50 }, rule).reached).toBe(false);
    expect(checkQuorum({ total: 100, present: 51 }, rule).reached).toBe(true);
    expect(checkQuorum({ total: 100, present: 51 }, rule).rule.id).toBe('quorum:all:gt:1/2');
  });

  it('reached exactly when present*3 >= total*2 (default)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 }), (a, b) => {
        const total = Math.max(a, b);
        const present = Math.min(a, b);
        const r = checkQuorum({ total, present }, DEFAULT_QUORUM_RULE);
        expect(r.reached).toBe(total > 0 && present * 3 >= total * 2);
        expect(r.present + r.absent).toBe(r.total);
      }),
    );
  });
});

describe('quorum: invalid input', () => {
  it.each([
    [{ total: 10, present: 11 }, 'PRESENT_EXCEEDS_TOTAL'],
    [{ total: -1, present: 0 }, 'NEGATIVE_COUNT'],
    [{ total: 10, present: -1 }, 'NEGATIVE_COUNT'],
    [{ total: 10.5, present: 1 }, 'NOT_AN_INTEGER'],
    [{ total: Number.POSITIVE_INFINITY, present: 1 }, 'NOT_AN_INTEGER'],
  ])('%o → %s', (electorate, code) => {
    expect(() => checkQuorum(electorate)).toThrow(
      expect.objectContaining({ code, name: 'TallyError' }),
    );
  });
});
