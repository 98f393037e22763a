/** The downloadable roster template: the 代表名单 sheet to fill in, and a 说明 sheet. */
import ExcelJS from 'exceljs';
import { DelegateCategory, Gender, RosterKind } from '../roster.enums.js';
import { ROSTER_COLUMNS } from './roster-columns.js';
import { MAX_ROWS } from './parse-roster.js';
import {
  ROSTER_SHEET_COLUMNS,
  addDropDowns,
  rosterCells,
  writeHeader,
  type RosterRowValues,
} from './roster-xlsx.js';

export const ROSTER_SHEET_NAME = '代表名单';
const EXAMPLE_NOTE = '示例行，导入前请删除';

export interface RosterTemplateOptions {
  /**
   * The congress's delegation groups: they become the 代表团 drop-down (kept on a hidden sheet,
   * since a typed-in list is limited to 255 characters) and the example rows use the first.
   */
  groups?: string[];
}

function examples(group: string): RosterRowValues[] {
  const base = { dispatched: false, presidium: false, teller: false, note: EXAMPLE_NOTE };
  return [
    {
      ...base,
      name: '张三',
      employeeNumber: '10001',
      gender: Gender.Male,
      groupName: group,
      unit: '一车间',
      category: DelegateCategory.FrontLine,
      kind: RosterKind.Delegate,
      groupHead: true,
      phone: '13800000000',
    },
    {
      ...base,
      name: '李四',
      employeeNumber: '10002',
      gender: Gender.Female,
      groupName: null,
      unit: '财务部',
      category: null,
      kind: RosterKind.Attendee,
      groupHead: false,
      phone: null,
    },
  ];
}

const GENERAL_NOTES = [
  '1. 在“代表名单”工作表中每行填写一人；第一行是表头，请不要修改、删除列名，列的顺序可以调整。',
  '2. 第 2、3 行是示例（灰色斜体），导入前请删除。',
  '3. 可以上传 .xlsx 文件，或 CSV 文件（UTF-8 或 Excel 默认的 GBK 编码均可）。',
  `4. 每个文件最多 ${MAX_ROWS} 行、10 MB。`,
  '5. 上传后系统先检查全部内容，并列出每个问题所在的行和列；全部无误后才会导入，导入要么全部成功，要么一行都不导入。',
  '6. 列席代表不参加表决和选举，可以不填代表团、代表类别和性别，也不能担任主席团成员、监票人或团长。',
];

function addHelpSheet(workbook: ExcelJS.Workbook): void {
  const ws = workbook.addWorksheet('说明');
  ws.getColumn(1).width = 14;
  ws.getColumn(2).width = 14;
  ws.getColumn(3).width = 90;
  ws.addRow(['代表名单导入说明']).font = { bold: true, size: 14 };
  for (const line of GENERAL_NOTES) ws.addRow([line]);
  ws.addRow([]);
  ws.addRow(['列名', '是否必填', '填写说明']).font = { bold: true };
  const required = { always: '必填', delegates: '代表必填', no: '选填' } as const;
  for (const c of ROSTER_COLUMNS) {
    const row = ws.addRow([c.header, required[c.required], c.help]);
    row.getCell(3).alignment = { wrapText: true, vertical: 'top' };
  }
}

export async function buildRosterTemplate(options: RosterTemplateOptions = {}): Promise<Buffer> {
  const groups = options.groups ?? [];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '职代会系统';
  const ws = workbook.addWorksheet(ROSTER_SHEET_NAME);
  writeHeader(ws, 1, ROSTER_SHEET_COLUMNS);
  for (const example of examples(groups[0] ?? '第一代表团')) {
    ws.addRow(rosterCells(example)).font = { italic: true, color: { argb: 'FF808080' } };
  }
  addHelpSheet(workbook);
  let groupsRange: string | undefined;
  if (groups.length > 0) {
    const lists = workbook.addWorksheet('选项', { state: 'hidden' });
    groups.forEach((g, i) => (lists.getCell(i + 1, 1).value = g));
    groupsRange = `'选项'!$A$1:$A$${groups.length}`;
  }
  addDropDowns(ws, 1, groupsRange);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
