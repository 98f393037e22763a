import { DelegateCategory, DelegateStatus, Gender, RosterKind } from '../roster.enums.js';
import { isServingVoter } from '../seat-rules.js';
import { CompositionError } from './composition-error.js';
import { assertCount, ceilDiv, formatPercent, percent } from './ratio.js';
import {
  type CustomSizeFormulaSettings,
  type SizeFormula,
  type SizeRequirement,
  getSizeFormula,
} from './size-formulas.js';

/**
 * The composition report of a term's roster (docs/rules.md, "Roster composition checks"): size
 * against the selected formula, managers' share, women's share, dispatched workers, presidium.
 * Pure: no database, no clock. Only serving voting delegates count; every comparison is exact on
 * integers.
 */

export interface CompositionDelegate {
  id: string;
  category: DelegateCategory | null;
  gender: Gender;
  dispatched: boolean;
  presidium: boolean;
  status: DelegateStatus;
  kind: RosterKind;
}

export interface CompositionWorkforce {
  /** All employees, dispatched workers included. */
  employees: number;
  women: number;
  dispatched: number;
}

export interface CompositionInput {
  formulaId: string;
  /** Required when `formulaId === 'custom'`. */
  customFormula?: CustomSizeFormulaSettings;
  /**
   * Whether too few women is a violation rather than a warning. Default: only under the Zhejiang
   * formula, where the provincial regulation makes it a rule.
   */
  womenShareBinding?: boolean;
  workforce: CompositionWorkforce;
  delegates: readonly CompositionDelegate[];
}

export type RuleOutcome = 'pass' | 'warning' | 'violation';

export type RuleId =
  'size' | 'managers_share' | 'women_share' | 'dispatched_share' | 'presidium_composition';

export interface RuleCheck {
  id: RuleId;
  /** Chinese title of the rule. */
  title: string;
  outcome: RuleOutcome;
  /** The numbers behind the outcome (counts are integers; `*Percent` are rounded to 0.1). */
  numbers: Record<string, number | string>;
  /** Chinese, with the numbers. */
  explanation: string;
  /** Source tag, e.g. "[N] 企业民主管理规定（2012）". */
  source: string;
}

export interface CompositionCounts {
  /** Every roster entry given. */
  listed: number;
  /** Serving voting delegates: the base of every share. */
  delegates: number;
  /** Entries left out: attendees plus delegates who are not serving. */
  excluded: number;
  /** 列席代表, whatever their status. */
  excludedAttendees: number;
  /** Voting delegates recalled, replaced or gone. */
  excludedNotServing: number;
  byCategory: Record<DelegateCategory, number>;
  uncategorised: number;
  /** middle_manager + leader. */
  managersAndLeaders: number;
  women: number;
  men: number;
  dispatched: number;
  presidium: number;
  /** Presidium members who are front_line, technician or manager. */
  presidiumQualifying: number;
  presidiumUncategorised: number;
  /** Entries flagged presidium that do not count (attendee or not serving). */
  presidiumExcluded: number;
}

export interface CompositionReport {
  formula: { id: string; label: string; source: string };
  requirement: SizeRequirement;
  counts: CompositionCounts;
  rules: RuleCheck[];
  worst: RuleOutcome;
}

const SEVERITY: Record<RuleOutcome, number> = { pass: 0, warning: 1, violation: 2 };

const NATIONAL_SOURCE = '[N] 企业民主管理规定（2012）';

/** Share limit for middle-and-above managers plus leaders: 1/5 of delegates. */
const MANAGERS_LIMIT_DENOMINATOR = 5;

const PRESIDIUM_QUALIFYING: ReadonlySet<DelegateCategory> = new Set([
  DelegateCategory.FrontLine,
  DelegateCategory.Technician,
  DelegateCategory.Manager,
]);

function emptyByCategory(): Record<DelegateCategory, number> {
  return {
    [DelegateCategory.FrontLine]: 0,
    [DelegateCategory.Technician]: 0,
    [DelegateCategory.Manager]: 0,
    [DelegateCategory.MiddleManager]: 0,
    [DelegateCategory.Leader]: 0,
  };
}

function invalid(message: string, details: Record<string, unknown>): CompositionError {
  return new CompositionError('INVALID_COMPOSITION_INPUT', message, details);
}

function validate(input: CompositionInput): void {
  const { employees, women, dispatched } = input.workforce;
  assertCount(employees, 'workforce.employees');
  assertCount(women, 'workforce.women');
  assertCount(dispatched, 'workforce.dispatched');
  if (women > employees) {
    throw invalid('workforce.women exceeds workforce.employees', { women, employees });
  }
  if (dispatched > employees) {
    throw invalid('workforce.dispatched exceeds workforce.employees', { dispatched, employees });
  }
  const seen = new Set<string>();
  for (const d of input.delegates) {
    if (seen.has(d.id)) throw invalid(`duplicate roster entry: ${d.id}`, { id: d.id });
    seen.add(d.id);
  }
}

export function countComposition(delegates: readonly CompositionDelegate[]): CompositionCounts {
  const counts: CompositionCounts = {
    listed: delegates.length,
    delegates: 0,
    excluded: 0,
    excludedAttendees: 0,
    excludedNotServing: 0,
    byCategory: emptyByCategory(),
    uncategorised: 0,
    managersAndLeaders: 0,
    women: 0,
    men: 0,
    dispatched: 0,
    presidium: 0,
    presidiumQualifying: 0,
    presidiumUncategorised: 0,
    presidiumExcluded: 0,
  };
  for (const d of delegates) {
    if (!isServingVoter(d)) {
      counts.excluded++;
      if (d.kind !== RosterKind.Delegate) counts.excludedAttendees++;
      else counts.excludedNotServing++;
      if (d.presidium) counts.presidiumExcluded++;
      continue;
    }
    counts.delegates++;
    if (d.category === null) counts.uncategorised++;
    else counts.byCategory[d.category]++;
    if (d.category === DelegateCategory.MiddleManager || d.category === DelegateCategory.Leader) {
      counts.managersAndLeaders++;
    }
    if (d.gender === Gender.Female) counts.women++;
    else counts.men++;
    if (d.dispatched) counts.dispatched++;
    if (d.presidium) {
      counts.presidium++;
      if (d.category === null) counts.presidiumUncategorised++;
      else if (PRESIDIUM_QUALIFYING.has(d.category)) counts.presidiumQualifying++;
    }
  }
  return counts;
}

function excludedNote(c: CompositionCounts): string {
  if (c.excluded === 0) return '';
  const parts: string[] = [];
  if (c.excludedAttendees > 0) parts.push(`列席代表 ${c.excludedAttendees} 人`);
  if (c.excludedNotServing > 0) parts.push(`非在任代表 ${c.excludedNotServing} 人`);
  return `（另有${parts.join('、')}不计入）`;
}

function noDelegates(
  id: RuleId,
  title: string,
  source: string,
  numbers: Record<string, number | string>,
): RuleCheck {
  return {
    id,
    title,
    outcome: 'warning',
    numbers,
    explanation: '名单中尚无在任职工代表，无法核对',
    source,
  };
}

function checkSize(
  formula: SizeFormula,
  req: SizeRequirement,
  c: CompositionCounts,
  employees: number,
): RuleCheck {
  const title = '代表名额';
  const total = c.delegates;
  const numbers: Record<string, number | string> = {
    formula: formula.id,
    employees,
    delegates: total,
    minimum: req.minimum,
    shortfall: Math.max(0, req.minimum - total),
  };
  if (req.agreementAbove !== undefined) numbers.agreementAbove = req.agreementAbove;
  const base = { id: 'size' as const, title, numbers, source: formula.source };
  const note = excludedNote(c);

  if (employees === 0) {
    return {
      ...base,
      outcome: 'warning',
      explanation: `尚未填写职工总数，无法核对代表名额；在任职工代表 ${total} 人${note}`,
    };
  }
  // Under the national rule seats above `agreementAbove` are set by agreement: only a roster
  // below min(minimum, agreementAbove) is certainly too small.
  const hardMinimum =
    req.agreementAbove === undefined ? req.minimum : Math.min(req.minimum, req.agreementAbove);
  if (total < hardMinimum) {
    return {
      ...base,
      outcome: 'violation',
      explanation:
        `在任职工代表 ${total} 人${note}，少于要求的 ${hardMinimum} 人（差 ${hardMinimum - total} 人）。` +
        req.explanation,
    };
  }
  if (total < req.minimum) {
    return {
      ...base,
      outcome: 'warning',
      explanation:
        `在任职工代表 ${total} 人${note}，按比例应不少于 ${req.minimum} 人；` +
        `超过 ${req.agreementAbove} 人的部分须由企业与工会协商确定，请确认已有协商结果。` +
        req.explanation,
    };
  }
  if (total > employees) {
    return {
      ...base,
      outcome: 'warning',
      explanation: `在任职工代表 ${total} 人${note}，多于职工总数 ${employees} 人，请核对职工人数`,
    };
  }
  if (req.agreementAbove !== undefined && total > req.agreementAbove) {
    return {
      ...base,
      outcome: 'warning',
      explanation:
        `在任职工代表 ${total} 人${note}，不少于要求的 ${req.minimum} 人；代表总数超过 ` +
        `${req.agreementAbove} 人，超出部分须协商确定，请确认已有企业与工会的协商结果。` +
        req.explanation,
    };
  }
  return {
    ...base,
    outcome: 'pass',
    explanation: `在任职工代表 ${total} 人${note}，不少于要求的 ${req.minimum} 人。${req.explanation}`,
  };
}

function checkManagers(c: CompositionCounts): RuleCheck {
  const title = '中层以上管理人员和企业领导人员比例';
  const total = c.delegates;
  const m = c.managersAndLeaders;
  const numbers: Record<string, number | string> = {
    managersAndLeaders: m,
    middleManagers: c.byCategory[DelegateCategory.MiddleManager],
    leaders: c.byCategory[DelegateCategory.Leader],
    delegates: total,
    limitPercent: 20,
    maxAllowed: Math.floor(total / MANAGERS_LIMIT_DENOMINATOR),
    uncategorised: c.uncategorised,
  };
  if (total === 0) return noDelegates('managers_share', title, NATIONAL_SOURCE, numbers);
  numbers.sharePercent = percent(m, total);

  const head =
    `中层以上管理人员和企业领导人员 ${m} 人，占代表总数 ${formatPercent(m, total)}` +
    `（代表 ${total} 人，20% 即最多 ${numbers.maxAllowed} 人）`;
  const missing =
    c.uncategorised > 0 ? `；另有 ${c.uncategorised} 名代表未填写类别，无法完整核对` : '';
  let outcome: RuleOutcome;
  let verdict: string;
  if (m * MANAGERS_LIMIT_DENOMINATOR > total) {
    outcome = 'violation';
    verdict = '，超过 20% 上限';
  } else {
    outcome = c.uncategorised > 0 ? 'warning' : 'pass';
    verdict =
      m * MANAGERS_LIMIT_DENOMINATOR === total ? '，恰好达到 20% 上限' : '，未超过 20% 上限';
  }
  return {
    id: 'managers_share',
    title,
    outcome,
    numbers,
    explanation: head + verdict + missing,
    source: NATIONAL_SOURCE,
  };
}

function checkWomen(
  c: CompositionCounts,
  workforce: CompositionWorkforce,
  binding: boolean,
): RuleCheck {
  const title = '女职工代表比例';
  const source = binding
    ? '[L] 浙江省企业民主管理条例（2010）'
    : '[L] 浙江省企业民主管理条例（2010）；其他地区作提示';
  const total = c.delegates;
  const { employees, women } = workforce;
  const numbers: Record<string, number | string> = {
    womenDelegates: c.women,
    delegates: total,
    womenEmployees: women,
    employees,
  };
  if (total === 0) return noDelegates('women_share', title, source, numbers);
  numbers.delegateSharePercent = percent(c.women, total);
  if (employees === 0) {
    return {
      id: 'women_share',
      title,
      outcome: 'warning',
      numbers,
      explanation: `尚未填写职工总数，无法核对；女职工代表 ${c.women} 人，占代表总数 ${formatPercent(c.women, total)}`,
      source,
    };
  }
  numbers.workforceSharePercent = percent(women, employees);
  // c.women / total >= women / employees, by cross-multiplication.
  const needed = ceilDiv(women * total, employees);
  numbers.neededWomen = needed;
  const head =
    `女职工代表 ${c.women} 人，占代表总数 ${formatPercent(c.women, total)}；` +
    `女职工 ${women} 人，占职工总数 ${formatPercent(women, employees)}`;
  if (c.women * employees >= women * total) {
    return {
      id: 'women_share',
      title,
      outcome: 'pass',
      numbers,
      explanation: `${head}，代表中的比例不低于职工中的比例（按比例至少 ${needed} 人）`,
      source,
    };
  }
  return {
    id: 'women_share',
    title,
    outcome: binding ? 'violation' : 'warning',
    numbers,
    explanation:
      `${head}，代表中的比例低于职工中的比例，按比例至少应有 ${needed} 名女职工代表（差 ${needed - c.women} 人）` +
      (binding ? '' : '；本地区未作硬性规定，作为提示'),
    source,
  };
}

function checkDispatched(c: CompositionCounts, workforce: CompositionWorkforce): RuleCheck {
  const title = '劳务派遣职工代表';
  const source = `${NATIONAL_SOURCE}；“适当比例”按本系统解释：代表中的比例不低于职工中比例的一半`;
  const total = c.delegates;
  const { employees, dispatched } = workforce;
  const numbers: Record<string, number | string> = {
    dispatchedDelegates: c.dispatched,
    delegates: total,
    dispatchedEmployees: dispatched,
    employees,
  };
  const base = { id: 'dispatched_share' as const, title, numbers, source };
  if (dispatched === 0) {
    if (c.dispatched > 0) {
      return {
        ...base,
        outcome: 'warning',
        explanation: `职工总数中未填写劳务派遣人员，但名单中有劳务派遣职工代表 ${c.dispatched} 人，请核对职工人数`,
      };
    }
    return { ...base, outcome: 'pass', explanation: '职工中没有劳务派遣人员' };
  }
  if (total === 0) return noDelegates('dispatched_share', title, source, numbers);
  // Validation guarantees employees >= dispatched > 0 here.
  numbers.delegateSharePercent = percent(c.dispatched, total);
  numbers.workforceSharePercent = percent(dispatched, employees);
  numbers.halfWorkforceSharePercent = percent(dispatched, 2 * employees);
  const needed = ceilDiv(dispatched * total, 2 * employees);
  numbers.neededDispatched = needed;
  const workforceHead = `职工中有劳务派遣人员 ${dispatched} 人，占 ${formatPercent(dispatched, employees)}`;
  if (c.dispatched === 0) {
    return {
      ...base,
      outcome: 'warning',
      explanation: `${workforceHead}，但代表中没有劳务派遣职工`,
    };
  }
  const head = `劳务派遣职工代表 ${c.dispatched} 人，占代表总数 ${formatPercent(c.dispatched, total)}；${workforceHead}`;
  // c.dispatched / total >= (dispatched / employees) / 2, by cross-multiplication.
  if (2 * c.dispatched * employees < dispatched * total) {
    return {
      ...base,
      outcome: 'warning',
      explanation:
        `${head}，低于职工中比例的一半（${formatPercent(dispatched, 2 * employees)}），` +
        `按本系统解释至少应有 ${needed} 人`,
    };
  }
  return {
    ...base,
    outcome: 'pass',
    explanation: `${head}，不低于职工中比例的一半（${formatPercent(dispatched, 2 * employees)}）`,
  };
}

function checkPresidium(c: CompositionCounts): RuleCheck {
  const title = '主席团组成';
  const p = c.presidium;
  const q = c.presidiumQualifying;
  const u = c.presidiumUncategorised;
  const numbers: Record<string, number | string> = {
    presidium: p,
    qualifying: q,
    uncategorised: u,
    neededQualifying: ceilDiv(p, 2),
  };
  const base = { id: 'presidium_composition' as const, title, numbers, source: NATIONAL_SOURCE };
  const excludedNote =
    c.presidiumExcluded > 0
      ? `；另有 ${c.presidiumExcluded} 名标记为主席团成员的列席或非在任人员不计入`
      : '';
  if (p === 0) {
    return { ...base, outcome: 'warning', explanation: `尚未确定主席团${excludedNote}` };
  }
  numbers.sharePercent = percent(q, p);
  const head =
    `主席团成员 ${p} 人，其中一线职工、专业技术人员和管理人员 ${q} 人，` +
    `占 ${formatPercent(q, p)}（半数即至少 ${numbers.neededQualifying} 人）`;
  const missing = u > 0 ? `；另有 ${u} 名主席团成员未填写类别，无法完整核对` : '';
  // Violation only when even the members without a category could not make up half.
  if ((q + u) * 2 < p) {
    return {
      ...base,
      outcome: 'violation',
      explanation: `${head}，不足半数${missing}${excludedNote}`,
    };
  }
  if (u > 0) {
    const verdict = q * 2 >= p ? '，已达半数' : '，尚未确认达到半数';
    return {
      ...base,
      outcome: 'warning',
      explanation: `${head}${verdict}${missing}${excludedNote}`,
    };
  }
  const verdict = q * 2 === p ? '，恰好半数' : '，超过半数';
  return { ...base, outcome: 'pass', explanation: `${head}${verdict}${excludedNote}` };
}

/** The worst outcome of a list of checks ('pass' for none). */
export function worstOutcome(rules: readonly Pick<RuleCheck, 'outcome'>[]): RuleOutcome {
  let worst: RuleOutcome = 'pass';
  for (const r of rules) if (SEVERITY[r.outcome] > SEVERITY[worst]) worst = r.outcome;
  return worst;
}

/**
 * Checks a term's roster against every roster rule. Throws `CompositionError` on an unknown
 * formula or on impossible input (negative or fractional counts, more women or dispatched
 * workers than employees, duplicate ids).
 */
export function composeReport(input: CompositionInput): CompositionReport {
  validate(input);
  const formula = getSizeFormula(input.formulaId, input.customFormula);
  const { workforce } = input;
  const requirement = formula.minimumSeats(workforce.employees);
  const counts = countComposition(input.delegates);
  const binding = input.womenShareBinding ?? formula.id === 'zhejiang';
  const rules: RuleCheck[] = [
    checkSize(formula, requirement, counts, workforce.employees),
    checkManagers(counts),
    checkWomen(counts, workforce, binding),
    checkDispatched(counts, workforce),
    checkPresidium(counts),
  ];
  return {
    formula: { id: formula.id, label: formula.label, source: formula.source },
    requirement,
    counts,
    rules,
    worst: worstOutcome(rules),
  };
}
