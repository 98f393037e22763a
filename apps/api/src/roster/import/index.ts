/** Roster spreadsheet import and export: pure functions, no database and no Nest. */
export { ROSTER_COLUMNS, matchHeader, normalizeHeader } from './roster-columns.js';
export type { HeaderCell, RosterColumn, RosterField } from './roster-columns.js';
export type { RosterProblem, RosterProblemCode } from './roster-problems.js';
export { MAX_FILE_BYTES, MAX_ROWS, parseRosterFile } from './parse-roster.js';
export type { ParsedSheet, RawRow, RosterFileInput } from './parse-roster.js';
export type { CsvEncoding } from './csv.js';
export { normalizeEmployeeNumber, validateRoster } from './validate-roster.js';
export type {
  RosterImportRow,
  RosterValidation,
  RosterValidationContext,
} from './validate-roster.js';
export { ROSTER_SHEET_NAME, buildRosterTemplate } from './roster-template.js';
export type { RosterTemplateOptions } from './roster-template.js';
export { buildRosterExport } from './roster-export.js';
export type { RosterExportRow } from './roster-export.js';
