import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { CompositionError } from './composition-error.js';
import {
  NATIONAL_FORMULA,
  SHANGHAI_FORMULA,
  SIZE_FORMULAS,
  ZHEJIANG_FORMULA,
  type SizeFormula,
  customSizeFormula,
  getSizeFormula,
} from './size-formulas.js';

const min = (f: SizeFormula, employees: number): number => f.minimumSeats(employees).minimum;

const ALL: SizeFormula[] = [
  NATIONAL_FORMULA,
  SHANGHAI_FORMULA,
  ZHEJIANG_FORMULA,
  customSizeFormula({ base: 35, perHundred: 4, from: 200, min: 40 }),
];

describe('national formula [N]', () => {
  it.each([
    [30, 30],
    [99, 30],
    [100, 30],
    [599, 30],
    [600, 30],
    [601, 31], // 30.05 -> 31
    [620, 31],
    [621, 32],
    [1999, 100],
    [2000, 100],
    [2001, 101], // 100.05 -> 101
    [10_000, 500],
  ])('%i employees need at least %i delegates', (employees, expected) => {
    expect(min(NATIONAL_FORMULA, employees)).toBe(expected);
  });

  it('explains the 5% rounding with the exact product', () => {
    const r = NATIONAL_FORMULA.minimumSeats(601);
    expect(r.explanation).toContain('601 × 5% = 30.05，向上取整 31 人');
    expect(NATIONAL_FORMULA.minimumSeats(610).explanation).toContain('= 30.5，');
    expect(NATIONAL_FORMULA.minimumSeats(600).explanation).toContain('= 30，');
  });

  it('says seats above 100 are set by agreement', () => {
    expect(NATIONAL_FORMULA.minimumSeats(2000).agreementAbove).toBe(100);
    expect(NATIONAL_FORMULA.minimumSeats(2000).explanation).not.toContain('协商');
    const r = NATIONAL_FORMULA.minimumSeats(2001);
    expect(r.agreementAbove).toBe(100);
    expect(r.explanation).toContain('超过 100 人的部分由企业与工会协商确定');
  });

  it('lets a small enterprise be a congress of all employees', () => {
    expect(NATIONAL_FORMULA.minimumSeats(99).explanation).toContain('职工大会');
    expect(NATIONAL_FORMULA.minimumSeats(100).explanation).not.toContain('职工大会');
    expect(min(NATIONAL_FORMULA, 29)).toBe(29);
    expect(NATIONAL_FORMULA.minimumSeats(29).explanation).toContain('全体职工均为代表');
    expect(min(NATIONAL_FORMULA, 0)).toBe(0);
  });
});

describe('Shanghai formula [L]', () => {
  it.each([
    [99, 30], // national
    [100, 30],
    [199, 30],
    [200, 35], // first full 100 above the first 100
    [299, 35],
    [300, 40],
    [1200, 85],
    [2999, 170],
    [3000, 175],
    [3001, 175],
    [50_000, 175],
  ])('%i employees need at least %i delegates', (employees, expected) => {
    expect(min(SHANGHAI_FORMULA, employees)).toBe(expected);
  });

  it('explains the steps', () => {
    expect(SHANGHAI_FORMULA.minimumSeats(1200).explanation).toBe(
      '职工 1200 人：基数 30 人，超过 100 人的部分每满 100 人增加 5 人（满 11 个 100 人），30 + 11 × 5 = 85 人',
    );
    expect(SHANGHAI_FORMULA.minimumSeats(3001).explanation).toContain('不少于 175 人');
    expect(SHANGHAI_FORMULA.minimumSeats(50).explanation).toContain('按全国规定');
  });

  it('has no agreement clause', () => {
    expect(SHANGHAI_FORMULA.minimumSeats(3000).agreementAbove).toBeUndefined();
    expect(SHANGHAI_FORMULA.minimumSeats(50).agreementAbove).toBeUndefined();
  });
});

describe('Zhejiang formula [L]', () => {
  it.each([
    [99, 30], // national
    [100, 40],
    [199, 40],
    [200, 47],
    [999, 96],
    [1000, 103],
    [1001, 103], // assumption: keep the value at 1,000 …
    [2060, 103],
    [2061, 104], // … and not less than national 5%
  ])('%i employees need at least %i delegates', (employees, expected) => {
    expect(min(ZHEJIANG_FORMULA, employees)).toBe(expected);
  });

  it('marks the part above 1,000 as an assumption', () => {
    expect(ZHEJIANG_FORMULA.source).toContain('假设');
    expect(ZHEJIANG_FORMULA.minimumSeats(1500).explanation).toContain('本系统假设');
    expect(ZHEJIANG_FORMULA.minimumSeats(1000).explanation).toContain('40 + 9 × 7 = 103 人');
  });
});

describe('custom formula', () => {
  const f = customSizeFormula({ base: 35, perHundred: 4, from: 200, min: 40 });

  it.each([
    [100, 40], // base 35 raised to min 40
    [299, 40],
    [300, 40], // 35 + 4 = 39 -> 40
    [400, 43],
    [1200, 75],
  ])('%i employees need at least %i delegates', (employees, expected) => {
    expect(min(f, employees)).toBe(expected);
  });

  it('never needs more delegates than employees', () => {
    expect(min(f, 20)).toBe(20);
  });

  it('refuses settings that are not non-negative integers', () => {
    expect(() => customSizeFormula({ base: -1, perHundred: 4, from: 200, min: 40 })).toThrow(
      CompositionError,
    );
    expect(() => customSizeFormula({ base: 30, perHundred: 2.5, from: 200, min: 40 })).toThrow(
      /perHundred/,
    );
  });
});

describe('getSizeFormula', () => {
  it('finds the built-in formulas', () => {
    expect(getSizeFormula('national')).toBe(NATIONAL_FORMULA);
    expect(getSizeFormula('shanghai')).toBe(SHANGHAI_FORMULA);
    expect(getSizeFormula('zhejiang')).toBe(ZHEJIANG_FORMULA);
    expect(Object.keys(SIZE_FORMULAS)).toEqual(['national', 'shanghai', 'zhejiang']);
  });

  it('builds a custom formula from its settings', () => {
    const f = getSizeFormula('custom', { base: 30, perHundred: 5, from: 100, min: 30 });
    expect(f.id).toBe('custom');
    expect(min(f, 1200)).toBe(min(SHANGHAI_FORMULA, 1200));
  });

  it('refuses an unknown id or custom without settings', () => {
    expect(() => getSizeFormula('beijing')).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_SIZE_FORMULA' }),
    );
    expect(() => getSizeFormula('toString')).toThrow(CompositionError);
    expect(() => getSizeFormula('custom')).toThrow(CompositionError);
  });

  it('refuses a bad workforce size', () => {
    expect(() => NATIONAL_FORMULA.minimumSeats(-1)).toThrow(CompositionError);
    expect(() => SHANGHAI_FORMULA.minimumSeats(10.5)).toThrow(CompositionError);
  });
});

describe('properties of every formula', () => {
  const employees = fc.nat(200_000);

  it.each(ALL.map((f) => [f.id, f] as const))('%s: minimumSeats is monotone', (_id, f) => {
    fc.assert(
      fc.property(employees, employees, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(min(f, lo)).toBeLessThanOrEqual(min(f, hi));
      }),
    );
  });

  it.each(ALL.map((f) => [f.id, f] as const))(
    '%s: an integer, never more than the workforce',
    (_id, f) => {
      fc.assert(
        fc.property(employees, (e) => {
          const m = min(f, e);
          expect(Number.isSafeInteger(m)).toBe(true);
          expect(m).toBeLessThanOrEqual(e);
          expect(f.minimumSeats(e).explanation).toContain(`职工 ${e} 人`);
        }),
      );
    },
  );

  it('national: at least 30 and at least 5%, and the smallest such number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 30, max: 200_000 }), (e) => {
        const m = min(NATIONAL_FORMULA, e);
        expect(m).toBeGreaterThanOrEqual(30);
        expect(m * 100).toBeGreaterThanOrEqual(e * 5);
        if (m > 30) expect((m - 1) * 100).toBeLessThan(e * 5);
      }),
    );
  });

  it('Zhejiang is never below national up to the agreement line, Shanghai from 100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 2_000 }), (e) => {
        expect(min(ZHEJIANG_FORMULA, e)).toBeGreaterThanOrEqual(min(NATIONAL_FORMULA, e));
        expect(min(SHANGHAI_FORMULA, e)).toBeGreaterThanOrEqual(min(NATIONAL_FORMULA, e));
      }),
    );
  });
});
