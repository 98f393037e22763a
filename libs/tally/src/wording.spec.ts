import { describe, it, expect } from '@jest/globals';
import { ruleId } from './rules.js';
import { fractionEn, fractionZh, zhNumeral } from './wording.js';

describe('wording: Chinese numerals and fractions', () => {
  it.each([
    [0, '零'],
    [3, '三'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [45, '四十五'],
    [99, '九十九'],
    [100, '100'],
  ])('%i → %s', (n, zh) => {
    expect(zhNumeral(n)).toBe(zh);
  });

  it.each([
    [1, 2, '半数', 'half'],
    [2, 4, '半数', 'half'],
    [2, 3, '三分之二', 'two thirds'],
    [1, 3, '三分之一', 'one third'],
    [3, 4, '四分之三', 'three quarters'],
    [3, 5, '五分之三', 'three fifths'],
    [7, 12, '十二分之七', '7/12'],
    [51, 100, '100分之五十一', '51/100'],
    [1, 1, '全部', 'all'],
    [0, 1, '零', 'none'],
  ])('%i/%i → %s / %s', (numerator, denominator, zh, en) => {
    expect(fractionZh({ numerator, denominator })).toBe(zh);
    expect(fractionEn({ numerator, denominator })).toBe(en);
  });

  it('rule ids use the fraction in lowest terms', () => {
    expect(
      ruleId('majority', 'all', { fraction: { numerator: 2, denominator: 4 }, comparison: '>' }),
    ).toBe('majority:all:gt:1/2');
    expect(
      ruleId('quorum', 'all', { fraction: { numerator: 2, denominator: 3 }, comparison: '>=' }),
    ).toBe('quorum:all:gte:2/3');
  });
});
