import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { RosterKind } from '../roster.enums.js';
import { ROSTER_COLUMNS } from './roster-columns.js';
import { parseRosterFile } from './parse-roster.js';
import { buildRosterTemplate } from './roster-template.js';
import { validateRoster } from './validate-roster.js';

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

type Validations = { model: Record<string, ExcelJS.DataValidation | undefined> };
const validationsOf = (ws: ExcelJS.Worksheet): Validations['model'] =>
  (ws as unknown as { dataValidations: Validations }).dataValidations.model;

describe('buildRosterTemplate', () => {
  it('has the header row, bold and frozen, with widths and text-formatted number columns', async () => {
    const wb = await load(await buildRosterTemplate());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['代表名单', '说明']);
    const ws = wb.getWorksheet('代表名单')!;
    expect(ws.getRow(1).values).toEqual([undefined, ...ROSTER_COLUMNS.map((c) => c.header)]);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(1).width).toBe(12);
    expect(ws.getColumn(2).numFmt).toBe('@');
  });

  it('has drop-downs for 性别, 代表类别, 代表类型 and the 是/否 columns', async () => {
    const ws = (await load(await buildRosterTemplate())).getWorksheet('代表名单')!;
    const dv = validationsOf(ws);
    const list = (address: string): unknown => dv[address]?.formulae;
    expect(list('C2')).toEqual(['"男,女"']);
    expect(list('F2')).toEqual(['"一线职工,专业技术人员,管理人员,中层以上管理人员,企业领导人员"']);
    expect(list('H500')).toEqual(['"代表,列席代表"']);
    for (const column of ['G', 'I', 'J', 'K']) expect(list(`${column}2`)).toEqual(['"是,否"']);
    expect(dv['A2']).toBeUndefined();
    expect(dv['C1']).toBeUndefined();
  });

  it('offers the congress groups as a drop-down when given', async () => {
    const wb = await load(await buildRosterTemplate({ groups: ['机关代表团', '一车间代表团'] }));
    expect(wb.getWorksheet('选项')!.state).toBe('hidden');
    expect(validationsOf(wb.getWorksheet('代表名单')!)['D2']?.formulae).toEqual([
      "'选项'!$A$1:$A$2",
    ]);
  });

  it('has two example rows that import cleanly, a delegate and an attendee', async () => {
    const groups = ['机关代表团'];
    const buffer = await buildRosterTemplate({ groups });
    const sheet = await parseRosterFile({ buffer, filename: 'template.xlsx' });
    const { rows, problems } = validateRoster(sheet, {
      groups,
    });
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.row, r.kind, r.groupName])).toEqual([
      [2, RosterKind.Delegate, '机关代表团'],
      [3, RosterKind.Attendee, null],
    ]);
  });

  it('explains every column in Chinese on the 说明 sheet', async () => {
    const help = (await load(await buildRosterTemplate())).getWorksheet('说明')!;
    const texts: string[] = [];
    help.eachRow((row) => texts.push(row.values.toString()));
    for (const c of ROSTER_COLUMNS) {
      expect(texts.some((t) => t.startsWith(`,${c.header},`) && t.includes(c.help))).toBe(true);
    }
  });
});
