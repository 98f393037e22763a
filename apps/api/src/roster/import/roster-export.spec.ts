import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { DelegateStatus } from '../roster.enums.js';
import { GOOD_ROWS, FIXTURE_GROUPS } from '../../../../../test/fixtures/roster/roster-fixtures.js';
import { parseRosterFile } from './parse-roster.js';
import { buildRosterExport, termText, type RosterExportRow } from './roster-export.js';
import { validateRoster } from './validate-roster.js';

const exported: RosterExportRow[] = GOOD_ROWS.map(({ row: _row, ...r }, i) => ({
  ...r,
  status: i === 3 ? DelegateStatus.Left : DelegateStatus.Serving,
  termStart: '2024-03-01',
  termEnd: i === 0 ? null : new Date(2029, 1, 28),
}));

describe('buildRosterExport', () => {
  it('round-trips: export → parse → validate gives back the same rows', async () => {
    const buffer = await buildRosterExport(exported, '第五届职工代表大会代表名单');
    const sheet = await parseRosterFile({ buffer, filename: '代表名单.xlsx' });
    expect(sheet).toMatchObject({ headerRow: 2, problems: [], unknownHeaders: [] });
    const { rows, problems } = validateRoster(sheet, {
      groups: FIXTURE_GROUPS,
    });
    expect(problems).toEqual([]);
    expect(rows).toEqual(GOOD_ROWS.map((r) => ({ ...r, row: r.row + 1 })));
  });

  it('writes the title, the header with 状态 and 任期起止, and text cells', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildRosterExport(exported, '代表名单')) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('代表名单');
    expect(ws.getCell('A2').font?.bold).toBe(true);
    expect(ws.getCell('N2').value).toBe('状态');
    expect(ws.getCell('O2').value).toBe('任期起止');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.getCell('B4').value).toBe('00123');
    expect(ws.getCell('N6').value).toBe('离职');
    expect(ws.getCell('O3').value).toBe('2024-03-01 起');
    expect(ws.getCell('O4').value).toBe('2024-03-01 至 2029-02-28');
  });

  it('without a title, puts the header on row 1', async () => {
    const buffer = await buildRosterExport([], '');
    const sheet = await parseRosterFile({ buffer, filename: 'x.xlsx' });
    expect(sheet.headerRow).toBe(1);
    expect(sheet.problems.map((p) => p.code)).toEqual(['NO_ROWS']);
  });

  it('formats terms', () => {
    expect(termText(null, null)).toBe('');
    expect(termText(null, '2029-02-28')).toBe('至 2029-02-28');
    expect(termText('2024-03-01T00:00:00.000Z', '2029-02-28')).toBe('2024-03-01 至 2029-02-28');
  });
});
