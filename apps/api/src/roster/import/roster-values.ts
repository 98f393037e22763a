/**
 * The words accepted in the coded columns (性别, 代表类别, 是/否, 代表类型) and the words written
 * back by the template and the export. Reading is lenient (case, full-width, the enum values),
 * writing always uses the first, canonical word so an export re-imports unchanged.
 */
import {
  CATEGORY_LABELS,
  DelegateCategory,
  GENDER_LABELS,
  Gender,
  RosterKind,
} from '../roster.enums.js';

/** Case- and width-insensitive key: ＹＥＳ, Yes and yes are the same word. */
export function valueKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

function lookup<T>(entries: ReadonlyArray<readonly [T, readonly string[]]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, words] of entries) for (const w of words) map.set(valueKey(w), value);
  return map;
}

const GENDERS = lookup<Gender>([
  [Gender.Male, [GENDER_LABELS[Gender.Male], '男性', 'M', Gender.Male]],
  [Gender.Female, [GENDER_LABELS[Gender.Female], '女性', 'F', Gender.Female]],
]);

// Beyond the official labels: the shorter words seen in unions' own sheets. 中层管理人员 means
// the same group as 中层以上管理人员 (the 20% cap counts both), while plain 管理人员 does not.
const CATEGORY_SYNONYMS: Record<DelegateCategory, readonly string[]> = {
  [DelegateCategory.FrontLine]: ['一线', '一线工人', '一线员工', '一线职工代表'],
  [DelegateCategory.Technician]: ['技术人员', '专业技术'],
  [DelegateCategory.Manager]: ['管理', '一般管理人员'],
  [DelegateCategory.MiddleManager]: [
    '中层管理人员',
    '中层及以上管理人员',
    '中层干部',
    '中层以上干部',
  ],
  [DelegateCategory.Leader]: ['领导人员', '企业领导', '公司领导', '领导班子成员'],
};
const CATEGORIES = lookup<DelegateCategory>(
  Object.values(DelegateCategory).map(
    (c) => [c, [CATEGORY_LABELS[c], c, ...CATEGORY_SYNONYMS[c]]] as const,
  ),
);

export const KIND_LABELS: Record<RosterKind, string> = {
  [RosterKind.Delegate]: '代表',
  [RosterKind.Attendee]: '列席代表',
};
const KINDS = lookup<RosterKind>([
  [
    RosterKind.Delegate,
    [KIND_LABELS[RosterKind.Delegate], '职工代表', '正式代表', RosterKind.Delegate],
  ],
  [RosterKind.Attendee, [KIND_LABELS[RosterKind.Attendee], '列席', RosterKind.Attendee]],
]);

export const YES = '是';
export const NO = '否';
// √ and × are how many sheets tick a box; TRUE/FALSE is what an Excel boolean cell reads as.
const YES_NO = lookup<boolean>([
  [true, [YES, 'Y', 'yes', 'true', '1', '√', '✓', '✔']],
  [false, [NO, 'N', 'no', 'false', '0', '×', '✗', '✘']],
]);

/** The parsed value, `null` for a blank cell, `undefined` for a word not understood. */
type Parsed<T> = T | null | undefined;

function parseWith<T>(map: Map<string, T>, text: string): Parsed<T> {
  const key = valueKey(text);
  return key === '' ? null : map.get(key);
}

export const parseGender = (text: string): Parsed<Gender> => parseWith(GENDERS, text);
export const parseCategory = (text: string): Parsed<DelegateCategory> =>
  parseWith(CATEGORIES, text);
export const parseKind = (text: string): Parsed<RosterKind> => parseWith(KINDS, text);
export const parseYesNo = (text: string): Parsed<boolean> => parseWith(YES_NO, text);

export const yesNoLabel = (value: boolean): string => (value ? YES : NO);

/** Drop-down lists of the template (Excel list validations: at most 255 characters each). */
export const GENDER_CHOICES = Object.values(Gender).map((g) => GENDER_LABELS[g]);
export const CATEGORY_CHOICES = Object.values(DelegateCategory).map((c) => CATEGORY_LABELS[c]);
export const KIND_CHOICES = Object.values(RosterKind).map((k) => KIND_LABELS[k]);
export const YES_NO_CHOICES = [YES, NO];
