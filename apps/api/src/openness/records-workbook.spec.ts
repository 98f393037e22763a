import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { record } from './record-fixture.js';
import { recordsWorkbook } from './records-workbook.js';

describe('the records workbook', () => {
  it('writes one row per record, questions with their answers, in Shanghai time', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await recordsWorkbook([record])) as unknown as ArrayBuffer);
    const ws = book.getWorksheet('厂务公开记录表')!;
    expect(ws.rowCount).toBe(2);
    const row = ws.getRow(2);
    expect(row.getCell(1).value).toBe('10月业务招待费');
    expect(row.getCell(4).value).toBe('2026-11-20 10:00');
    expect(row.getCell(9).value).toBe('问：为什么这么多？\n答：含年度客户来访。');
    expect(row.getCell(11).value).toBe('满意 3 · 基本满意 1 · 不满意 0');
    // Employees' text goes through safeCellText: a formula stays text.
    expect(row.getCell(13).value).toBe('\'=HYPERLINK("http://x")');
  });
});
