/**
 * A congress's rule settings as the console edits them (docs/rules.md, "Settings"): the term's
 * dialog sets every one; the session's dialog overrides one rule at a time, and a rule it does
 * not override follows the term. The api merges defaults ← term ← session and answers the
 * result as `effectiveSettings`; these are its fields (the OpenAPI document leaves them untyped).
 */
export interface CongressSettings {
  quorum: { numerator: number; denominator: number };
  majority: { base: 'all' | 'present' | 'cast'; numerator: number; denominator: number };
  circulationDays: number;
  coSignersRequired: number;
  sizeFormula: 'national' | 'shanghai' | 'zhejiang';
  proposalWindow: { opensDaysBefore: number; closesDaysBefore: number };
  proposalHandlingDays: number;
  publication: { withinDays: number; keepDays: number };
}
export type SettingKey = keyof CongressSettings;

/** The api's defaults (apps/api/src/congress/congress-settings.ts), for an answer that lacks one. */
const DEFAULTS: CongressSettings = {
  quorum: { numerator: 2, denominator: 3 },
  majority: { base: 'all', numerator: 1, denominator: 2 },
  circulationDays: 7,
  coSignersRequired: 2,
  sizeFormula: 'national',
  proposalWindow: { opensDaysBefore: 30, closesDaysBefore: 1 },
  proposalHandlingDays: 20,
  publication: { withinDays: 3, keepDays: 15 },
};

/** The roster's size formula belongs to the term: a session does not override it. */
export const TERM_KEYS: SettingKey[] = [
  'quorum',
  'majority',
  'circulationDays',
  'coSignersRequired',
  'proposalWindow',
  'proposalHandlingDays',
  'publication',
  'sizeFormula',
];
export const SESSION_KEYS: SettingKey[] = TERM_KEYS.filter((k) => k !== 'sizeFormula');

/**
 * A plain copy of a setting's value. The console's answers are reactive proxies, which
 * structuredClone refuses; every setting is JSON.
 */
export function copyOf<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** An editable copy of the effective settings (the api's answer, or the defaults). */
export function settingsDraft(effective: unknown): CongressSettings {
  const given = (effective ?? {}) as Partial<Record<SettingKey, unknown>>;
  const draft = copyOf(DEFAULTS) as unknown as Record<SettingKey, unknown>;
  for (const key of TERM_KEYS) {
    const value = given[key];
    if (value === undefined || value === null) continue;
    draft[key] =
      typeof value === 'object' ? { ...(draft[key] as object), ...copyOf(value as object) } : value;
  }
  return draft as unknown as CongressSettings;
}

/** Which rules a session overrides: the keys of its own `settings`. */
export function overriddenKeys(own: unknown): Record<SettingKey, boolean> {
  const given = (own ?? {}) as Partial<Record<SettingKey, unknown>>;
  return Object.fromEntries(
    TERM_KEYS.map((k) => [k, given[k] !== undefined && given[k] !== null]),
  ) as Record<SettingKey, boolean>;
}

/**
 * The session's `settings` body: the overridden rules with their values, the others `null`,
 * which removes an earlier override (the api skips null when it merges), so they follow the term.
 */
export function sessionSettingsBody(
  draft: CongressSettings,
  overridden: Record<SettingKey, boolean>,
): Record<string, unknown> {
  return Object.fromEntries(SESSION_KEYS.map((k) => [k, overridden[k] ? draft[k] : null]));
}

/** The term's `settings` body: every rule, as shown in its dialog. */
export function termSettingsBody(draft: CongressSettings): Record<string, unknown> {
  return Object.fromEntries(TERM_KEYS.map((k) => [k, draft[k]]));
}

export const SETTING_LABELS: Record<SettingKey, string> = {
  quorum: '法定人数',
  majority: '表决通过',
  circulationDays: '提前分发',
  coSignersRequired: '提案附议',
  proposalWindow: '提案征集',
  proposalHandlingDays: '提案答复',
  publication: '决议公开',
  sizeFormula: '代表名额规则',
};

export const MAJORITY_BASES: { value: CongressSettings['majority']['base']; label: string }[] = [
  { value: 'all', label: '全体代表' },
  { value: 'present', label: '出席代表' },
  { value: 'cast', label: '投票数' },
];

export const FORMULAS: { value: CongressSettings['sizeFormula']; label: string }[] = [
  { value: 'national', label: '全国通行（≥ 30 人且 ≥ 职工 5%）' },
  { value: 'shanghai', label: '上海市条例' },
  { value: 'zhejiang', label: '浙江省条例' },
];

/** One rule in words, as the session's dialog shows what it follows from the term. */
export function settingText(key: SettingKey, s: CongressSettings): string {
  switch (key) {
    case 'quorum':
      return `出席不少于全体代表的 ${s.quorum.numerator}/${s.quorum.denominator}`;
    case 'majority': {
      const base = MAJORITY_BASES.find((b) => b.value === s.majority.base)?.label ?? '';
      return `赞成超过${base}的 ${s.majority.numerator}/${s.majority.denominator}`;
    }
    case 'circulationDays':
      return `会前 ${s.circulationDays} 天分发议程和文件`;
    case 'coSignersRequired':
      return `提案人之外 ${s.coSignersRequired} 名代表附议`;
    case 'proposalWindow':
      return `会前 ${s.proposalWindow.opensDaysBefore} 天开始，会前 ${s.proposalWindow.closesDaysBefore} 天截止`;
    case 'proposalHandlingDays':
      return `交办后 ${s.proposalHandlingDays} 天内答复`;
    case 'publication':
      return `会后 ${s.publication.withinDays} 天内公开，保留 ${s.publication.keepDays} 天`;
    case 'sizeFormula':
      return FORMULAS.find((f) => f.value === s.sizeFormula)?.label ?? s.sizeFormula;
  }
}
