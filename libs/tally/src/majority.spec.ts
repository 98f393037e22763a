import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { majorityBaseSize, majorityThreshold } from './majority.js';
import {
  DEFAULT_MAJORITY_RULE,
  MAJORITY_OF_ALL,
  MAJORITY_OF_CAST,
  MAJORITY_OF_PRESENT,
  majorityRule,
  TWO_THIRDS_OF_ALL,
  TWO_THIRDS_OF_PRESENT,
} from './rules.js';
import type { MajorityBase, MajorityRule } from './types.js';

const sizes = { total: 100, present: 80, cast: 75 };

describe('majority: the default is more than half of ALL serving delegates', () => {
  it('is the legal rule', () => {
    expect(DEFAULT_MAJORITY_RULE).toEqual({
      base: 'all',
      fraction: { numerator: 1, denominator: 2 },
      comparison: '>',
    });
  });

  it('exactly half is not a majority: 100 delegates need 51', () => {
    const r = majorityThreshold(MAJORITY_OF_ALL, sizes);
    expect(r.required).toBe(51);
    expect(r.baseSize).toBe(100);
    expect(r.id).toBe('majority:all:gt:1/2');
    expect(r.text.zh).toBe('赞成票超过全体职工代表的半数（需 ≥ 51 票，共 100 名代表）');
  });

  it('99 delegates need 50', () => {
    expect(majorityThreshold(MAJORITY_OF_ALL, { total: 99, present: 99, cast: 99 }).required).toBe(
      50,
    );
  });
});

describe('majority: the bases give different thresholds', () => {
  it.each<[MajorityRule, number, number, string]>([
    [MAJORITY_OF_ALL, 100, 51, '赞成票超过全体职工代表的半数（需 ≥ 51 票，共 100 名代表）'],
    [MAJORITY_OF_PRESENT, 80, 41, '赞成票超过出席职工代表的半数（需 ≥ 41 票，出席 80 名代表）'],
    [MAJORITY_OF_CAST, 75, 38, '赞成票超过有效票的半数（需 ≥ 38 票，有效票 75 张）'],
    [TWO_THIRDS_OF_ALL, 100, 67, '赞成票不少于全体职工代表的三分之二（需 ≥ 67 票，共 100 名代表）'],
    [
      TWO_THIRDS_OF_PRESENT,
      80,
      54,
      '赞成票不少于出席职工代表的三分之二（需 ≥ 54 票，出席 80 名代表）',
    ],
  ])('%o: base %i, need %i', (rule, baseSize, required, zh) => {
    const r = majorityThreshold(rule, sizes);
    expect(r.baseSize).toBe(baseSize);
    expect(r.required).toBe(required);
    expect(r.text.zh).toBe(zh);
  });

  it('english wording', () => {
    expect(majorityThreshold(TWO_THIRDS_OF_ALL, sizes).text.en).toBe(
      'Votes for: at least two thirds of all serving delegates (need ≥ 67 votes; 100 serving delegates)',
    );
  });

  it('majorityRule builds and validates', () => {
    expect(majorityRule('present')).toEqual(MAJORITY_OF_PRESENT);
    expect(majorityRule('all', { numerator: 3, denominator: 4 }, '>=')).toEqual({
      base: 'all',
      fraction: { numerator: 3, denominator: 4 },
      comparison: '>=',
    });
    expect(() => majorityRule('everyone' as MajorityBase)).toThrow(
      expect.objectContaining({ code: 'INVALID_RULE' }),
    );
    expect(() => majorityRule('all', { numerator: 3, denominator: 2 })).toThrow(
      expect.objectContaining({ code: 'INVALID_FRACTION' }),
    );
  });
});

describe('majority: properties', () => {
  const baseArb = fc.constantFrom<MajorityBase>('all', 'present', 'cast');
  const sizesArb = fc
    .tuple(
      fc.integer({ min: 0, max: 3000 }),
      fc.integer({ min: 0, max: 3000 }),
      fc.integer({ min: 0, max: 3000 }),
    )
    .map(([a, b, c]) => {
      const [cast, present, total] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
      return { total, present, cast };
    });

  it('the required count is monotone in the base size', () => {
    fc.assert(
      fc.property(baseArb, sizesArb, (base, s) => {
        const rule = majorityRule(base);
        const bigger = { total: s.total + 1, present: s.present + 1, cast: s.cast + 1 };
        expect(majorityThreshold(rule, bigger).required).toBeGreaterThanOrEqual(
          majorityThreshold(rule, s).required,
        );
      }),
    );
  });

  it('since cast <= present <= all, a vote passing on `all` passes on every base', () => {
    fc.assert(
      fc.property(sizesArb, (s) => {
        const all = majorityThreshold(MAJORITY_OF_ALL, s).required;
        expect(majorityThreshold(MAJORITY_OF_PRESENT, s).required).toBeLessThanOrEqual(all);
        expect(majorityThreshold(MAJORITY_OF_CAST, s).required).toBeLessThanOrEqual(all);
      }),
    );
  });

  it('more than half means votes*2 > base', () => {
    fc.assert(
      fc.property(baseArb, sizesArb, (base, s) => {
        const r = majorityThreshold(majorityRule(base), s);
        const n = majorityBaseSize(base, s);
        expect(r.required * 2).toBeGreaterThan(n);
        if (r.required > 1) expect((r.required - 1) * 2).toBeLessThanOrEqual(n);
      }),
    );
  });
});
