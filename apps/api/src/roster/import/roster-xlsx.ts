/** What the template and the export share: the header row, the column formats, the drop-downs. */
import type ExcelJS from 'exceljs';
import { CATEGORY_LABELS, GENDER_LABELS } from '../roster.enums.js';
import { ROSTER_COLUMNS, type RosterField } from './roster-columns.js';
import { MAX_ROWS } from './parse-roster.js';
import {
  CATEGORY_CHOICES,
  GENDER_CHOICES,
  KIND_CHOICES,
  KIND_LABELS,
  YES_NO_CHOICES,
  yesNoLabel,
} from './roster-values.js';
import type { RosterImportRow } from './validate-roster.js';

export type RosterRowValues = Omit<RosterImportRow, 'row'>;

/** A row's cells in template order, written with the canonical words so they re-import as is. */
const CELL: Record<RosterField, (r: RosterRowValues) => string> = {
  name: (r) => r.name,
  employeeNumber: (r) => r.employeeNumber,
  gender: (r) => (r.gender ? GENDER_LABELS[r.gender] : ''),
  groupName: (r) => r.groupName ?? '',
  unit: (r) => r.unit ?? '',
  category: (r) => (r.category ? CATEGORY_LABELS[r.category] : ''),
  dispatched: (r) => yesNoLabel(r.dispatched),
  kind: (r) => KIND_LABELS[r.kind],
  presidium: (r) => yesNoLabel(r.presidium),
  teller: (r) => yesNoLabel(r.teller),
  groupHead: (r) => yesNoLabel(r.groupHead),
  phone: (r) => r.phone ?? '',
  note: (r) => r.note ?? '',
};

/**
 * Always strings, never numbers: an employee number 00123 must stay 00123. (exceljs writes a
 * string starting with "=" as text, not as a formula, so a name cannot inject one.)
 */
export function rosterCells(r: RosterRowValues): string[] {
  return ROSTER_COLUMNS.map((c) => CELL[c.field](r));
}

export interface SheetColumn {
  header: string;
  width: number;
  /** Text format (@), so Excel does not turn 00123 into 123 or a phone number into 1.38E+10. */
  text?: boolean;
}

export const ROSTER_SHEET_COLUMNS: SheetColumn[] = ROSTER_COLUMNS.map((c) => ({
  header: c.header,
  width: c.width,
  text: c.field === 'employeeNumber' || c.field === 'phone',
}));

/** Writes the header on `rowNumber`: bold on grey, frozen with everything above it. */
export function writeHeader(
  ws: ExcelJS.Worksheet,
  rowNumber: number,
  columns: SheetColumn[],
): void {
  columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = c.width;
    if (c.text) column.numFmt = '@';
  });
  const row = ws.getRow(rowNumber);
  row.values = columns.map((c) => c.header);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center' };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  ws.views = [{ state: 'frozen', ySplit: rowNumber }];
}

// exceljs 4.4 has worksheet.dataValidations at run time, but not in its typings.
interface DataValidations {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

const list = (choices: string[]): ExcelJS.DataValidation => ({
  type: 'list',
  allowBlank: true,
  formulae: [`"${choices.join(',')}"`],
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: '请从下拉列表中选择',
  error: `可填写：${choices.join('、')}`,
});

/**
 * Drop-downs under the header for the coded columns, over as many rows as an import accepts
 * (one range each, so the file stays small). `groupsRange` (e.g. '选项'!$A$1:$A$12) adds one for
 * 代表团 too.
 */
export function addDropDowns(ws: ExcelJS.Worksheet, headerRow: number, groupsRange?: string): void {
  const validations = (ws as unknown as { dataValidations: DataValidations }).dataValidations;
  const first = headerRow + 1;
  const last = headerRow + MAX_ROWS;
  const byField: Partial<Record<RosterField, ExcelJS.DataValidation>> = {
    gender: list(GENDER_CHOICES),
    category: list(CATEGORY_CHOICES),
    kind: list(KIND_CHOICES),
    dispatched: list(YES_NO_CHOICES),
    presidium: list(YES_NO_CHOICES),
    teller: list(YES_NO_CHOICES),
    groupHead: list(YES_NO_CHOICES),
  };
  if (groupsRange)
    byField.groupName = { ...list([]), formulae: [groupsRange], error: '请选择已建立的代表团' };
  ROSTER_COLUMNS.forEach((c, i) => {
    const validation = byField[c.field];
    if (!validation) return;
    const letter = ws.getColumn(i + 1).letter;
    validations.add(`${letter}${first}:${letter}${last}`, validation);
  });
}
