import { CompositionError } from './composition-error.js';
import { assertCount, ceilDiv } from './ratio.js';

/**
 * Roster-size formulas (docs/rules.md, "Roster composition checks"). A congress picks one in its
 * settings: national by default, Shanghai or Zhejiang, or a custom formula configured by the
 * union. Every formula is a pure function of the workforce size; README.md gives our reading of
 * each.
 */

export type BuiltInSizeFormulaId = 'national' | 'shanghai' | 'zhejiang';
export type SizeFormulaId = BuiltInSizeFormulaId | 'custom' | (string & Record<never, never>);

export const DEFAULT_SIZE_FORMULA_ID: BuiltInSizeFormulaId = 'national';

export interface SizeRequirement {
  /** Fewest delegates the formula requires for this workforce. */
  minimum: number;
  /** How the minimum was reached, in Chinese, with the numbers. */
  explanation: string;
  /**
   * Seats above this number are set by agreement between the enterprise and the union [N]:
   * a roster of at least this many seats but below `minimum` is a warning, not a violation,
   * and a roster above it is reported as needing that agreement.
   */
  agreementAbove?: number;
}

export interface SizeFormula {
  id: SizeFormulaId;
  label: string;
  /** Source tag and, where we filled a gap, the assumption we made. */
  source: string;
  minimumSeats(employees: number): SizeRequirement;
}

/** A formula the union sets itself: `max(min, base + perHundred × ⌊(employees − from) / 100⌋⁺)`. */
export interface CustomSizeFormulaSettings {
  /** Seats at and below `from` employees. */
  base: number;
  /** Seats added for each full 100 employees above `from`. */
  perHundred: number;
  /** Workforce size at which the steps start. */
  from: number;
  /** Floor for the result. */
  min: number;
}

const NATIONAL_FLOOR = 30;
const NATIONAL_AGREEMENT_ABOVE = 100;
const SMALL_ENTERPRISE_BELOW = 100;

/** e × 5 % written exactly ("30.05"): e / 20 has at most two decimals. */
function fivePercentText(employees: number): string {
  const hundredths = employees * 5; // (e × 5 %) × 100
  const whole = Math.floor(hundredths / 100);
  const frac = hundredths % 100;
  if (frac === 0) return String(whole);
  return `${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}`;
}

/** The congress can never need more delegates than there are employees. */
function capAtWorkforce(employees: number, req: SizeRequirement): SizeRequirement {
  if (req.minimum <= employees) return req;
  return {
    ...req,
    minimum: employees,
    explanation: `${req.explanation}；但职工仅 ${employees} 人，全体职工均为代表（可召开职工大会），至少 ${employees} 人`,
  };
}

function nationalRequirement(employees: number): SizeRequirement {
  assertCount(employees, 'employees');
  const fivePercent = ceilDiv(employees * 5, 100);
  const minimum = Math.max(NATIONAL_FLOOR, fivePercent);
  let explanation =
    `职工 ${employees} 人：不少于 ${NATIONAL_FLOOR} 人，且不少于职工总数的 5%` +
    `（${employees} × 5% = ${fivePercentText(employees)}，向上取整 ${fivePercent} 人），` +
    `应不少于 ${minimum} 人`;
  if (minimum > NATIONAL_AGREEMENT_ABOVE) {
    explanation += `；超过 ${NATIONAL_AGREEMENT_ABOVE} 人的部分由企业与工会协商确定`;
  }
  if (employees < SMALL_ENTERPRISE_BELOW) {
    explanation += `；职工不足 ${SMALL_ENTERPRISE_BELOW} 人的企业也可由全体职工组成职工大会`;
  }
  return capAtWorkforce(employees, {
    minimum,
    explanation,
    agreementAbove: NATIONAL_AGREEMENT_ABOVE,
  });
}

/** Small enterprises under a provincial formula: the national rule, without the agreement note. */
function smallEnterpriseRequirement(employees: number): SizeRequirement {
  const national = nationalRequirement(employees);
  return {
    minimum: national.minimum,
    explanation: `职工不足 ${SMALL_ENTERPRISE_BELOW} 人，按全国规定。${national.explanation}`,
  };
}

/** Number of full hundreds above `from` (0 at or below it). */
function fullHundredsAbove(employees: number, from: number): number {
  return employees > from ? Math.floor((employees - from) / 100) : 0;
}

export const NATIONAL_FORMULA: SizeFormula = Object.freeze({
  id: 'national',
  label: '全国规定（不少于 30 人且不少于职工总数 5%）',
  source: '[N] 企业民主管理规定（2012）',
  minimumSeats: nationalRequirement,
});

const SHANGHAI_BASE = 30;
const SHANGHAI_PER_HUNDRED = 5;
const SHANGHAI_CAP_ABOVE = 3000;
const SHANGHAI_LARGE_MINIMUM = 175;

export const SHANGHAI_FORMULA: SizeFormula = Object.freeze({
  id: 'shanghai',
  label: '上海（30 人基数，每增加 100 名职工增加 5 人，3000 人以上不少于 175 人）',
  source:
    '[L] 上海市职工代表大会条例（2017）；“每增加 100 人”按本系统解释为超过 100 人的部分每满 100 人，' +
    '3000 人以上固定为不少于 175 人（即 3000 人时的值）；100 人以下按全国规定',
  minimumSeats(employees: number): SizeRequirement {
    assertCount(employees, 'employees');
    if (employees < SMALL_ENTERPRISE_BELOW) return smallEnterpriseRequirement(employees);
    if (employees > SHANGHAI_CAP_ABOVE) {
      return {
        minimum: SHANGHAI_LARGE_MINIMUM,
        explanation: `职工 ${employees} 人，超过 ${SHANGHAI_CAP_ABOVE} 人：不少于 ${SHANGHAI_LARGE_MINIMUM} 人`,
      };
    }
    const steps = fullHundredsAbove(employees, SMALL_ENTERPRISE_BELOW);
    const minimum = SHANGHAI_BASE + SHANGHAI_PER_HUNDRED * steps;
    return {
      minimum,
      explanation:
        `职工 ${employees} 人：基数 ${SHANGHAI_BASE} 人，超过 100 人的部分每满 100 人增加 ` +
        `${SHANGHAI_PER_HUNDRED} 人（满 ${steps} 个 100 人），` +
        `${SHANGHAI_BASE} + ${steps} × ${SHANGHAI_PER_HUNDRED} = ${minimum} 人`,
    };
  },
});

const ZHEJIANG_BASE = 40;
const ZHEJIANG_PER_HUNDRED = 7;
const ZHEJIANG_TABLE_UP_TO = 1000;
const ZHEJIANG_AT_TABLE_END =
  ZHEJIANG_BASE +
  ZHEJIANG_PER_HUNDRED * fullHundredsAbove(ZHEJIANG_TABLE_UP_TO, SMALL_ENTERPRISE_BELOW); // 103

export const ZHEJIANG_FORMULA: SizeFormula = Object.freeze({
  id: 'zhejiang',
  label: '浙江（100 至 1000 人：40 人基数，每增加 100 名职工增加 7 人）',
  source:
    '[L] 浙江省企业民主管理条例（2010）：100 至 1000 人，40 人基数，超过 100 人的部分每满 100 人增加 7 人；' +
    `本系统假设（1000 人以上部分未收录条例原文）：1000 人以上不少于 1000 人时的 ${ZHEJIANG_AT_TABLE_END} 人，` +
    '且不少于职工总数 5%；100 人以下按全国规定',
  minimumSeats(employees: number): SizeRequirement {
    assertCount(employees, 'employees');
    if (employees < SMALL_ENTERPRISE_BELOW) return smallEnterpriseRequirement(employees);
    if (employees > ZHEJIANG_TABLE_UP_TO) {
      const fivePercent = ceilDiv(employees * 5, 100);
      const minimum = Math.max(ZHEJIANG_AT_TABLE_END, fivePercent);
      return {
        minimum,
        explanation:
          `职工 ${employees} 人，超过 ${ZHEJIANG_TABLE_UP_TO} 人（本系统假设）：不少于 ` +
          `${ZHEJIANG_TABLE_UP_TO} 人时的 ${ZHEJIANG_AT_TABLE_END} 人，且不少于职工总数的 5%` +
          `（${fivePercent} 人），应不少于 ${minimum} 人`,
      };
    }
    const steps = fullHundredsAbove(employees, SMALL_ENTERPRISE_BELOW);
    const minimum = ZHEJIANG_BASE + ZHEJIANG_PER_HUNDRED * steps;
    return {
      minimum,
      explanation:
        `职工 ${employees} 人：基数 ${ZHEJIANG_BASE} 人，超过 100 人的部分每满 100 人增加 ` +
        `${ZHEJIANG_PER_HUNDRED} 人（满 ${steps} 个 100 人），` +
        `${ZHEJIANG_BASE} + ${steps} × ${ZHEJIANG_PER_HUNDRED} = ${minimum} 人`,
    };
  },
});

/** The built-in formulas, keyed by id (for the settings screen and {@link getSizeFormula}). */
export const SIZE_FORMULAS: Readonly<Record<BuiltInSizeFormulaId, SizeFormula>> = Object.freeze({
  national: NATIONAL_FORMULA,
  shanghai: SHANGHAI_FORMULA,
  zhejiang: ZHEJIANG_FORMULA,
});

/** A formula from the union's own settings. Throws on settings that are not non-negative integers. */
export function customSizeFormula(settings: CustomSizeFormulaSettings): SizeFormula {
  const { base, perHundred, from, min } = settings;
  assertCount(base, 'customFormula.base');
  assertCount(perHundred, 'customFormula.perHundred');
  assertCount(from, 'customFormula.from');
  assertCount(min, 'customFormula.min');
  return Object.freeze({
    id: 'custom',
    label: `自定义（${base} 人基数，${from} 人以上每满 100 人增加 ${perHundred} 人，不少于 ${min} 人）`,
    source: '[P] 工会自定义公式',
    minimumSeats(employees: number): SizeRequirement {
      assertCount(employees, 'employees');
      const steps = fullHundredsAbove(employees, from);
      const stepped = base + perHundred * steps;
      const minimum = Math.max(min, stepped);
      return capAtWorkforce(employees, {
        minimum,
        explanation:
          `职工 ${employees} 人：基数 ${base} 人，超过 ${from} 人的部分每满 100 人增加 ${perHundred} 人` +
          `（满 ${steps} 个 100 人），${base} + ${steps} × ${perHundred} = ${stepped} 人，` +
          `不少于 ${min} 人，应不少于 ${minimum} 人`,
      });
    },
  });
}

/**
 * The formula for a congress setting. `custom` needs the union's settings; an unknown id throws
 * `CompositionError('UNKNOWN_SIZE_FORMULA')`.
 */
export function getSizeFormula(id: string, custom?: CustomSizeFormulaSettings): SizeFormula {
  if (id === 'custom') {
    if (!custom) {
      throw new CompositionError('UNKNOWN_SIZE_FORMULA', 'custom size formula needs its settings', {
        formulaId: id,
      });
    }
    return customSizeFormula(custom);
  }
  if (Object.hasOwn(SIZE_FORMULAS, id)) return SIZE_FORMULAS[id as BuiltInSizeFormulaId];
  throw new CompositionError('UNKNOWN_SIZE_FORMULA', `unknown size formula: ${id}`, {
    formulaId: id,
    known: [...Object.keys(SIZE_FORMULAS), 'custom'],
  });
}
