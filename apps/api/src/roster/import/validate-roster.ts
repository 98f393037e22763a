/**
 * Raw rows → typed roster rows, collecting EVERY problem (a dry run shows the union all of them
 * at once, so a 500-row sheet is fixed in one pass, not one error per upload). The caller imports
 * only when `problems` is empty.
 */
import { firstHiddenCharacter } from '../../common/hidden-characters.js';
import { unsafeCellText } from '../../common/spreadsheet-text.js';
import { RosterKind, type DelegateCategory, type Gender } from '../roster.enums.js';
import type { ParsedSheet, RawRow } from './parse-roster.js';
import { COLUMN_BY_FIELD, ROSTER_COLUMNS, type RosterField } from './roster-columns.js';
import { cellProblem, fileProblem, type RosterProblem } from './roster-problems.js';
import { parseCategory, parseGender, parseKind, parseYesNo } from './roster-values.js';

export interface RosterImportRow {
  /** Spreadsheet row the entry came from. */
  row: number;
  name: string;
  employeeNumber: string;
  /** Null only for an attendee who left it blank. */
  gender: Gender | null;
  /** One of `context.groups`, spelled as there; null only for an attendee. */
  groupName: string | null;
  unit: string | null;
  /** Null only for an attendee. */
  category: DelegateCategory | null;
  dispatched: boolean;
  kind: RosterKind;
  presidium: boolean;
  teller: boolean;
  groupHead: boolean;
  phone: string | null;
  note: string | null;
}

export interface RosterValidationContext {
  /** Names of the congress's delegation groups. */
  groups: string[];
}

export interface RosterValidation {
  /** The rows without a problem, in file order. */
  rows: RosterImportRow[];
  problems: RosterProblem[];
  /**
   * Every employee number the file names (as `employeeNumberKey`), rows with a problem
   * included: a seat named by a broken row is not "missing from the file".
   */
  employeeNumbers: Set<string>;
}

export const NAME_MAX = 50;
export const EMPLOYEE_NUMBER_MAX = 32;
export const UNIT_MAX = 100;
export const NOTE_MAX = 500;
const EMPLOYEE_NUMBER = /^[A-Za-z0-9-]+$/;
const PHONE = /^\+?\d{3,20}$/;

/** Full-width digits, letters and hyphen (１００２３, Ａ－０１) become half-width. */
export function normalizeEmployeeNumber(text: string): string {
  return text.normalize('NFKC').trim();
}

/** Employee numbers are unique regardless of case and width (the database's index is on lower()). */
export const employeeNumberKey = (n: string): string => normalizeEmployeeNumber(n).toLowerCase();

/**
 * Runs of whitespace (line breaks from Alt+Enter included) become one space, and the spaces
 * people put inside two-character Chinese names to align a column (张\u3000三, with an ideographic space) are dropped.
 */
export function normalizeName(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])/g, '');
}

const ATTENDEE_CANNOT_BE = [
  ['presidium', '主席团成员'],
  ['teller', '监票人'],
  ['groupHead', '团长'],
] as const;

const groupKey = (name: string): string => name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
const length = (s: string): number => [...s].length;

export function validateRoster(
  sheet: ParsedSheet,
  context: RosterValidationContext,
): RosterValidation {
  const employeeNumbers = new Set<string>();
  if (sheet.problems.length > 0)
    return { rows: [], problems: [...sheet.problems], employeeNumbers };
  const problems: RosterProblem[] = [];
  const groups = new Map(context.groups.map((g) => [groupKey(g), g]));
  // A problem names the column as the file does (类别), not as the template does (代表类别).
  const column = (field: RosterField) => ({
    header: sheet.headers.find((h) => h.field === field)?.text ?? COLUMN_BY_FIELD[field].header,
    field,
  });
  const cell = (r: RawRow, field: RosterField): string => {
    const index = sheet.columns[field];
    // An exported roster guards formula-like text with an apostrophe: read back without it.
    return index === undefined ? '' : unsafeCellText((r.cells[index] ?? '').trim());
  };

  // A column only delegates need (代表团, 代表类别, 性别) is missing: one problem for the file,
  // not one per row.
  const hasDelegates = sheet.rows.some(
    (r) => (parseKind(cell(r, 'kind')) ?? RosterKind.Delegate) === RosterKind.Delegate,
  );
  for (const c of ROSTER_COLUMNS) {
    if (c.required === 'delegates' && sheet.columns[c.field] === undefined && hasDelegates) {
      problems.push(
        fileProblem('MISSING_COLUMN', `缺少列「${c.header}」：代表必须填写${c.header}`, c),
      );
    }
  }

  const firstRowOf = new Map<string, number>();
  const headOf = new Map<string, number>();
  const rows: RosterImportRow[] = [];
  for (const r of sheet.rows) {
    const before = problems.length;
    const report = (field: RosterField, code: RosterProblem['code'], reason: string): void => {
      problems.push(cellProblem(r.row, column(field), code, reason));
    };
    // Hidden characters make two names that look the same differ (or one read backwards): each
    // cell holding one is reported, and the file is not imported.
    for (const c of ROSTER_COLUMNS) {
      const index = sheet.columns[c.field];
      const hidden = index === undefined ? null : firstHiddenCharacter(r.cells[index] ?? '');
      if (hidden) {
        const reason = `含有看不见的字符（${hidden}：控制字符、改变文字方向或零宽字符），请删除后再导入`;
        report(c.field, 'HIDDEN_CHARACTER', reason);
      }
    }
    const tooLong = (field: RosterField, value: string, max: number): boolean => {
      if (length(value) <= max) return false;
      report(field, 'TOO_LONG', `不能超过 ${max} 个字符（现有 ${length(value)} 个）`);
      return true;
    };
    const yesNo = (field: RosterField): boolean => {
      const text = cell(r, field);
      const v = parseYesNo(text);
      if (v === undefined) report(field, 'BAD_YES_NO', `应填写“是”或“否”，不能识别「${text}」`);
      return v ?? false;
    };
    // Required columns a delegate must fill; unknown when the 代表类型 itself is unreadable.
    const kindText = cell(r, 'kind');
    const parsedKind = parseKind(kindText);
    if (parsedKind === undefined) {
      report('kind', 'BAD_KIND', `应填写“代表”或“列席代表”，不能识别「${kindText}」`);
    }
    const kind = parsedKind ?? RosterKind.Delegate;
    const mustFill = (field: RosterField): boolean =>
      parsedKind !== undefined &&
      kind === RosterKind.Delegate &&
      sheet.columns[field] !== undefined;

    const name = normalizeName(cell(r, 'name'));
    if (name === '') report('name', 'MISSING_NAME', '姓名不能为空');
    else tooLong('name', name, NAME_MAX);

    const employeeNumber = normalizeEmployeeNumber(cell(r, 'employeeNumber'));
    if (employeeNumber === '') {
      report('employeeNumber', 'MISSING_EMPLOYEE_NUMBER', '工号不能为空');
    } else if (!tooLong('employeeNumber', employeeNumber, EMPLOYEE_NUMBER_MAX)) {
      if (!EMPLOYEE_NUMBER.test(employeeNumber)) {
        const reason = `工号「${employeeNumber}」只能包含字母、数字和连字符“-”`;
        report('employeeNumber', 'BAD_EMPLOYEE_NUMBER', reason);
      } else {
        const key = employeeNumber.toLowerCase();
        employeeNumbers.add(key);
        const first = firstRowOf.get(key);
        if (first === undefined) firstRowOf.set(key, r.row);
        else {
          const reason = `工号「${employeeNumber}」与第 ${first} 行重复`;
          report('employeeNumber', 'DUPLICATE_EMPLOYEE_NUMBER_IN_FILE', reason);
        }
      }
    }

    const genderText = cell(r, 'gender');
    const gender = parseGender(genderText);
    if (gender === undefined) {
      report('gender', 'BAD_GENDER', `应填写“男”或“女”，不能识别「${genderText}」`);
    } else if (gender === null && mustFill('gender')) {
      report('gender', 'MISSING_GENDER', '代表的性别不能为空');
    }

    const groupText = cell(r, 'groupName');
    const groupName = groupText === '' ? null : (groups.get(groupKey(groupText)) ?? null);
    if (groupText !== '' && groupName === null) {
      report('groupName', 'UNKNOWN_GROUP', `未知的代表团「${groupText}」`);
    } else if (groupText === '' && mustFill('groupName')) {
      report('groupName', 'MISSING_GROUP', '代表的代表团不能为空');
    }

    const unit = cell(r, 'unit').replace(/\s+/g, ' ');
    tooLong('unit', unit, UNIT_MAX);

    const categoryText = cell(r, 'category');
    const category = parseCategory(categoryText);
    if (category === undefined) {
      report('category', 'UNKNOWN_CATEGORY', `未知的代表类别「${categoryText}」`);
    } else if (category === null && mustFill('category')) {
      report('category', 'MISSING_CATEGORY', '代表的代表类别不能为空');
    }

    const dispatched = yesNo('dispatched');
    const roles = {
      presidium: yesNo('presidium'),
      teller: yesNo('teller'),
      groupHead: yesNo('groupHead'),
    };
    if (kind === RosterKind.Attendee) {
      // Attendees never vote and never stand for election (docs/rules.md), so hold none of these.
      for (const [field, role] of ATTENDEE_CANNOT_BE) {
        if (roles[field]) report(field, 'ATTENDEE_ROLE', `列席代表不能担任${role}`);
      }
    } else if (roles.groupHead && groupName !== null) {
      const head = headOf.get(groupName);
      if (head === undefined) headOf.set(groupName, r.row);
      else
        report(
          'groupHead',
          'DUPLICATE_GROUP_HEAD',
          `代表团「${groupName}」的团长已在第 ${head} 行填写`,
        );
    }

    const phoneText = cell(r, 'phone');
    const phone = phoneText.normalize('NFKC').replace(/[\s\-()]/g, '');
    if (phone !== '' && !PHONE.test(phone)) {
      report('phone', 'BAD_PHONE', `手机号「${phoneText}」只能包含数字`);
    }

    const note = cell(r, 'note');
    tooLong('note', note, NOTE_MAX);

    if (problems.length > before) continue;
    rows.push({
      row: r.row,
      name,
      employeeNumber,
      gender: gender ?? null,
      groupName,
      unit: unit || null,
      category: category ?? null,
      dispatched,
      kind,
      ...roles,
      phone: phone || null,
      note: note || null,
    });
  }
  return { rows, problems: problems.sort(byPosition), employeeNumbers };
}

const COLUMN_ORDER = new Map(ROSTER_COLUMNS.map((c, i) => [c.field, i]));

/** File problems first, then by row, then in template column order (the sort is stable). */
export function byPosition(a: RosterProblem, b: RosterProblem): number {
  const row = (a.row ?? 0) - (b.row ?? 0);
  if (row !== 0 || a.row === null) return row;
  const order = (p: RosterProblem) => (p.field ? (COLUMN_ORDER.get(p.field) ?? 0) : 0);
  return order(a) - order(b);
}
