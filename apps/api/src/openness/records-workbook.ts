import ExcelJS from 'exceljs';
import { safeCellText } from '../common/spreadsheet-text.js';
import { formatShanghai } from '../common/time.js';
import type { RecordResponse } from './dto/openness.responses.js';
import { measureText, questionText, ratingText } from './record-text.js';

/** 厂务公开记录表 of a year, one row per published item, for inspection (备案备查). */
export async function recordsWorkbook(records: RecordResponse[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('厂务公开记录表');
  ws.columns = [
    { header: '公开事项', width: 32 },
    { header: '类别', width: 16 },
    { header: '公开时间', width: 24 },
    { header: '公开日期', width: 17 },
    { header: '公开单位与形式', width: 26 },
    { header: '公开范围', width: 16 },
    { header: '责任部门', width: 14 },
    { header: '责任人', width: 10 },
    { header: '职工提问与答复', width: 48 },
    { header: '意见条数', width: 9 },
    { header: '评价', width: 28 },
    { header: '整改措施', width: 48 },
    { header: '办理结果', width: 30 },
    { header: '状态', width: 10 },
    { header: '内容 SHA-256', width: 20 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of records) {
    const questions = r.questions.map(questionText).join('\n');
    const measures = r.measures.map(measureText).join('\n');
    const row = ws.addRow(
      [
        r.what,
        r.categoryLabel,
        r.when,
        formatShanghai(new Date(r.publishedAt)),
        r.where,
        r.toWhom,
        r.departmentName,
        r.responsiblePerson,
        questions,
        String(r.commentCount),
        ratingText(r.ratings),
        measures,
        r.outcome ?? '',
        r.statusLabel,
        r.contentSha256,
      ].map(safeCellText),
    );
    row.alignment = { vertical: 'top', wrapText: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
