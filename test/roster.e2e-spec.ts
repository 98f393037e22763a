import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { reachableUrls } from '../apps/api/src/common/addresses.js';
import { Clock } from '../apps/api/src/common/clock.js';
import {
  bearer,
  createRoster,
  delegateTokens,
  departmentUser,
  type RosterFixture,
  userWithRole,
} from './utils/actors.js';
import { binary, connected, createTestApp, type TestApp } from './utils/test-app.js';

describe('roster: groups, delegates, log-in codes, recall and by-election', () => {
  let t: TestApp;
  let staff: string;
  let roster: RosterFixture;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await userWithRole(t, 'staff');
    roster = await createRoster(t, staff, 6);
  });
  afterAll(() => t.close());

  const issueJson = (delegateIds?: string[]) =>
    t
      .http()
      .post(`/api/terms/${roster.termId}/login-codes`)
      .set(bearer(staff))
      .send({ delegateIds, format: 'json' });

  it('refuses a second group of the same name in a term', async () => {
    const res = await t
      .http()
      .post(`/api/terms/${roster.termId}/groups`)
      .set(bearer(staff))
      .send({ name: '第一代表团' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ROSTER_GROUP_NAME_TAKEN');
  });

  it('names every missing field of a voting delegate, and refuses an attendee on the presidium', async () => {
    const res = await t
      .http()
      .post(`/api/terms/${roster.termId}/delegates`)
      .set(bearer(staff))
      .send({ name: '李四', employeeNumber: 'E9001', gender: 'male' });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual([
      'groupId',
      'category',
    ]);
    const attendee = await t
      .http()
      .post(`/api/terms/${roster.termId}/delegates`)
      .set(bearer(staff))
      .send({
        kind: 'attendee',
        name: '赵六',
        employeeNumber: 'A9001',
        gender: 'female',
        presidium: true,
      });
    expect(attendee.body.details[0].field).toBe('presidium');
    const bad = await t
      .http()
      .post(`/api/terms/${roster.termId}/delegates`)
      .set(bearer(staff))
      .send({ name: '', employeeNumber: 'has space', gender: 'x', category: 'boss' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'category',
      'employeeNumber',
      'gender',
      'name',
    ]);
  });

  it('refuses a duplicate employee number in the term, whatever its case', async () => {
    const res = await t
      .http()
      .post(`/api/terms/${roster.termId}/delegates`)
      .set(bearer(staff))
      .send({
        name: '重复',
        employeeNumber: 'e1000',
        gender: 'male',
        groupId: roster.groupIds[0],
        category: 'manager',
      });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ROSTER_EMPLOYEE_NUMBER_TAKEN');
  });

  it('sets a group head only from the serving delegates of that group', async () => {
    const [g1] = roster.groupIds;
    const inGroup = roster.delegates[0]!.id; // delegates alternate groups: index 0 is in group 1
    const other = roster.delegates[1]!.id;
    expect(
      (await t.http().patch(`/api/groups/${g1}`).set(bearer(staff)).send({ headDelegateId: other }))
        .body.code,
    ).toBe('ROSTER_HEAD_NOT_IN_GROUP');
    const ok = await t
      .http()
      .patch(`/api/groups/${g1}`)
      .set(bearer(staff))
      .send({ headDelegateId: inGroup })
      .expect(200);
    expect(ok.body).toMatchObject({ headDelegateId: inGroup, servingDelegates: 3 });
  });

  it('logs a delegate in with a one-time code exactly once', async () => {
    const d = roster.delegates[2]!;
    const issued = await issueJson([d.id]).expect(200);
    const entry = issued.body.entries[0];
    expect(entry).toMatchObject({
      username: d.username,
      code: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/),
    });
    // The QR code's link opens the web app's tablet log-in page with both fields filled in.
    const link = new URL(entry.loginUrl);
    expect(link.pathname).toBe('/t/login');
    expect(Object.fromEntries(link.searchParams)).toEqual({ u: d.username, code: entry.code });
    const first = await t
      .http()
      .post('/api/auth/code-login')
      .send({ username: d.username, code: entry.code.toLowerCase() });
    expect(first.status).toBe(200);
    expect(first.body.user.role).toBe('delegate');
    const again = await t
      .http()
      .post('/api/auth/code-login')
      .send({ username: d.username, code: entry.code });
    expect(again.status).toBe(401);
    const stored = await t.sql<{ code_hash: string }>(`SELECT code_hash FROM login_codes`);
    expect(
      stored.every(
        (r) => r.code_hash.startsWith('$argon2id$') && !r.code_hash.includes(entry.code),
      ),
    ).toBe(true);
  });

  it("never puts the request's Host header into a sheet", async () => {
    const d = roster.delegates[3]!;
    const issued = await issueJson([d.id]).set('host', 'evil.example:666').expect(200);
    const link = new URL(issued.body.entries[0].loginUrl);
    expect(link.host).not.toContain('evil.example');
    expect(link.origin).toBe(reachableUrls(t.config)[0]);
    // Use the code up, so the later tests find this seat without a live code.
    await t
      .http()
      .post('/api/auth/code-login')
      .send({ username: d.username, code: issued.body.entries[0].code })
      .expect(200);
  });

  it('prints the codes as a PDF sheet with an embedded CJK font, or as XLSX', async () => {
    const ids = roster.delegates.slice(0, 3).map((d) => d.id);
    const pdf = await t
      .http()
      .post(`/api/terms/${roster.termId}/login-codes`)
      .set(bearer(staff))
      .send({ delegateIds: ids })
      .buffer(true)
      .parse(binary);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['cache-control']).toBe('no-store');
    expect(pdf.headers['x-revoked-codes']).toBe('0');
    const bytes = pdf.body as Buffer;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.includes('/FontFile2')).toBe(true);

    const xlsx = await t
      .http()
      .post(`/api/terms/${roster.termId}/login-codes`)
      .set(bearer(staff))
      // A second issue for the same delegates replaces the codes just printed, and says so.
      .send({ delegateIds: ids, format: 'xlsx', replaceLiveCodes: true })
      .buffer(true)
      .parse(binary);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['x-revoked-codes']).toBe('3');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(1 + ids.length);
    const cells = JSON.stringify(sheet.getSheetValues());
    expect(cells).toContain('代表1');
    expect(cells).toMatch(/[0-9A-Z]{4}-[0-9A-Z]{4}/);
  });

  it('invalidates the old code when a new one is issued, and refuses an expired one', async () => {
    const d = roster.delegates[3]!;
    const old = (await issueJson([d.id]).expect(200)).body.entries[0].code;
    // The old code is live: a new issue must say it replaces it.
    expect((await issueJson([d.id])).body.code).toBe('ROSTER_LIVE_CODES_WOULD_BE_REVOKED');
    const reissued = await t
      .http()
      .post(`/api/terms/${roster.termId}/login-codes`)
      .set(bearer(staff))
      .send({ delegateIds: [d.id], format: 'json', replaceLiveCodes: true })
      .expect(200);
    expect(reissued.body.revokedCodes).toBe(1);
    const fresh = reissued.body.entries[0].code;
    expect(
      (await t.http().post('/api/auth/code-login').send({ username: d.username, code: old }))
        .status,
    ).toBe(401);

    // The term has no session: the codes fall back to 72 hours.
    expect(reissued.body.expiryBasis).toBe('hours');
    const clock = t.app.get(Clock);
    clock.fix(new Date(Date.now() + 73 * 3_600_000));
    try {
      expect(
        (await t.http().post('/api/auth/code-login').send({ username: d.username, code: fresh }))
          .status,
      ).toBe(401);
    } finally {
      clock.fix(null);
    }
    expect(
      (await t.http().post('/api/auth/code-login').send({ username: d.username, code: fresh }))
        .status,
    ).toBe(200);
  });

  it('lets a delegate who came in with a code set a password, then log in with it', async () => {
    const d = roster.delegates[4]!;
    const token = (await delegateTokens(t, staff, roster.termId, [d.id])).get(d.id)!;
    await t
      .http()
      .post('/api/auth/password')
      .set(bearer(token))
      .send({ newPassword: 'my-tablet-pass' })
      .expect(200);
    expect(
      (
        await t
          .http()
          .post('/api/auth/login')
          .send({ username: d.username, password: 'my-tablet-pass' })
      ).status,
    ).toBe(200);
    // Once a password exists, changing it needs the current one.
    const again = await t
      .http()
      .post('/api/auth/password')
      .set(bearer(token))
      .send({ newPassword: 'another-pass-1' });
    expect(again.body.code).toBe('AUTH_WRONG_PASSWORD');
  });

  it('shows a delegate their own seat and nothing of the others', async () => {
    const d = roster.delegates[5]!;
    const token = (await delegateTokens(t, staff, roster.termId, [d.id])).get(d.id)!;
    const mine = await t.http().get('/api/delegates/me').set(bearer(token)).expect(200);
    expect(mine.body.map((x: { id: string }) => x.id)).toEqual([d.id]);
    expect(
      (await t.http().get(`/api/terms/${roster.termId}/delegates`).set(bearer(token))).status,
    ).toBe(403);
    expect(
      (await t.http().get(`/api/delegates/${roster.delegates[0]!.id}`).set(bearer(token))).status,
    ).toBe(403);
  });

  it('gives each role its own view: secretaries read, departments and delegates do not', async () => {
    const secretary = await userWithRole(t, 'secretary');
    const dept = await departmentUser(t, staff, '人力资源部', 'hr.user');
    const list = `/api/terms/${roster.termId}/delegates`;
    expect((await t.http().get(list).set(bearer(secretary))).status).toBe(200);
    expect((await t.http().get(list).set(bearer(dept.token))).status).toBe(403);
    expect(
      (
        await t
          .http()
          .post(`/api/terms/${roster.termId}/groups`)
          .set(bearer(secretary))
          .send({ name: 'x' })
      ).status,
    ).toBe(403);
    expect(
      (
        await t
          .http()
          .post(`/api/terms/${roster.termId}/login-codes`)
          .set(bearer(secretary))
          .send({})
      ).status,
    ).toBe(403);
    expect((await t.http().get(list)).status).toBe(401);
  });

  it('recalls a delegate: the open socket closes, log-in ends, history is kept, serving count drops', async () => {
    const d = roster.delegates[1]!;
    const token = (await delegateTokens(t, staff, roster.termId, [d.id])).get(d.id)!;
    const socket = t.socket(token);
    await connected(socket);
    const closed = new Promise<string>((resolve) =>
      socket.once('disconnect', (reason) => resolve(reason)),
    );

    const res = await t
      .http()
      .post(`/api/delegates/${d.id}/status`)
      .set(bearer(staff))
      .send({ status: 'recalled', reason: '经职代会表决罢免' })
      .expect(200);
    expect(res.body).toMatchObject({ status: 'recalled', statusLabel: '罢免' });
    expect(await closed).toBe('io server disconnect');
    expect((await t.http().get('/api/delegates/me').set(bearer(token))).status).toBe(401);
    const code = (await issueJson([d.id])).body;
    expect(code.code).toBe('ROSTER_NO_DELEGATES_SELECTED');

    const history = await t
      .http()
      .get(`/api/delegates/${d.id}/history`)
      .set(bearer(staff))
      .expect(200);
    expect(history.body.map((h: { toStatus: string }) => h.toStatus)).toEqual([
      'serving',
      'recalled',
    ]);
    const serving = await t
      .http()
      .get(`/api/terms/${roster.termId}/delegates?status=serving`)
      .set(bearer(staff));
    expect(serving.body).toHaveLength(5);
    const twice = await t
      .http()
      .post(`/api/delegates/${d.id}/status`)
      .set(bearer(staff))
      .send({ status: 'left', reason: 'x' });
    expect(twice.body.code).toBe('ROSTER_NOT_SERVING');
    await expect(t.sql(`UPDATE delegate_status_history SET reason = 'x'`)).rejects.toThrow(
      /append-only/,
    );
  });

  it('fills a seat by by-election: the holder becomes replaced and the new delegate serves', async () => {
    const old = roster.delegates[0]!;
    const res = await t
      .http()
      .post(`/api/terms/${roster.termId}/by-elections`)
      .set(bearer(staff))
      .send({
        replacesDelegateId: old.id,
        reason: '第一代表团补选',
        name: '新代表',
        employeeNumber: 'E2000',
        gender: 'female',
        groupId: roster.groupIds[0],
        category: 'technician',
      })
      .expect(201);
    expect(res.body).toMatchObject({
      status: 'serving',
      replacesDelegateId: old.id,
      username: null,
    });
    const previous = await t.http().get(`/api/delegates/${old.id}`).set(bearer(staff)).expect(200);
    expect(previous.body.status).toBe('replaced');
    const group = await t
      .http()
      .get(`/api/terms/${roster.termId}/groups`)
      .set(bearer(staff))
      .expect(200);
    // The replaced holder was the group head: the group has no head until staff name one.
    expect(
      group.body.find((g: { id: string }) => g.id === roster.groupIds[0]).headDelegateId,
    ).toBeNull();
  });
});
