import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { lyingAboutSizes, xlsxWithLongCell, xlsxWithRows } from './fixtures/roster/zip-bomb.js';
import { bearer, userWithRole } from './utils/actors.js';
import { type ApiProcess, freePort, startApiProcess } from './utils/api-process.js';
import { databaseUrl } from './setup/test-database.js';
import { createTestDatabase, dropTestDatabase } from './utils/test-app.js';

const good = readFileSync(new URL('./fixtures/roster/roster-good.xlsx', import.meta.url));

/**
 * The built api as its own process (so the parse runs on its worker thread, as in production):
 * a hostile spreadsheet is refused with a 413, and the server keeps answering meanwhile.
 */
describe('a zip-bomb roster upload', () => {
  let database: string;
  let api: ApiProcess;
  let staff: string;
  let termId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startApiProcess(databaseUrl(database), await freePort());
    staff = await userWithRole(api, 'staff');
    const term = await api
      .http()
      .post('/api/terms')
      .set(bearer(staff))
      .send({ name: '第六届职工代表大会', startsOn: '2026-01-01', endsOn: '2030-12-31' })
      .expect(201);
    termId = term.body.id;
  });
  afterAll(async () => {
    await api?.kill('SIGTERM');
    await dropTestDatabase(database);
  });

  const upload = (file: Buffer) =>
    api
      .http()
      .post(`/api/terms/${termId}/roster/import?dryRun=true`)
      .set(bearer(staff))
      .attach('file', file, '代表名单.xlsx');

  it('is refused with 413 and a Chinese reason, while /health keeps answering', async () => {
    // The directory claims 1 KB per entry: only inflating (on the worker) finds the 48 MB.
    const bomb = lyingAboutSizes(xlsxWithLongCell(good, 48));
    let answered = 0;
    let done = false;
    const refused = upload(bomb).then((res) => {
      done = true;
      return res;
    });
    // Health checks one after the other for as long as the upload is being parsed.
    while (!done) {
      const health = await api.http().get('/health');
      if (!done) {
        expect(health.status).toBe(200);
        answered += 1;
      }
    }
    const res = await refused;
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'ROSTER_IMPORT_TOO_LARGE' });
    expect(res.body.details.problems[0].message).toContain('解压后超过 40 MB');
    expect(answered).toBeGreaterThan(0);
  });

  it('refuses an honest bomb from its declared sizes, and a sheet of too many rows', async () => {
    const honest = await upload(xlsxWithLongCell(good, 48));
    expect(honest.status).toBe(413);
    const rows = await upload(xlsxWithRows(good, 30_000)).expect(200);
    expect(rows.body).toMatchObject({ valid: false });
    expect(rows.body.problems.map((p: { code: string }) => p.code)).toEqual(['TOO_MANY_ROWS']);
  });

  it('still imports a real roster through the worker', async () => {
    const res = await upload(good).expect(200);
    expect(res.body.problems.map((p: { code: string }) => p.code)).not.toContain('UNREADABLE_FILE');
    expect(res.body.rows).toBe(8);
  });
});
