import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GOOD_TABLE, toCsv } from './fixtures/roster/roster-fixtures.js';
import { bearer, delegateTokens, termWithGroups, userWithRole } from './utils/actors.js';
import { createTestApp, type TestApp } from './utils/test-app.js';

const GROUPS = ['第一代表团', '第二代表团', '机关代表团'];
const [HEADER, ...ROWS] = GOOD_TABLE as [string[], ...string[][]];
const col = (name: string) => HEADER.indexOf(name);
const byNumber = (no: string) => ROWS.find((r) => r[col('工号')] === no)!;

/**
 * The union's spreadsheet after some changes, re-exported by their HR system: 张伟 becomes a
 * manager and no longer heads his group, 王芳 moves to the second group, 刘洋 heads the second
 * group instead of 李娜, 孙丽 has left the company, 周新 is new; the 代表类别 column is called 类别.
 */
function updatedTable(): string[][] {
  const rows = ROWS.filter((r) => r[col('工号')] !== '10028').map((r) => [...r]);
  const set = (no: string, column: string, value: string) => {
    rows.find((r) => r[col('工号')] === no)![col(column)] = value;
  };
  set('10023', '代表类别', '管理人员');
  set('10023', '团长', '否');
  set('00123', '代表团', '第二代表团');
  set('A-0107', '团长', '否');
  set('10024', '团长', '是');
  const newcomer = [...byNumber('10026')];
  newcomer[col('姓名')] = '周新';
  newcomer[col('工号')] = '10029';
  newcomer[col('团长')] = '否';
  return [HEADER.map((h) => (h === '代表类别' ? '类别' : h)), ...rows, newcomer];
}

describe('importing an updated roster onto an existing one', () => {
  let t: TestApp;
  let staff: string;
  let termId: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await userWithRole(t, 'staff');
    termId = await termWithGroups(t, staff, GROUPS);
    await upload(toCsv(GOOD_TABLE), 'dryRun=false').expect(200);
  });
  afterAll(() => t.close());

  function upload(csv: string, query: string) {
    return t
      .http()
      .post(`/api/terms/${termId}/roster/import?${query}`)
      .set(bearer(staff))
      .attach('file', Buffer.from(csv, 'utf8'), 'roster.csv');
  }
  const roster = async () =>
    (await t.http().get(`/api/terms/${termId}/delegates`).set(bearer(staff)).expect(200)).body as {
      id: string;
      employeeNumber: string;
      status: string;
      category: string;
    }[];
  const seat = async (no: string) => (await roster()).find((d) => d.employeeNumber === no)!;
  const heads = async () =>
    Object.fromEntries(
      (
        (await t.http().get(`/api/terms/${termId}/groups`).set(bearer(staff))).body as {
          name: string;
          headDelegateId: string | null;
        }[]
      ).map((g) => [g.name, g.headDelegateId]),
    );

  it('shows the difference in the dry run, under the headers the file has, and changes nothing', async () => {
    const before = await roster();
    const dry = await upload(toCsv(updatedTable()), 'dryRun=true').expect(200);
    expect(dry.body).toMatchObject({
      dryRun: true,
      valid: true,
      absentAction: 'keep',
      imported: 0,
    });
    const { diff } = dry.body;
    expect(diff.added).toEqual([{ row: 9, employeeNumber: '10029', name: '周新' }]);
    expect(
      diff.changed.map((c: { employeeNumber: string; changes: object[] }) => [
        c.employeeNumber,
        c.changes,
      ]),
    ).toEqual([
      ['10023', [{ field: 'category', column: '类别', from: '一线职工', to: '管理人员' }]],
      ['00123', [{ field: 'groupName', column: '代表团', from: '第一代表团', to: '第二代表团' }]],
    ]);
    expect(diff.unchanged).toBe(5);
    expect(diff.absent).toEqual([
      expect.objectContaining({ employeeNumber: '10028', name: '孙丽', action: 'keep' }),
    ]);
    expect(diff.groupHeads).toEqual([
      { group: '第一代表团', from: { employeeNumber: '10023', name: '张伟' }, to: null },
      {
        group: '第二代表团',
        from: { employeeNumber: 'A-0107', name: '李娜' },
        to: { employeeNumber: '10024', name: '刘洋' },
      },
    ]);
    expect(await roster()).toEqual(before);

    // A problem is named by the file's own header: 类别, not 代表类别.
    const broken = updatedTable();
    broken[1]![col('代表类别')] = '干部';
    const bad = await upload(toCsv(broken), 'dryRun=true').expect(200);
    expect(bad.body.valid).toBe(false);
    expect(bad.body.problems).toEqual([
      expect.objectContaining({
        row: 2,
        column: '类别',
        field: 'category',
        code: 'UNKNOWN_CATEGORY',
        message: '第 2 行「类别」：未知的代表类别「干部」',
      }),
    ]);
  });

  it('applies it in one transaction: seats added, fields changed with history, the left-out marked as left on request', async () => {
    const sun = await seat('10028');
    const tokens = await delegateTokens(t, staff, termId, [sun.id]);
    const res = await upload(toCsv(updatedTable()), 'dryRun=false&absent=leave').expect(200);
    expect(res.body).toMatchObject({
      dryRun: false,
      valid: true,
      imported: 1,
      updated: 2,
      markedLeft: 1,
      absentAction: 'leave',
    });

    const zhang = await seat('10023');
    expect(zhang.category).toBe('manager');
    const changes = await t
      .http()
      .get(`/api/delegates/${zhang.id}/changes`)
      .set(bearer(staff))
      .expect(200);
    expect(changes.body).toEqual([
      expect.objectContaining({
        reason: '名册导入',
        recordedBy: expect.any(String),
        changes: [{ field: 'category', label: '代表类别', from: '一线职工', to: '管理人员' }],
      }),
    ]);

    // 孙丽 left: status history kept, her tablet log-in ended.
    expect((await seat('10028')).status).toBe('left');
    const history = await t
      .http()
      .get(`/api/delegates/${sun.id}/history`)
      .set(bearer(staff))
      .expect(200);
    expect(history.body.map((h: { toStatus: string; reason: string }) => h.toStatus)).toEqual([
      'serving',
      'left',
    ]);
    expect(history.body[1].reason).toContain('名册导入');
    expect(
      (
        await t
          .http()
          .get('/api/delegates/me')
          .set(bearer(tokens.get(sun.id)!))
      ).status,
    ).toBe(401);

    expect(await heads()).toMatchObject({
      第一代表团: null,
      第二代表团: (await seat('10024')).id,
    });
    expect((await seat('10029')).status).toBe('serving');
    await expect(t.sql(`UPDATE delegate_changes SET reason = 'x'`)).rejects.toThrow(/append-only/);

    // The same file once more: nothing left to do.
    const again = await upload(toCsv(updatedTable()), 'dryRun=true').expect(200);
    expect(again.body.diff).toMatchObject({
      added: [],
      changed: [],
      unchanged: 8,
      absent: [],
      groupHeads: [],
    });
  });

  it('leaves seats the file does not name alone unless asked, and names rows of seats that no longer serve', async () => {
    const without = updatedTable().filter((r) => r[col('工号')] !== '10029');
    const kept = await upload(toCsv(without), 'dryRun=false').expect(200);
    expect(kept.body).toMatchObject({ markedLeft: 0, absentAction: 'keep' });
    expect(kept.body.diff.absent).toEqual([
      expect.objectContaining({ employeeNumber: '10029', action: 'keep' }),
    ]);
    expect((await seat('10029')).status).toBe('serving');

    // 孙丽 back in the file: an import never seats her again (that is a by-election).
    const back = await upload(toCsv([...updatedTable(), byNumber('10028')]), 'dryRun=true');
    expect(back.body.diff.notServing).toEqual([
      expect.objectContaining({ employeeNumber: '10028', status: 'left', statusLabel: '离职' }),
    ]);
  });

  it("records staff's own corrections in the same change history", async () => {
    const wang = await seat('00123');
    await t
      .http()
      .patch(`/api/delegates/${wang.id}`)
      .set(bearer(staff))
      .send({ note: '调入第二代表团', phone: '13600136000' })
      .expect(200);
    const changes = await t.http().get(`/api/delegates/${wang.id}/changes`).set(bearer(staff));
    expect(changes.body.map((c: { reason: string }) => c.reason)).toEqual([
      '名册导入',
      '工作人员更正',
    ]);
    expect(changes.body[1].changes).toEqual([
      { field: 'phone', label: '手机', from: '（空）', to: '13600136000' },
      { field: 'note', label: '备注', from: '劳务派遣工', to: '调入第二代表团' },
    ]);
  });
});
