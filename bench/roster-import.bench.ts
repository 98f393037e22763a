/**
 * Speed of the roster import's pure part (apps/api/src/roster/import): parse + validate of a
 * 5,000-row XLSX and a 5,000-row GBK CSV, built in memory. The target is a whole import in under
 * 10 s; the database insert (one transaction) is timed separately in the e2e path.
 *   npx tsx bench/roster-import.bench.ts
 * Environment: ROSTER_BENCH_ROWS (default 5000), ROSTER_BENCH_RUNS (default 5).
 * The last line of output is one JSON object.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { availableParallelism, cpus } from 'node:os';
import {
  ROSTER_COLUMNS,
  parseRosterFile,
  validateRoster,
} from '../apps/api/src/roster/import/index.js';
import { CATEGORY_LABELS, DelegateCategory } from '../apps/api/src/roster/roster.enums.js';

const ROWS = Number(process.env.ROSTER_BENCH_ROWS ?? 5000);
const RUNS = Number(process.env.ROSTER_BENCH_RUNS ?? 5);
const GROUPS = Array.from({ length: 40 }, (_, i) => `第${i + 1}代表团`);
const CATEGORIES = Object.values(DelegateCategory).map((c) => CATEGORY_LABELS[c]);
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂';

/** A realistic roster row: every column filled, a few attendees, notes on some rows. */
function rosterRow(i: number): string[] {
  const attendee = i % 50 === 49;
  return [
    SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + GIVEN[(i * 13) % GIVEN.length],
    String(100000 + i),
    i % 3 === 0 ? '女' : '男',
    attendee ? '' : GROUPS[i % GROUPS.length],
    `第${(i % 30) + 1}车间生产${(i % 5) + 1}班`,
    attendee ? '' : CATEGORIES[i % 11 === 0 ? 4 : i % 4],
    i % 20 === 0 ? '是' : '否',
    attendee ? '列席代表' : '代表',
    !attendee && i % 100 === 0 ? '是' : '否',
    !attendee && i % 97 === 0 ? '是' : '否',
    !attendee && i < GROUPS.length ? '是' : '否',
    String(13800000000 + i),
    i % 10 === 0 ? `备注：第${i}号，含逗号,和"引号"` : '',
  ];
}

const header = ROSTER_COLUMNS.map((c) => c.header);
const table = Array.from({ length: ROWS }, (_, i) => rosterRow(i));

async function xlsxFile(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('代表名单');
  ws.addRow(header);
  // Employee numbers and phones as number cells, as Excel users type them.
  for (const r of table) ws.addRow(r.map((v, c) => (c === 1 || c === 11 ? Number(v) : v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function gbkCsv(): Buffer {
  const field = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const text = [header, ...table].map((r) => r.map(field).join(',') + '\r\n').join('');
  return iconv.encode(text, 'gbk');
}

const context = {
  groups: GROUPS,
  // As many numbers already on the roster, none colliding: every lookup misses.
  existingEmployeeNumbers: new Set(Array.from({ length: ROWS }, (_, i) => String(900000 + i))),
};

const round = (n: number): number => Math.round(n * 10) / 10;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time(name: string, buffer: Buffer, filename: string) {
  const parse: number[] = [];
  const validate: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    let t0 = performance.now();
    const sheet = await parseRosterFile({ buffer, filename });
    parse.push(performance.now() - t0);
    t0 = performance.now();
    const result = validateRoster(sheet, context);
    validate.push(performance.now() - t0);
    if (result.problems.length > 0 || result.rows.length !== ROWS) {
      throw new Error(
        `${name}: ${result.rows.length} rows, problems ${JSON.stringify(result.problems.slice(0, 3))}`,
      );
    }
  }
  const totals = parse.map((p, i) => p + validate[i]);
  const figures = {
    bytes: buffer.length,
    firstRunMs: round(totals[0]),
    parseMs: round(median(parse)),
    validateMs: round(median(validate)),
    totalMs: round(median(totals)),
  };
  console.log(
    `${name.padEnd(5)} ${(buffer.length / 1024).toFixed(0).padStart(5)} KiB  first ${figures.firstRunMs} ms, ` +
      `median of ${RUNS}: parse ${figures.parseMs} ms + validate ${figures.validateMs} ms = ${figures.totalMs} ms`,
  );
  return figures;
}

const xlsx = await xlsxFile();
const csv = gbkCsv();
console.log(
  `roster import bench: ${ROWS} rows, ${RUNS} runs, node ${process.version}, ${cpus()[0]?.model ?? '?'}`,
);
const results = {
  bench: 'roster-import',
  rows: ROWS,
  runs: RUNS,
  node: process.version,
  cpus: availableParallelism(),
  xlsx: await time('xlsx', xlsx, 'roster.xlsx'),
  gbkCsv: await time('csv', csv, 'roster.csv'),
  note: 'parse + validate only; the database insert is timed in the e2e path',
};
console.log(JSON.stringify(results));
