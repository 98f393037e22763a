import {
  employeeNumberKey,
  normalizeEmployeeNumber,
  normalizeName,
  type ParsedSheet,
} from '../roster/index.js';
import type { OpennessUnit } from './unit.entity.js';

/**
 * The employee list read from the roster's kind of spreadsheet (工号, 姓名, 单位): pure, no
 * database. A unit cell names an openness unit by its name when that name is unique, or by its
 * path from the workshop or office down, `一车间/甲班` (full-width slashes read the same).
 */

export interface EmployeeRow {
  row: number;
  employeeNumber: string;
  name: string;
  unitId: string;
}

export interface EmployeeImportProblem {
  /** Spreadsheet row (as Excel shows it); null for the whole file. */
  row: number | null;
  column: string | null;
  code: string;
  message: string;
}

const NUMBER = /^[A-Za-z0-9_-]{1,32}$/;

/** Name or path → unit id; a name two units share is ambiguous (null). */
export function unitIndex(units: OpennessUnit[]): Map<string, string | null> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const index = new Map<string, string | null>();
  const add = (key: string, id: string) =>
    index.set(key, index.has(key) && index.get(key) !== id ? null : id);
  for (const u of units) {
    add(u.name, u.id);
    const parent = u.parentId ? byId.get(u.parentId) : undefined;
    if (parent?.parentId) add(`${parent.name}/${u.name}`, u.id);
  }
  return index;
}

/** A unit as people write it: a team with its workshop or office, `一车间/甲班`. */
export function unitPaths(units: OpennessUnit[]): Map<string, string> {
  const byId = new Map(units.map((u) => [u.id, u]));
  return new Map(
    units.map((u) => {
      const parent = u.parentId ? byId.get(u.parentId) : undefined;
      return [u.id, parent?.parentId ? `${parent.name}/${u.name}` : u.name];
    }),
  );
}

const unitKey = (text: string) =>
  text
    .normalize('NFKC')
    .trim()
    .replace(/\s*\/\s*/g, '/');

export function readEmployees(
  sheet: ParsedSheet,
  units: OpennessUnit[],
): { rows: EmployeeRow[]; problems: EmployeeImportProblem[] } {
  const problems: EmployeeImportProblem[] = sheet.problems.map((p) => ({
    row: p.row,
    column: p.column,
    code: p.code,
    message: p.message,
  }));
  const col = sheet.columns;
  if (problems.length === 0 && col.unit === undefined)
    problems.push({
      row: null,
      column: '单位',
      code: 'MISSING_COLUMN',
      message: '缺少必填列「单位」（职工所在的车间、科室或班组）',
    });
  if (problems.length > 0) return { rows: [], problems };

  const index = unitIndex(units);
  const seen = new Map<string, number>();
  const rows: EmployeeRow[] = [];
  for (const raw of sheet.rows) {
    const cell = (i: number | undefined) => (i === undefined ? '' : (raw.cells[i] ?? ''));
    const at = (column: string, code: string, message: string) =>
      problems.push({
        row: raw.row,
        column,
        code,
        message: `第 ${raw.row} 行「${column}」：${message}`,
      });
    const number = normalizeEmployeeNumber(cell(col.employeeNumber));
    const name = normalizeName(cell(col.name));
    const unitText = unitKey(cell(col.unit));
    let ok = true;
    if (!number) ok = !at('工号', 'MISSING_EMPLOYEE_NUMBER', '工号不能为空');
    else if (!NUMBER.test(number))
      ok = !at('工号', 'BAD_EMPLOYEE_NUMBER', '工号只能由字母、数字、- 和 _ 组成（不超过 32 位）');
    else if (seen.has(employeeNumberKey(number)))
      ok = !at(
        '工号',
        'DUPLICATE_EMPLOYEE_NUMBER_IN_FILE',
        `工号 ${number} 与第 ${seen.get(employeeNumberKey(number))} 行重复`,
      );
    else seen.set(employeeNumberKey(number), raw.row);
    if (!name) ok = !at('姓名', 'MISSING_NAME', '姓名不能为空');
    else if (name.length > 50) ok = !at('姓名', 'TOO_LONG', '姓名不能超过 50 个字');
    const unitId = unitText ? index.get(unitText) : undefined;
    if (!unitText) ok = !at('单位', 'MISSING_UNIT', '单位不能为空');
    else if (unitId === null)
      ok = !at('单位', 'AMBIGUOUS_UNIT', `有多个单位名为「${unitText}」，请写成「车间/班组」`);
    else if (unitId === undefined)
      ok = !at('单位', 'UNKNOWN_UNIT', `没有名为「${unitText}」的单位，请先在“单位”中建立`);
    if (ok && unitId) rows.push({ row: raw.row, employeeNumber: number, name, unitId });
  }
  return { rows, problems };
}
