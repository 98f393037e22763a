/**
 * Uploaded roster file (XLSX or CSV) → header mapping and raw rows. Nothing is interpreted here
 * beyond turning cells into text; validate-roster.ts reads the values.
 */
import ExcelJS from 'exceljs';
import { decodeCsv, detectEncoding, parseCsv, type CsvEncoding } from './csv.js';
import {
  ROSTER_COLUMNS,
  matchHeader,
  type HeaderCell,
  type RosterField,
} from './roster-columns.js';
import { fileProblem, type RosterProblem } from './roster-problems.js';
import { cellText } from './xlsx-cells.js';
import { inspectXlsxZip, XLSX_LIMITS } from './zip-guard.js';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_ROWS = 20_000;
/** How far down a title block (第五届职代会代表名单, 制表日期…) may push the header row. */
const HEADER_SCAN_ROWS = 10;

/** One data row: its spreadsheet row number and its cells as text, untrimmed, by column. */
export interface RawRow {
  row: number;
  cells: string[];
}

export interface ParsedSheet {
  format: 'xlsx' | 'csv' | null;
  /** CSV only: the encoding the file was read in. */
  encoding: CsvEncoding | null;
  /** XLSX only: the worksheet the roster was read from. */
  sheetName: string | null;
  /** Spreadsheet row of the header (1 unless a title sits above it); null when none was found. */
  headerRow: number | null;
  headers: HeaderCell[];
  /** Field → 0-based column index, for the columns present. */
  columns: Partial<Record<RosterField, number>>;
  /** Headers the import does not know, shown to the user as "not imported". */
  unknownHeaders: string[];
  /** Non-blank rows below the header; empty when the file is refused. */
  rows: RawRow[];
  /** File-level problems. Any of them refuses the file. */
  problems: RosterProblem[];
}

export interface RosterFileInput {
  buffer: Buffer;
  filename: string;
}

type Base = Pick<ParsedSheet, 'format' | 'encoding' | 'sheetName'>;

function refused(base: Base, problem: RosterProblem): ParsedSheet {
  return {
    ...base,
    headerRow: null,
    headers: [],
    columns: {},
    unknownHeaders: [],
    rows: [],
    problems: [problem],
  };
}

const isZip = (b: Buffer): boolean => b.length >= 4 && b.readUInt32BE(0) === 0x504b0304;
/** The OLE2 container of the old binary .xls format. */
const isOle = (b: Buffer): boolean => b.length >= 8 && b.readUInt32BE(0) === 0xd0cf11e0;

export async function parseRosterFile(input: RosterFileInput): Promise<ParsedSheet> {
  const { buffer, filename } = input;
  const none: Base = { format: null, encoding: null, sheetName: null };
  if (buffer.length === 0) return refused(none, fileProblem('EMPTY_FILE', '文件是空的'));
  if (buffer.length > MAX_FILE_BYTES) {
    return refused(none, fileProblem('FILE_TOO_LARGE', '文件超过 10 MB，请拆分后分批导入'));
  }
  // By content, not by name: people rename files, and browsers send what the name says.
  if (isZip(buffer)) return parseXlsx(buffer, filename);
  if (isOle(buffer)) {
    const reason = '不支持旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 或 CSV 后再上传';
    return refused(none, fileProblem('UNSUPPORTED_FORMAT', reason));
  }
  if (/\.xls[xm]?$/i.test(filename)) {
    return refused(none, fileProblem('UNREADABLE_FILE', `「${filename}」不是有效的 Excel 文件`));
  }
  return parseCsvFile(buffer, filename);
}

function parseCsvFile(buffer: Buffer, filename: string): ParsedSheet {
  const encoding = detectEncoding(buffer);
  const base: Base = { format: 'csv', encoding, sheetName: null };
  // A NUL byte never occurs in 8-bit text: this is some binary file (a PDF, an image…).
  if (!encoding.startsWith('utf-16') && buffer.includes(0)) {
    const reason = `无法读取「${filename}」：请上传 .xlsx 或 CSV 文件`;
    return refused(base, fileProblem('UNREADABLE_FILE', reason));
  }
  const parsed = parseCsv(decodeCsv(buffer, encoding));
  if (!parsed.ok) {
    const row = parsed.unclosedQuoteRow;
    const message = `第 ${row} 行：双引号没有配对，文件从这里起无法读取，请检查该行`;
    return refused(base, { row, column: null, field: null, code: 'UNCLOSED_QUOTE', message });
  }
  return buildSheet(parsed.records, base);
}

async function parseXlsx(buffer: Buffer, filename: string): Promise<ParsedSheet> {
  const base: Base = { format: 'xlsx', encoding: null, sheetName: null };
  const unreadable = `无法读取「${filename}」：文件已损坏或不是 Excel（.xlsx）文件`;
  // Bounded before exceljs inflates the whole workbook into memory (see zip-guard.ts).
  const verdict = inspectXlsxZip(buffer);
  if (!verdict.ok && verdict.reason === 'unreadable') {
    return refused(base, fileProblem('UNREADABLE_FILE', unreadable));
  }
  if (!verdict.ok && verdict.reason === 'too-large') {
    const mb = XLSX_LIMITS.maxUnzippedBytes / 1024 / 1024;
    const reason = `「${filename}」解压后超过 ${mb} MB（正常名册远小于此），可能是恶意构造的文件，未读取`;
    return refused(base, fileProblem('UNZIPPED_TOO_LARGE', reason));
  }
  if (!verdict.ok && verdict.reason === 'too-many-rows') {
    const reason = `工作表超过 ${XLSX_LIMITS.maxSheetRows} 行（数据行上限 ${MAX_ROWS} 行），请拆分后分批导入`;
    return refused(base, fileProblem('TOO_MANY_ROWS', reason));
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its parameter as its own `Buffer extends ArrayBuffer`; a Node Buffer is
    // what it takes at run time (JSZip reads both).
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return refused(base, fileProblem('UNREADABLE_FILE', unreadable));
  }
  // The roster is on the first visible sheet that has a header (the template's second sheet,
  // 说明, has none); failing that, report on the first sheet.
  let first: ParsedSheet | null = null;
  for (const ws of workbook.worksheets) {
    if (ws.state === 'hidden' || ws.state === 'veryHidden') continue;
    const sheet = buildSheet(readWorksheet(ws), { ...base, sheetName: ws.name });
    if (sheet.headerRow !== null) return sheet;
    first ??= sheet;
  }
  return first ?? refused(base, fileProblem('EMPTY_FILE', '工作簿中没有工作表'));
}

function readWorksheet(ws: ExcelJS.Worksheet): RawRow[] {
  const rows: RawRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = cellText(cell);
    });
    rows.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  return rows;
}

const isBlank = (r: RawRow): boolean => r.cells.every((c) => c.trim() === '');

/** Spreadsheet column letter of a 0-based index: 0 → A, 27 → AB. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  }
  return s;
}

function knownHeaders(r: RawRow): number {
  return r.cells.filter((c) => {
    const m = matchHeader(c);
    return m !== null && m !== 'ignored';
  }).length;
}

/** Finds the header among the first rows, maps it, and collects the data rows below it. */
function buildSheet(records: RawRow[], base: Base): ParsedSheet {
  const nonBlank = records.filter((r) => !isBlank(r));
  if (nonBlank.length === 0) return refused(base, fileProblem('EMPTY_FILE', '文件中没有任何内容'));
  // Two recognised headers make a header row; one could be a title that happens to say 姓名.
  const header = nonBlank.slice(0, HEADER_SCAN_ROWS).find((r) => knownHeaders(r) >= 2);
  if (!header) {
    const reason = '找不到表头：第一行应为列名（姓名、工号、性别、代表团……），请使用下载的模板';
    return refused(base, fileProblem('NO_HEADER', reason));
  }

  const problems: RosterProblem[] = [];
  const headers: HeaderCell[] = [];
  const columns: Partial<Record<RosterField, number>> = {};
  const unknownHeaders: string[] = [];
  header.cells.forEach((raw, index) => {
    const text = raw.trim();
    if (text === '') return;
    const match = matchHeader(text);
    const field = match === 'ignored' ? null : match;
    headers.push({ index, text, field });
    if (match === null) unknownHeaders.push(text);
    if (field === null) return;
    const seen = columns[field];
    if (seen !== undefined) {
      // Both headers as the file writes them: 代表类别 and 类别 mean the same column.
      const first = headers.find((h) => h.index === seen)!.text;
      const both = first === text ? `「${text}」列出现了两次` : `「${first}」和「${text}」是同一列`;
      const reason = `${both}（第 ${columnLetter(seen)} 列和第 ${columnLetter(index)} 列），请删去一列`;
      problems.push(fileProblem('DUPLICATE_COLUMN', reason, { header: text, field }));
    } else {
      columns[field] = index;
    }
  });
  for (const c of ROSTER_COLUMNS) {
    if (c.required === 'always' && columns[c.field] === undefined) {
      problems.push(fileProblem('MISSING_COLUMN', `缺少必填列「${c.header}」`, c));
    }
  }

  const rows = nonBlank.filter((r) => r.row > header.row);
  if (rows.length === 0 && problems.length === 0) {
    problems.push(fileProblem('NO_ROWS', '表头下面没有任何数据行'));
  }
  if (rows.length > MAX_ROWS) {
    const reason = `数据行有 ${rows.length} 行，超过上限 ${MAX_ROWS} 行，请拆分后分批导入`;
    problems.push(fileProblem('TOO_MANY_ROWS', reason));
  }
  return {
    ...base,
    headerRow: header.row,
    headers,
    columns,
    unknownHeaders,
    rows: problems.length === 0 ? rows : [],
    problems,
  };
}
