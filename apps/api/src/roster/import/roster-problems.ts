import type { RosterField } from './roster-columns.js';

/**
 * A problem found in an uploaded roster. `row` is the 1-based spreadsheet row (as Excel shows
 * it) and `column` the header as the file writes it (类别, if that is what the file says; the
 * template's header when the file lacks the column); both are null for a problem of the whole
 * file. `field` is the column's meaning, whatever its header. `message` is the Chinese sentence
 * shown to union staff.
 */
export interface RosterProblem {
  row: number | null;
  column: string | null;
  field: RosterField | null;
  code: RosterProblemCode;
  message: string;
}

export type RosterProblemCode =
  // the file as a whole
  | 'EMPTY_FILE'
  | 'FILE_TOO_LARGE'
  | 'UNZIPPED_TOO_LARGE'
  | 'UNSUPPORTED_FORMAT'
  | 'UNREADABLE_FILE'
  | 'UNCLOSED_QUOTE'
  | 'NO_HEADER'
  | 'MISSING_COLUMN'
  | 'DUPLICATE_COLUMN'
  | 'NO_ROWS'
  | 'TOO_MANY_ROWS'
  // one cell or row
  | 'MISSING_NAME'
  | 'MISSING_EMPLOYEE_NUMBER'
  | 'BAD_EMPLOYEE_NUMBER'
  | 'DUPLICATE_EMPLOYEE_NUMBER_IN_FILE'
  | 'KIND_CHANGED'
  | 'MISSING_GENDER'
  | 'BAD_GENDER'
  | 'MISSING_GROUP'
  | 'UNKNOWN_GROUP'
  | 'MISSING_CATEGORY'
  | 'UNKNOWN_CATEGORY'
  | 'BAD_KIND'
  | 'BAD_YES_NO'
  | 'ATTENDEE_ROLE'
  | 'DUPLICATE_GROUP_HEAD'
  | 'BAD_PHONE'
  | 'HIDDEN_CHARACTER'
  | 'TOO_LONG';

/** A problem of the whole file (no row), or of a whole column (`column` set, no row). */
export function fileProblem(
  code: RosterProblemCode,
  message: string,
  column: { header: string; field: RosterField } | null = null,
): RosterProblem {
  return { row: null, column: column?.header ?? null, field: column?.field ?? null, code, message };
}

/** A problem of one cell: the message reads 第 5 行「代表团」：未知的代表团「三车间」. */
export function cellProblem(
  row: number,
  column: { header: string; field: RosterField },
  code: RosterProblemCode,
  reason: string,
): RosterProblem {
  return {
    row,
    column: column.header,
    field: column.field,
    code,
    message: `第 ${row} 行「${column.header}」：${reason}`,
  };
}
