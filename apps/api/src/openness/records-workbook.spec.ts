import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { record } from './record-fixture.js';
import { inertCell, recordsWorkbook } from './records-workbook.js';

describe('the records workbook', () => {
  it('makes formula-like text inert', () => {
    expect(inertCell('=1+1')).toBe("'=1+1");
    expect(inertCell('-2')).toBe("'-2");
    expect(inertCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(inertCell('\tx')).toBe("'\tx");
    expect(inertCell('问：1+1')).toBe('问：1+1');
  });

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
    expect(row.getCell(13).value).toBe('\'=HYPERLINK("http://x")');
  });
});
