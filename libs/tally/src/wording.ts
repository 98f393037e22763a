/**
 * Wording for the minutes, in Chinese and English. Pure string building; the numbers come
 * from the exact arithmetic in fraction.ts.
 */
import { reduceFraction } from './fraction.js';
import type { Comparison, Fraction, LocalizedText, RuleBase } from './types.js';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Chinese numeral for 0..99 (十, 十一, 二十一, ...); Arabic digits beyond. */
export function zhNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return DIGITS[n] as string;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** 半数, 三分之二, 全部; denominators above 99 keep Arabic digits (100分之五十一). */
export function fractionZh(f: Fraction): string {
  const { numerator: n, denominator: d } = reduceFraction(f);
  if (n === 0) return '零';
  if (n === d) return '全部';
  if (n === 1 && d === 2) return '半数';
  return `${zhNumeral(d)}分之${zhNumeral(n)}`;
}

const EN_DENOMINATORS: Readonly<Record<number, readonly [string, string]>> = {
  3: ['third', 'thirds'],
  4: ['quarter', 'quarters'],
  5: ['fifth', 'fifths'],
  10: ['tenth', 'tenths'],
};
const EN_NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** half, two thirds, three quarters, all, or "7/12". */
export function fractionEn(f: Fraction): string {
  const { numerator: n, denominator: d } = reduceFraction(f);
  if (n === 0) return 'none';
  if (n === d) return 'all';
  if (n === 1 && d === 2) return 'half';
  const words = EN_DENOMINATORS[d];
  if (words !== undefined && n < 10) return `${EN_NUMBERS[n]} ${n === 1 ? words[0] : words[1]}`;
  return `${n}/${d}`;
}

export function comparisonText(c: Comparison): LocalizedText {
  return c === '>' ? { zh: '超过', en: 'more than' } : { zh: '不少于', en: 'at least' };
}

export function baseText(base: RuleBase): LocalizedText {
  switch (base) {
    case 'all':
      return { zh: '全体职工代表', en: 'all serving delegates' };
    case 'present':
      return { zh: '出席职工代表', en: 'the delegates present' };
    case 'cast':
      return { zh: '有效票', en: 'the valid ballots cast' };
    case 'ratings':
      return { zh: '有效评议票', en: 'the valid ratings' };
  }
}

export function baseSizeText(base: RuleBase, size: number): LocalizedText {
  switch (base) {
    case 'all':
      return { zh: `共 ${size} 名代表`, en: `${size} serving delegates` };
    case 'present':
      return { zh: `出席 ${size} 名代表`, en: `${size} delegates present` };
    case 'cast':
      return { zh: `有效票 ${size} 张`, en: `${size} valid ballots` };
    case 'ratings':
      return { zh: `有效评议票 ${size} 张`, en: `${size} valid ratings` };
  }
}

/**
 * e.g. 赞成票超过全体职工代表的半数（需 ≥ 51 票，共 100 名代表）
 *      Votes for: more than half of all serving delegates (need ≥ 51 votes; 100 serving delegates)
 */
export function ruleText(args: {
  readonly subject: LocalizedText;
  readonly unit: LocalizedText;
  readonly base: RuleBase;
  readonly fraction: Fraction;
  readonly comparison: Comparison;
  readonly baseSize: number;
  readonly required: number;
}): LocalizedText {
  const cmp = comparisonText(args.comparison);
  const base = baseText(args.base);
  const size = baseSizeText(args.base, args.baseSize);
  return {
    zh: `${args.subject.zh}${cmp.zh}${base.zh}的${fractionZh(args.fraction)}（需 ≥ ${args.required} ${args.unit.zh}，${size.zh}）`,
    en: `${args.subject.en}: ${cmp.en} ${fractionEn(args.fraction)} of ${base.en} (need ≥ ${args.required} ${args.unit.en}; ${size.en})`,
  };
}
