import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { RecordResponse } from './dto/openness.responses.js';
import { OpinionKind } from './openness.enums.js';
import { inertCell, recordsWorkbook } from './records-workbook.js';

const record: RecordResponse = {
  itemId: 'i1',
  what: '10月业务招待费',
  categoryLabel: '财务收支（业务费、办公费、车辆费）',
  when: '2026-11-20 至 2026-12-04',
  publishedAt: '2026-11-20T02:00:00.000Z',
  where: '某某机械有限公司（公司）· 公开栏',
  toWhom: '全体职工',
  departmentName: '财务部',
  responsiblePerson: '李明',
  reviewedAt: null,
  contentSha256: 'ab'.repeat(32),
  commentCount: 2,
  ratings: { satisfied: 3, basically_satisfied: 1, unsatisfied: 0 },
  questions: [
    {
      id: 'o1',
      kind: OpinionKind.Question,
      kindLabel: '提问',
      body: '为什么这么多？',
      rating: null,
      anonymous: true,
      authorName: null,
      receivedOn: '2026-11-21',
      answer: '含年度客户来访。',
      answeredAt: '2026-11-22T02:00:00.000Z',
    },
  ],
  measures: [],
  statusLabel: '公开中',
  outcome: '=HYPERLINK("http://x")',
};

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
