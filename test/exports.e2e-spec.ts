import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { bearer, createRoster, type RosterFixture, userWithRole } from './utils/actors.js';
import { binary, createTestApp, type TestApp } from './utils/test-app.js';

/**
 * Issue 16, finding 8: formula-like text in exports was written as it was, and there was no CSV
 * export. Exports now guard such text with an apostrophe, the CSV is UTF-8 with a BOM, and the
 * roster import reads a guarded export back unchanged; hidden characters in an imported file are
 * reported per row and column.
 */
describe('exports guard formulas; CSV beside XLSX; imports report hidden characters', () => {
  let t: TestApp;
  let staff: string;
  let roster: RosterFixture;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await userWithRole(t, 'staff');
    roster = await createRoster(t, staff, 2);
    await t
      .http()
      .patch(`/api/delegates/${roster.delegates[0]!.id}`)
      .set(bearer(staff))
      .send({ note: '=HYPERLINK("http://evil.example","点此")', unit: '@SUM(1)' })
      .expect(200);
  });
  afterAll(() => t.close());

  const exportAs = (format?: string) =>
    t
      .http()
      .get(`/api/terms/${roster.termId}/roster/export${format ? `?format=${format}` : ''}`)
      .set(bearer(staff))
      .buffer(true)
      .parse(binary)
      .expect(200);

  it('guards formula-like text in the XLSX', async () => {
    const res = await exportAs();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    const texts: string[] = [];
    wb.worksheets[0]!.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') texts.push(cell.value);
      }),
    );
    expect(texts).toContain('\'=HYPERLINK("http://evil.example","点此")');
    expect(texts).toContain("'@SUM(1)");
    expect(texts.filter((s) => /^[=+\-@]/.test(s))).toEqual([]);
  });

  it('exports the same rows as CSV (UTF-8 with BOM, guarded), which re-imports unchanged', async () => {
    const res = await exportAs('csv');
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = body.toString('utf8');
    expect(text).toContain('"\'=HYPERLINK(""http://evil.example"",""点此"")"');
    expect(text).toContain('"\'@SUM(1)"');
    const dry = await t
      .http()
      .post(`/api/terms/${roster.termId}/roster/import?dryRun=true`)
      .set(bearer(staff))
      .attach('file', body, 'roster.csv')
      .expect(200);
    expect(dry.body).toMatchObject({ valid: true, problems: [] });
    expect(dry.body.diff).toMatchObject({ added: [], changed: [], unchanged: 2 });
  });

  it('exports the proposal list as CSV too', async () => {
    const res = await t
      .http()
      .get(`/api/terms/${roster.termId}/proposals/export?format=csv`)
      .set(bearer(staff))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const text = (res.body as Buffer).toString('utf8');
    expect(text.startsWith('\ufeff"编号","类型","案由"')).toBe(true);
  });

  it('reports hidden characters in an imported file by row and column', async () => {
    const csv = ['姓名,工号,性别,代表团,代表类别', `王\u202e芳,E9001,女,第一代表团,一线职工`].join(
      '\r\n',
    );
    const dry = await t
      .http()
      .post(`/api/terms/${roster.termId}/roster/import?dryRun=true`)
      .set(bearer(staff))
      .attach('file', Buffer.from(csv, 'utf8'), 'roster.csv')
      .expect(200);
    expect(dry.body.valid).toBe(false);
    expect(dry.body.problems).toEqual([
      expect.objectContaining({ row: 2, column: '姓名', code: 'HIDDEN_CHARACTER' }),
    ]);
  });
});
