import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { bearer, termWithGroups as makeTerm, userWithRole } from './utils/actors.js';
import { binary, createTestApp, type TestApp } from './utils/test-app.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/roster/${name}`, import.meta.url));
const GROUPS = ['第一代表团', '第二代表团', '机关代表团'];

describe('roster import from the spreadsheets unions have', () => {
  let t: TestApp;
  let staff: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await userWithRole(t, 'staff');
  });
  afterAll(() => t.close());

  const termWithGroups = () => makeTerm(t, staff, GROUPS);

  const upload = (termId: string, file: Buffer, filename: string, dryRun: boolean) =>
    t
      .http()
      .post(`/api/terms/${termId}/roster/import?dryRun=${dryRun}`)
      .set(bearer(staff))
      .attach('file', file, filename);
  const rosterSize = async (termId: string) =>
    (await t.http().get(`/api/terms/${termId}/delegates`).set(bearer(staff)).expect(200)).body
      .length as number;

  it('checks a GBK file in a dry run and imports nothing', async () => {
    const termId = await termWithGroups();
    const res = await upload(termId, fixture('roster-good-gbk.csv'), 'roster.csv', true).expect(
      200,
    );
    expect(res.body).toMatchObject({
      dryRun: true,
      valid: true,
      rows: 8,
      imported: 0,
      problems: [],
    });
    expect(await rosterSize(termId)).toBe(0);
  });

  it('lists every problem of a broken file with row, column and reason, and the real import refuses it whole', async () => {
    const termId = await termWithGroups();
    const dry = await upload(termId, fixture('roster-broken.csv'), 'broken.csv', true).expect(200);
    expect(dry.body.valid).toBe(false);
    const codes = dry.body.problems.map((p: { code: string }) => p.code);
    for (const code of [
      'MISSING_NAME',
      'DUPLICATE_EMPLOYEE_NUMBER_IN_FILE',
      'UNKNOWN_GROUP',
      'UNKNOWN_CATEGORY',
      'BAD_GENDER',
      'BAD_YES_NO',
    ]) {
      expect(codes).toContain(code);
    }
    const unknownGroup = dry.body.problems.find(
      (p: { code: string }) => p.code === 'UNKNOWN_GROUP',
    );
    expect(unknownGroup).toMatchObject({
      row: 6,
      column: '代表团',
      message: expect.stringContaining('三车间'),
    });

    const real = await upload(termId, fixture('roster-broken.csv'), 'broken.csv', false);
    expect(real.status).toBe(400);
    expect(real.body.code).toBe('ROSTER_IMPORT_INVALID');
    expect(real.body.details.problems).toHaveLength(dry.body.problems.length);
    expect(await rosterSize(termId)).toBe(0);
  });

  it('imports a UTF-8 file with BOM in one go: seats, accounts, group heads, history', async () => {
    const termId = await termWithGroups();
    const res = await upload(
      termId,
      fixture('roster-good-utf8-bom.csv'),
      'roster.csv',
      false,
    ).expect(200);
    expect(res.body).toMatchObject({ dryRun: false, valid: true, imported: 8 });
    const list = (await t.http().get(`/api/terms/${termId}/delegates`).set(bearer(staff))).body as {
      id: string;
      name: string;
      employeeNumber: string;
      username: string;
      status: string;
    }[];
    expect(list).toHaveLength(8);
    expect(list.find((d) => d.name === '王芳')).toMatchObject({
      employeeNumber: '00123',
      username: '00123',
      status: 'serving',
    });
    const groups = (await t.http().get(`/api/terms/${termId}/groups`).set(bearer(staff))).body as {
      name: string;
      headDelegateId: string | null;
    }[];
    const zhang = list.find((d) => d.name === '张伟')!;
    expect(groups.find((g) => g.name === '第一代表团')!.headDelegateId).toBe(zhang.id);
    const history = await t
      .http()
      .get(`/api/delegates/${zhang.id}/history`)
      .set(bearer(staff))
      .expect(200);
    expect(history.body[0]).toMatchObject({ toStatus: 'serving', reason: '名册导入' });

    // The same file again is an update that changes nothing.
    const again = await upload(
      termId,
      fixture('roster-good-utf8-bom.csv'),
      'roster.csv',
      true,
    ).expect(200);
    expect(again.body).toMatchObject({ valid: true, problems: [] });
    expect(again.body.diff).toMatchObject({
      added: [],
      changed: [],
      unchanged: 8,
      notServing: [],
      absent: [],
      groupHeads: [],
    });

    // Imported delegates can be given tablet codes at once.
    const codes = await t
      .http()
      .post(`/api/terms/${termId}/login-codes`)
      .set(bearer(staff))
      .send({ format: 'json' })
      .expect(200);
    expect(codes.body.entries).toHaveLength(8);
  });

  it('imports an XLSX whose employee numbers are numeric cells', async () => {
    const termId = await termWithGroups();
    const res = await upload(termId, fixture('roster-numeric.xlsx'), 'roster.xlsx', false).expect(
      200,
    );
    expect(res.body.valid).toBe(true);
    expect(res.body.imported).toBeGreaterThan(0);
  });

  it('exports the roster to XLSX and serves a template', async () => {
    const termId = await termWithGroups();
    await upload(termId, fixture('roster-good.xlsx'), 'roster.xlsx', false).expect(200);
    const exported = await t
      .http()
      .get(`/api/terms/${termId}/roster/export`)
      .set(bearer(staff))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.body as unknown as ArrayBuffer);
    expect(JSON.stringify(book.worksheets[0]!.getSheetValues())).toContain('张伟');
    // And what it exports imports again (into a fresh term).
    const other = await termWithGroups();
    const round = await upload(other, exported.body as Buffer, 'roster.xlsx', true).expect(200);
    expect(round.body).toMatchObject({ valid: true, rows: 8 });

    const template = await t
      .http()
      .get(`/api/terms/${termId}/roster/template`)
      .set(bearer(staff))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(template.headers['content-type']).toContain('spreadsheetml');
  });

  it('refuses a missing file, a picture, and a file that is too large, with clear errors', async () => {
    const termId = await termWithGroups();
    const none = await t.http().post(`/api/terms/${termId}/roster/import`).set(bearer(staff));
    expect(none.body.code).toBe('ROSTER_IMPORT_FILE_MISSING');
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const picture = await upload(termId, png, 'roster.png', true).expect(200);
    expect(picture.body.valid).toBe(false);
    expect(picture.body.problems[0].row).toBeNull();
    const huge = await upload(termId, Buffer.alloc(11 * 1024 * 1024, 0x41), 'big.csv', true);
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('is for staff only', async () => {
    const termId = await termWithGroups();
    const secretary = await userWithRole(t, 'secretary');
    const res = await t
      .http()
      .post(`/api/terms/${termId}/roster/import`)
      .set(bearer(secretary))
      .attach('file', fixture('roster-good-utf8.csv'), 'roster.csv');
    expect(res.status).toBe(403);
  });
});
