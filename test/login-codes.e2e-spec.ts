import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import argon2 from 'argon2';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { Clock } from '../apps/api/src/common/clock.js';
import { bearer, createRoster, type RosterFixture, userWithRole } from './utils/actors.js';
import { binary, createTestApp, type TestApp } from './utils/test-app.js';

/** Sheets are printed when the agenda is circulated: 2026-11-28 10:00 in Beijing. */
const PRINTED = new Date('2026-11-28T02:00:00Z');

describe('log-in code batches: printed for a session, rendered once, re-issued knowingly', () => {
  let t: TestApp;
  let staff: string;
  let clock: Clock;
  let roster: RosterFixture;
  let sessionId: string;

  beforeAll(async () => {
    t = await createTestApp();
    clock = t.app.get(Clock);
    staff = await userWithRole(t, 'staff');
    roster = await createRoster(t, staff, 8);
    const session = await t
      .http()
      .post(`/api/terms/${roster.termId}/sessions`)
      .set(bearer(staff))
      .send({ name: '第五届职代会第二次会议', startsAt: '2026-12-05 09:00', place: '礼堂' })
      .expect(201);
    sessionId = session.body.id;
  });
  afterEach(() => clock.fix(null));
  afterAll(() => t.close());

  const issue = (body: object, query = '') =>
    t.http().post(`/api/terms/${roster.termId}/login-codes${query}`).set(bearer(staff)).send(body);
  const codeLogin = (username: string, code: string) =>
    t.http().post('/api/auth/code-login').send({ username, code });
  const ids = (from: number, to: number) => roster.delegates.slice(from, to).map((d) => d.id);

  it('lasts, by default, to the end of the day of the session it is printed for', async () => {
    clock.fix(PRINTED);
    const res = await issue({ delegateIds: ids(0, 2), format: 'json', sessionId }).expect(200);
    expect(res.body).toMatchObject({
      sessionId,
      sessionName: '第五届职代会第二次会议',
      expiresAt: '2026-12-05T15:59:59.999Z', // 2026-12-05 23:59:59 in Beijing
      expiryBasis: 'session',
      revokedCodes: 0,
    });
    const [first, second] = res.body.entries as { username: string; code: string }[];
    clock.fix(new Date('2026-12-05T12:00:00Z')); // 20:00 on the day: still works
    expect((await codeLogin(first!.username, first!.code)).status).toBe(200);
    clock.fix(new Date('2026-12-05T16:01:00Z')); // 00:01 the next day: expired
    expect((await codeLogin(second!.username, second!.code)).status).toBe(401);
  });

  it("without a session named, is for the term's next session, and says so", async () => {
    clock.fix(PRINTED);
    const res = await issue({ delegateIds: ids(2, 3), format: 'json' }).expect(200);
    expect(res.body).toMatchObject({
      sessionId,
      expiresAt: '2026-12-05T15:59:59.999Z',
      expiryBasis: 'session',
    });
  });

  it('gives the PDF to print and the XLSX to keep from ONE issue, in a ZIP', async () => {
    clock.fix(PRINTED);
    const res = await issue({ delegateIds: ids(3, 6), sessionId, formats: ['pdf', 'xlsx', 'json'] })
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toContain('login-codes-2026-11-28.zip');
    const batchId = res.headers['x-login-code-batch'];
    expect(res.headers['x-codes-expire-at']).toBe('2026-12-05T15:59:59.999Z');
    const files = unzipSync(new Uint8Array(res.body as Buffer));
    expect(Object.keys(files).sort()).toEqual([
      'README.txt',
      'login-codes-2026-11-28.json',
      'login-codes-2026-11-28.pdf',
      'login-codes-2026-11-28.xlsx',
    ]);
    const readme = strFromU8(files['README.txt']!);
    expect(readme).toContain('有效期至：2026-12-05 23:59');
    expect(readme).toContain('无法再次生成');
    expect(Buffer.from(files['login-codes-2026-11-28.pdf']!).subarray(0, 5).toString()).toBe(
      '%PDF-',
    );
    // The spreadsheet holds the same codes as the JSON: one batch, several renderings.
    const json = JSON.parse(strFromU8(files['login-codes-2026-11-28.json']!));
    expect(json.batchId).toBe(batchId);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      Buffer.from(files['login-codes-2026-11-28.xlsx']!) as unknown as ArrayBuffer,
    );
    const cells = JSON.stringify(book.worksheets[0]!.getSheetValues());
    const entries = json.entries as { username: string; code: string }[];
    expect(entries).toHaveLength(3);
    for (const e of entries) expect(cells).toContain(e.code);
    // And a code read off the kept spreadsheet logs in.
    expect((await codeLogin(entries[0]!.username, entries[0]!.code)).status).toBe(200);

    const batches = await t
      .http()
      .get(`/api/terms/${roster.termId}/login-code-batches`)
      .set(bearer(staff))
      .expect(200);
    expect(batches.body[0]).toMatchObject({
      id: batchId,
      sessionId,
      formats: ['pdf', 'xlsx', 'json'],
      codes: 3,
      used: 1,
      live: 2,
      revoked: 0,
      expired: 0,
    });
    expect(JSON.stringify(batches.body)).not.toContain(entries[1]!.code);
  });

  it('counts the printed codes a re-issue would revoke before, and refuses to revoke them silently', async () => {
    clock.fix(PRINTED);
    const printed = await issue({ delegateIds: ids(6, 8), sessionId, format: 'json' }).expect(200);
    const entries = printed.body.entries as {
      delegateId: string;
      username: string;
      code: string;
    }[];
    const kept = entries.find((e) => e.delegateId === roster.delegates[6]!.id);
    const lost = entries.find((e) => e.delegateId === roster.delegates[7]!.id);

    const dry = await issue({ sessionId, format: 'xlsx' }, '?dryRun=true').expect(200);
    // Every serving delegate: live codes are those of the earlier batches not yet used or expired.
    expect(dry.body).toMatchObject({ dryRun: true, codes: 8, sessionId, expiryBasis: 'session' });
    // 1 of the first batch (its expiry was tried on a later clock), 1 for the next session,
    // 2 of the ZIP, 2 just printed.
    expect(dry.body.revokes).toBe(6);
    expect(
      dry.body.revokesByBatch.find((b: { batchId: string }) => b.batchId === printed.body.batchId),
    ).toMatchObject({ codes: 2 });

    const refused = await issue({ sessionId, format: 'xlsx' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'ROSTER_LIVE_CODES_WOULD_BE_REVOKED',
      details: { revokes: 6 },
    });
    // Nothing happened: the printed codes still work.
    expect((await codeLogin(kept!.username, kept!.code)).status).toBe(200);

    // Re-issue for one delegate who lost the card: one printed code revoked, and it says so.
    const one = await issue({
      delegateIds: ids(7, 8),
      sessionId,
      format: 'json',
      replaceLiveCodes: true,
    }).expect(200);
    expect(one.body.revokedCodes).toBe(1);
    expect((await codeLogin(lost!.username, lost!.code)).status).toBe(401);
    expect((await codeLogin(lost!.username, one.body.entries[0].code)).status).toBe(200);
  });

  it('refuses a session that is over, one of another term, and two ways of naming formats', async () => {
    clock.fix(new Date('2026-12-06T02:00:00Z'));
    const over = await issue({ delegateIds: ids(0, 1), sessionId, format: 'json' });
    expect(over.status).toBe(400);
    expect(over.body.code).toBe('ROSTER_SESSION_OVER');
    clock.fix(PRINTED);
    const other = await createRoster(t, staff, 1);
    const foreign = await t
      .http()
      .post(`/api/terms/${other.termId}/login-codes`)
      .set(bearer(staff))
      .send({ sessionId, format: 'json' });
    expect(foreign.status).toBe(404);
    const both = await issue({ format: 'pdf', formats: ['xlsx'] });
    expect(both.body.code).toBe('ROSTER_LOGIN_CODE_FORMATS');
    const bad = await issue({ formats: ['docx'] });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('formats');
  });

  it('checks one hash whether the user is unknown, holds no code or holds a live one (same work)', async () => {
    await issue({ delegateIds: ids(7, 8), format: 'json', replaceLiveCodes: true }).expect(200);
    const verify = jest.spyOn(argon2, 'verify');
    try {
      for (const username of ['nobody-here', 'staff', roster.delegates[7]!.username]) {
        verify.mockClear();
        const res = await codeLogin(username, 'AAAA-AAAA');
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('AUTH_INVALID_CREDENTIALS');
        expect(verify).toHaveBeenCalledTimes(1);
      }
    } finally {
      verify.mockRestore();
    }
  });
});
