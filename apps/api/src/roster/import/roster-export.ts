/**
 * The roster as an XLSX: a title row, then the template's columns plus 状态 and 任期起止. The
 * importer finds the header under the title and reads past the two extra columns, so an
 * exported roster (edited or not) can be uploaded again.
 */
import ExcelJS from 'exceljs';
import { safeCellText, toCsv } from '../../common/spreadsheet-text.js';
import { STATUS_LABELS, type DelegateStatus } from '../roster.enums.js';
import {
  ROSTER_SHEET_COLUMNS,
  addDropDowns,
  rosterCells,
  writeHeader,
  type RosterRowValues,
} from './roster-xlsx.js';
import { ROSTER_SHEET_NAME } from './roster-template.js';

export interface RosterExportRow extends RosterRowValues {
  status: DelegateStatus;
  /** Dates as 'YYYY-MM-DD' strings or Date objects (read in local time, as pg returns them). */
  termStart: string | Date | null;
  termEnd: string | Date | null;
}

function dateText(d: string | Date | null): string {
  if (d === null) return '';
  if (typeof d === 'string') return d.slice(0, 10);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function termText(start: string | Date | null, end: string | Date | null): string {
  const from = dateText(start);
  const to = dateText(end);
  if (from && to) return `${from} 至 ${to}`;
  if (from) return `${from} 起`;
  return to ? `至 ${to}` : '';
}

const EXPORT_COLUMNS = [
  ...ROSTER_SHEET_COLUMNS,
  { header: '状态', width: 10 },
  { header: '任期起止', width: 26 },
];

/** One exported row's cells, formula-like text guarded (the import reads it back). */
function exportCells(r: RosterExportRow): string[] {
  return [...rosterCells(r), STATUS_LABELS[r.status], termText(r.termStart, r.termEnd)].map(
    safeCellText,
  );
}

/** The same rows as the XLSX (without its title row) as a CSV, UTF-8 with BOM. */
export function buildRosterCsv(rows: RosterExportRow[]): Buffer {
  return toCsv([EXPORT_COLUMNS.map((c) => c.header), ...rows.map(exportCells)]);
}

export async function buildRosterExport(rows: RosterExportRow[], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '职代会系统';
  workbook.title = title;
  const ws = workbook.addWorksheet(ROSTER_SHEET_NAME);
  const columns = EXPORT_COLUMNS;
  let headerRow = 1;
  if (title.trim() !== '') {
    ws.getCell(1, 1).value = safeCellText(title.trim());
    ws.mergeCells(1, 1, 1, columns.length);
    ws.getRow(1).font = { bold: true, size: 14 };
    ws.getRow(1).alignment = { horizontal: 'center' };
    ws.getRow(1).height = 24;
    headerRow = 2;
  }
  writeHeader(ws, headerRow, columns);
  for (const r of rows) {
    ws.addRow(exportCells(r));
  }
  ws.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: headerRow, column: columns.length },
  };
  addDropDowns(ws, headerRow);
  ws.pageSetup = {
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerRow}:${headerRow}`,
  };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
