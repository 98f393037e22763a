/** Roster spreadsheet import and export: pure functions, no database and no Nest. */
export { COLUMN_BY_FIELD, ROSTER_COLUMNS, matchHeader, normalizeHeader } from './roster-columns.js';
export type { HeaderCell, RosterColumn, RosterField } from './roster-columns.js';
export type { RosterProblem, RosterProblemCode } from './roster-problems.js';
export { MAX_FILE_BYTES, MAX_ROWS, parseRosterFile } from './parse-roster.js';
export type { ParsedSheet, RawRow, RosterFileInput } from './parse-roster.js';
export type { CsvEncoding } from './csv.js';
export {
  byPosition,
  employeeNumberKey,
  normalizeEmployeeNumber,
  validateRoster,
} from './validate-roster.js';
export {
  COMPARED_FIELDS,
  diffRoster,
  displayValue,
  fieldChanges,
  planGroupHeads,
} from './roster-diff.js';
export type {
  ChangedRow,
  ComparedField,
  FieldChange,
  HeadChange,
  MatchedRow,
  RosterDiff,
  RosterSeat,
  SeatValues,
  TrackedField,
} from './roster-diff.js';
export type {
  RosterImportRow,
  RosterValidation,
  RosterValidationContext,
} from './validate-roster.js';
export { ROSTER_SHEET_NAME, buildRosterTemplate } from './roster-template.js';
export type { RosterTemplateOptions } from './roster-template.js';
export { buildRosterCsv, buildRosterExport } from './roster-export.js';
export type { RosterExportRow } from './roster-export.js';
