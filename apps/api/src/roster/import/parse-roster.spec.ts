import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  FIXTURE_FILES,
  FIXTURE_GROUPS,
  GOOD_ROWS,
  NUMERIC_ROWS,
  QUOTED_ROWS,
  buildCsvFixtures,
  buildFixtures,
  gbk,
} from '../../../../../test/fixtures/roster/roster-fixtures.js';
import { MAX_FILE_BYTES, MAX_ROWS, parseRosterFile, type ParsedSheet } from './parse-roster.js';
import { validateRoster } from './validate-roster.js';

const FIXTURES = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../../test/fixtures/roster',
);
const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name));
const parseFixture = (name: string): Promise<ParsedSheet> =>
  parseRosterFile({ buffer: fixture(name), filename: name });
const context = { groups: FIXTURE_GROUPS };
const csv = (text: string): Promise<ParsedSheet> =>
  parseRosterFile({ buffer: Buffer.from(text, 'utf8'), filename: 'roster.csv' });
const codes = (s: ParsedSheet): string[] => s.problems.map((p) => p.code);

describe('parseRosterFile: the fixtures', () => {
  it.each([
    [FIXTURE_FILES.goodXlsx, 'xlsx', null],
    [FIXTURE_FILES.goodUtf8Bom, 'csv', 'utf-8-bom'],
    [FIXTURE_FILES.goodUtf8, 'csv', 'utf-8'],
    [FIXTURE_FILES.goodGbk, 'csv', 'gb18030'],
  ])('%s reads as %s (%s) and gives the good roster', async (name, format, encoding) => {
    const sheet = await parseFixture(name);
    expect(sheet).toMatchObject({ format, encoding, headerRow: 1, problems: [] });
    expect(sheet.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(validateRoster(sheet, context)).toMatchObject({ rows: GOOD_ROWS, problems: [] });
  });

  it('reads quoted commas, doubled quotes, line breaks in quotes, CRLF and trailing blank lines', async () => {
    const sheet = await parseFixture(FIXTURE_FILES.quoted);
    expect(sheet.rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(validateRoster(sheet, context)).toMatchObject({ rows: QUOTED_ROWS, problems: [] });
  });

  it('reads number, rich-text, formula, hyperlink, boolean and merged cells as text', async () => {
    const sheet = await parseFixture(FIXTURE_FILES.numericXlsx);
    expect(sheet.sheetName).toBe('Sheet1');
    expect(sheet.rows[0].cells.slice(0, 2)).toEqual(['张伟', '10023']);
    expect(sheet.rows[1].cells[1]).toBe('00123'); // 123 shown with the format 00000
    expect(validateRoster(sheet, context)).toMatchObject({ rows: NUMERIC_ROWS, problems: [] });
  });

  it('the checked-in fixtures are what make-fixtures.ts writes', async () => {
    for (const [name, bytes] of Object.entries(buildCsvFixtures())) {
      expect(fixture(name).equals(bytes)).toBe(true);
    }
    // XLSX files carry zip timestamps: compare what they read as.
    const fresh = await buildFixtures();
    for (const name of [FIXTURE_FILES.goodXlsx, FIXTURE_FILES.numericXlsx]) {
      const rebuilt = await parseRosterFile({ buffer: fresh[name], filename: name });
      expect(rebuilt).toEqual(await parseFixture(name));
    }
  });
});

describe('parseRosterFile: the header', () => {
  it('maps the columns in any order, with synonyms, and lists the unknown ones', async () => {
    const sheet = await csv(
      ' 职工编号 ,序号,姓\u3000名,所属代表团,身份证号\n10001,1,张三,第一代表团,x\n',
    );
    expect(sheet.columns).toEqual({ employeeNumber: 0, name: 2, groupName: 3 });
    expect(sheet.unknownHeaders).toEqual(['身份证号']);
    expect(sheet.headers.map((h) => h.field)).toEqual([
      'employeeNumber',
      null,
      'name',
      'groupName',
      null,
    ]);
  });

  it('finds the header under a title block and keeps the real row numbers', async () => {
    const sheet = await csv(
      '第五届职工代表大会代表名单,,\n制表：工会,,\n\n姓名,工号,性别\n张三,10001,男\n\n李四,10002,女\n',
    );
    expect(sheet.headerRow).toBe(4);
    expect(sheet.rows).toEqual([
      { row: 5, cells: ['张三', '10001', '男'] },
      { row: 7, cells: ['李四', '10002', '女'] },
    ]);
  });

  it('refuses a file without a recognisable header', async () => {
    const sheet = await csv('a,b,c\n1,2,3\n');
    expect(codes(sheet)).toEqual(['NO_HEADER']);
    expect(sheet.problems[0]).toMatchObject({ row: null, column: null });
    expect(sheet.rows).toEqual([]);
  });

  it('refuses a missing required column, naming it', async () => {
    const sheet = await csv('姓名,性别\n张三,男\n');
    expect(sheet.problems).toEqual([
      {
        row: null,
        column: '工号',
        field: 'employeeNumber',
        code: 'MISSING_COLUMN',
        message: '缺少必填列「工号」',
      },
    ]);
    expect(sheet.rows).toEqual([]);
  });

  it('refuses a column given twice', async () => {
    const sheet = await csv('姓名,工号,员工编号\n张三,1,2\n');
    expect(sheet.problems).toEqual([
      expect.objectContaining({ row: null, column: '员工编号', code: 'DUPLICATE_COLUMN' }),
    ]);
    expect(sheet.problems[0].message).toBe(
      '「工号」和「员工编号」是同一列（第 B 列和第 C 列），请删去一列',
    );
  });
});

describe('parseRosterFile: refused files', () => {
  it('an empty file, or one of blank lines', async () => {
    expect(codes(await parseRosterFile({ buffer: Buffer.alloc(0), filename: 'a.csv' }))).toEqual([
      'EMPTY_FILE',
    ]);
    expect(codes(await csv('\uFEFF\r\n , \r\n'))).toEqual(['EMPTY_FILE']);
  });

  it('a header without rows', async () => {
    expect(codes(await csv('姓名,工号\r\n\r\n'))).toEqual(['NO_ROWS']);
  });

  it('a file over 10 MB', async () => {
    const sheet = await parseRosterFile({
      buffer: Buffer.alloc(MAX_FILE_BYTES + 1, 0x41),
      filename: 'a.csv',
    });
    expect(codes(sheet)).toEqual(['FILE_TOO_LARGE']);
  });

  it(`more than ${MAX_ROWS} rows`, async () => {
    const lines = Array.from({ length: MAX_ROWS + 1 }, (_, i) => `张三,${i}`);
    const sheet = await csv(`姓名,工号\n${lines.join('\n')}\n`);
    expect(codes(sheet)).toEqual(['TOO_MANY_ROWS']);
    expect(sheet.rows).toEqual([]);
    // exactly the limit is fine
    expect(codes(await csv(`姓名,工号\n${lines.slice(1).join('\n')}\n`))).toEqual([]);
  });

  it('an unreadable XLSX, an old .xls, and a binary file', async () => {
    const brokenZip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(100, 7)]);
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(codes(await parseRosterFile({ buffer: brokenZip, filename: 'a.xlsx' }))).toEqual([
      'UNREADABLE_FILE',
    ]);
    expect(codes(await parseRosterFile({ buffer: xls, filename: 'a.xls' }))).toEqual([
      'UNSUPPORTED_FORMAT',
    ]);
    expect(codes(await parseRosterFile({ buffer: png, filename: 'a.csv' }))).toEqual([
      'UNREADABLE_FILE',
    ]);
    const named = await parseRosterFile({
      buffer: Buffer.from('姓名,工号\n'),
      filename: '名单.xlsx',
    });
    expect(codes(named)).toEqual(['UNREADABLE_FILE']);
  });

  it('a CSV with an unclosed quote, naming the row', async () => {
    const sheet = await csv('姓名,工号,备注\n张三,1,"未闭合\n李四,2,\n');
    expect(sheet.problems).toEqual([expect.objectContaining({ row: 2, code: 'UNCLOSED_QUOTE' })]);
  });
});

describe('parseRosterFile: XLSX workbooks', () => {
  it('reads the first visible sheet with a header, skipping notes and hidden sheets', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('封面').addRow(['第五届职工代表大会代表名单']);
    wb.addWorksheet('隐藏', { state: 'hidden' }).addRows([
      ['姓名', '工号'],
      ['错', '0'],
    ]);
    const ws = wb.addWorksheet('名单');
    ws.addRows([['姓名', '工号', '性别'], [], ['张三', 10001, '男']]);
    const sheet = await parseRosterFile({
      buffer: Buffer.from(await wb.xlsx.writeBuffer()),
      filename: 'x.xlsx',
    });
    expect(sheet).toMatchObject({ sheetName: '名单', headerRow: 1, problems: [] });
    expect(sheet.rows).toEqual([{ row: 3, cells: ['张三', '10001', '男'] }]);
  });

  it('detects XLSX by content whatever the name, and GBK CSV whatever the name', async () => {
    const xlsx = fixture(FIXTURE_FILES.goodXlsx);
    expect((await parseRosterFile({ buffer: xlsx, filename: 'roster.csv' })).format).toBe('xlsx');
    const text = await parseRosterFile({
      buffer: gbk('姓名,工号\r\n张三,1\r\n'),
      filename: 'upload',
    });
    expect(text).toMatchObject({ format: 'csv', encoding: 'gb18030' });
    expect(text.rows[0].cells).toEqual(['张三', '1']);
  });
});
