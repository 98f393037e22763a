import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { bearer } from './utils/actors.js';
import { createTestApp, type TestApp } from './utils/test-app.js';
import { createWorld, NOW, published, setClock, unit, type World } from './openness/world.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/roster/${name}`, import.meta.url));

async function xlsx(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('职工名单');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * 厂务公开: the employee list imported from the roster's spreadsheets by 工号, and the board's
 * "due and not published" from the annual plan on a fixed clock.
 */
describe('厂务公开: employee import and what was due and not published', () => {
  let t: TestApp;
  let w: World;
  const http = () => t.http();
  const upload = (token: string, file: Buffer, filename: string, dryRun: boolean) =>
    http()
      .post(`/api/openness/employees/import?dryRun=${dryRun}`)
      .set(bearer(token))
      .attach('file', file, filename);
  const employees = async () =>
    (await http().get('/api/openness/employees').set(bearer(w.staff)).expect(200)).body as {
      employeeNumber: string;
      name: string;
      unitId: string;
      userId: string;
    }[];

  // The world makes eleven accounts (argon2 each): slow on a loaded machine.
  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  }, 240_000);
  afterAll(() => t.close());

  describe('employee import', () => {
    it('reads the roster GBK CSV by 工号 and 单位, dry run first, then creates accounts with first passwords', async () => {
      const offices = [
        '质检部',
        '生产部',
        '总经理办公室',
        '人力资源部',
        '退休职工协会',
        '物流中心',
      ];
      const file = fixture('roster-good-gbk.csv');
      const missing = await upload(w.staff, file, 'roster.csv', true).expect(200);
      expect(missing.body.valid).toBe(false);
      expect(missing.body.problems.map((p: { code: string }) => p.code)).toEqual(
        Array(6).fill('UNKNOWN_UNIT'),
      );
      expect(missing.body.problems[0].message).toBe(
        '第 4 行「单位」：没有名为「质检部」的单位，请先在“单位”中建立',
      );
      const refused = await upload(w.staff, file, 'roster.csv', false).expect(400);
      expect(refused.body.code).toBe('OPENNESS_IMPORT_INVALID');
      const before = await employees();
      expect(before).toHaveLength(3);

      for (const name of offices) await unit(t, w.staff, name, 'office', w.units.company);
      const dry = await upload(w.staff, file, 'roster.csv', true).expect(200);
      expect(dry.body).toMatchObject({ dryRun: true, valid: true, rows: 8, problems: [] });
      expect(dry.body.added).toHaveLength(8);
      expect(dry.body.added[0]).toEqual({
        row: 2,
        employeeNumber: '10023',
        name: '张伟',
        unitName: '一车间',
      });
      expect(dry.body.created).toEqual([]);
      expect(await employees()).toHaveLength(3);

      const done = await upload(w.staff, file, 'roster.csv', false).expect(200);
      expect(done.body.dryRun).toBe(false);
      expect(done.body.created).toHaveLength(8);
      const wang = done.body.created.find(
        (c: { employeeNumber: string }) => c.employeeNumber === '00123',
      );
      expect(wang).toMatchObject({ name: '王芳', username: 'emp-00123' });
      expect(wang.firstPassword).toMatch(/^[a-zA-Z2-9]{12}$/);
      expect(await employees()).toHaveLength(11);

      // The first password logs in and must be changed; then the board is the unit's.
      const first = await t.login('emp-00123', wang.firstPassword);
      await http().get('/api/openness/board').set(bearer(first)).expect(403);
      await http()
        .post('/api/auth/password')
        .set(bearer(first))
        .send({ currentPassword: wang.firstPassword, newPassword: 'my-own-pass-1' })
        .expect(200);
      const token = await t.login('emp-00123', 'my-own-pass-1');
      await http().get('/api/openness/board').set(bearer(token)).expect(200);

      // The same file again changes nothing.
      const again = await upload(w.staff, file, 'roster.csv', false).expect(200);
      expect(again.body).toMatchObject({ added: [], changed: [], unchanged: 8, created: [] });
    });

    it('updates a known 工号 (name, unit), resolves 车间/班组 paths and refuses ambiguous or bad rows whole', async () => {
      const bad = await xlsx([
        ['工号', '姓名', '单位'],
        ['A0001', '张三丰', '二车间/甲班'],
        ['Z0001', '新人', '甲班'],
        ['Z 0002', '', '不存在'],
        ['a0001', '重复', '一车间'],
      ]);
      const dry = await upload(w.staff, bad, 'employees.xlsx', true).expect(200);
      expect(dry.body.valid).toBe(false);
      expect(
        dry.body.problems.map((p: { row: number; code: string }) => `${p.row}:${p.code}`),
      ).toEqual([
        '3:AMBIGUOUS_UNIT',
        '4:BAD_EMPLOYEE_NUMBER',
        '4:MISSING_NAME',
        '4:UNKNOWN_UNIT',
        '5:DUPLICATE_EMPLOYEE_NUMBER_IN_FILE',
      ]);
      expect((await upload(w.staff, bad, 'employees.xlsx', false)).status).toBe(400);
      const zhang = (await employees()).find((e) => e.employeeNumber === 'A0001')!;
      expect(zhang).toMatchObject({ name: '张三', unitId: w.units.team1 });

      const good = await xlsx([
        ['职工名单（2026年11月）'],
        ['工号', '姓名', '所在部门'],
        ['A0001', '张三丰', '二车间／甲班'],
        ['Z0001', '新人', '一车间/甲班'],
      ]);
      const done = await upload(w.staff, good, 'employees.xlsx', false).expect(200);
      expect(done.body.changed).toEqual([
        {
          row: 3,
          employeeNumber: 'A0001',
          name: '张三丰',
          changes: ['姓名：张三 → 张三丰', '单位：一车间/甲班 → 二车间/甲班'],
        },
      ]);
      expect(done.body.added).toEqual([
        { row: 4, employeeNumber: 'Z0001', name: '新人', unitName: '一车间/甲班' },
      ]);
      const after = (await employees()).find((e) => e.employeeNumber === 'A0001')!;
      expect(after).toMatchObject({ name: '张三丰', unitId: w.units.team2 });
      // The moved employee now reads workshop 2's team, not workshop 1's.
      const me = await http().get('/api/auth/me').set(bearer(w.e.team1)).expect(200);
      expect(me.body.displayName).toBe('张三丰');
    });

    it('is for staff only, needs a file, and refuses what is not a spreadsheet', async () => {
      const file = await xlsx([['工号', '姓名', '单位']]);
      for (const token of [w.finance.token, w.e.office])
        await upload(token, file, 'e.xlsx', true).expect(403);
      await http().post('/api/openness/employees/import').expect(401);
      const none = await http()
        .post('/api/openness/employees/import')
        .set(bearer(w.staff))
        .expect(400);
      expect(none.body.code).toBe('OPENNESS_IMPORT_FILE_MISSING');
      const noUnit = await upload(
        w.staff,
        await xlsx([
          ['工号', '姓名'],
          ['Q1', '某'],
        ]),
        'e.xlsx',
        true,
      ).expect(200);
      expect(noUnit.body.problems).toEqual([
        expect.objectContaining({ row: null, code: 'MISSING_COLUMN', column: '单位' }),
      ]);
      const pdf = await upload(w.staff, Buffer.from('%PDF-1.4 not a sheet'), 'e.xlsx', true).expect(
        200,
      );
      expect(pdf.body.valid).toBe(false);
      expect(pdf.body.added).toEqual([]);
    });
  });

  describe('the board shows what was due and not published', () => {
    it('lists the missed plan lines of the reader’s units, by the fixed clock', async () => {
      const line = async (unitId: string, month: number, title: string) =>
        (
          await http()
            .post('/api/openness/plan')
            .set(bearer(w.staff))
            .send({
              year: 2026,
              month,
              unitId,
              category: 'attendance_overtime',
              title,
              departmentId: w.finance.departmentId,
            })
            .expect(201)
        ).body.id as string;
      const companyOct = await line(w.units.company, 10, '10月公司加班费');
      const companyOctDone = await line(w.units.company, 10, '10月公司车辆费');
      const companyNov = await line(w.units.company, 11, '11月公司办公费');
      const ws1Oct = await line(w.units.ws1, 10, '10月一车间夜班费');
      const ws2Oct = await line(w.units.ws2, 10, '10月二车间夜班费');
      setClock(t, new Date('2026-10-30T02:00:00Z'));
      try {
        await published(w, w.finance, w.units.company, '10月公司车辆费', {
          timing: 'periodic',
          planEntryId: companyOctDone,
          eventOn: undefined,
          withinDays: undefined,
        });
      } finally {
        setClock(t, NOW);
      }
      const ids = (body: { planEntryId: string }[]) => body.map((l) => l.planEntryId).sort();

      // 2026-11-20: October is over.
      const pub = await http().get('/api/public/openness/due').expect(200);
      expect(ids(pub.body)).toEqual([companyOct]);
      expect(pub.body[0]).toEqual({
        planEntryId: companyOct,
        year: 2026,
        month: 10,
        dueOn: '2026-10-31',
        title: '10月公司加班费',
        categoryLabel: '考勤、加班、夜班',
        unitName: '某某机械有限公司',
        levelLabel: '公司',
        departmentName: '财务部',
      });
      // The office employee: the company's line only; workshop 2's employee: theirs and the company's.
      const office = await http()
        .get('/api/openness/board/due')
        .set(bearer(w.e.office))
        .expect(200);
      expect(ids(office.body)).toEqual([companyOct]);
      const ws2 = await http().get('/api/openness/board/due').set(bearer(w.e.team2)).expect(200);
      expect(ids(ws2.body)).toEqual([companyOct, ws2Oct].sort());
      expect(ids(ws2.body)).not.toContain(ws1Oct);

      // 2026-12-01 00:00 in Shanghai: November's line joins them.
      setClock(t, new Date('2026-11-30T16:00:00Z'));
      try {
        const dec = await http().get('/api/public/openness/due').expect(200);
        expect(ids(dec.body)).toEqual([companyOct, companyNov].sort());
      } finally {
        setClock(t, NOW);
      }
      await http().get('/api/openness/board/due').set(bearer(w.staff)).expect(403);
      await http().get('/api/openness/board/due').expect(401);
    });
  });
});
