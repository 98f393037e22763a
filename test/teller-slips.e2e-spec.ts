import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readSlip, slipBatchDigest, slipText } from '../libs/ballot/src/index.js';
import { bearer, userWithRole } from './utils/actors.js';
import { type ApiProcess, freePort, startApiProcess } from './utils/api-process.js';
import { preparedSession } from './utils/live-session.js';
import { pdfQrTexts, printedSlips } from './utils/slip-sheet.js';
import { runCeremony, tellerAccounts, type TellerDevice } from './utils/tellers.js';
import { createTestDatabase, dropTestDatabase } from './utils/test-app.js';
import { databaseUrl } from './setup/test-database.js';

const CLI = new URL('../dist/apps/teller/src/teller.js', import.meta.url);

/** `npm run teller -- slips …` as the built command, a child process; its exit code and output. */
async function slips(
  api: ApiProcess,
  user: string,
  args: string[],
  cwd: string,
): Promise<{ code: number; out: string }> {
  const child: ChildProcess = spawn(
    process.execPath,
    [CLI.pathname, 'slips', '--api', api.url, '--user', user, ...args],
    {
      cwd,
      env: { ...process.env, TELLER_PASSWORD: 'second-pass-123' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  if (child.exitCode === null) await once(child, 'exit');
  return { code: child.exitCode!, out };
}

interface SlipBatchesView {
  tellers: number;
  batches: { teller: number; count: number; digest: string; uploadedAt: string }[];
  complete: boolean;
}

describe('npm run teller -- slips: each teller prints a box of slips and uploads its public keys', () => {
  let database: string;
  let api: ApiProcess;
  let dir: string;
  let staff: string;
  let sessionId: string;
  const batches = async (): Promise<SlipBatchesView> =>
    (await api.http().get(`/api/sessions/${sessionId}/slip-batches`).set(bearer(staff)).expect(200))
      .body;

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error('dist/ is missing: run `npm run build`');
    database = await createTestDatabase();
    api = await startApiProcess(databaseUrl(database), await freePort());
    dir = mkdtempSync(join(tmpdir(), 'slips-'));
    staff = await userWithRole(api, 'staff');
    // 6 serving delegates; tellers 1 and 2 are secretaries, teller 3 a supervisor (who may not
    // read the session's attendance summary, so the command cannot know the count by itself).
    sessionId = (await preparedSession(api, staff, 6, [])).sessionId;
    const tellers: TellerDevice[] = await tellerAccounts(api, 2);
    const token = await userWithRole(api, 'supervisor', 'teller3');
    const me = await api.http().get('/api/auth/me').set(bearer(token)).expect(200);
    tellers.push({ token, userId: me.body.id as string, index: 3 });
    await runCeremony(api, staff, sessionId, tellers);
  });
  afterAll(async () => {
    await api?.kill('SIGTERM');
    await dropTestDatabase(database);
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the PDF, uploads the batch, and the slips read back from it are the uploaded keys', async () => {
    const run = await slips(api, 'teller1', [], dir);
    expect(run).toMatchObject({ code: 0 });
    // 6 serving delegates + spares (10 %, at least 5).
    const digest = /已上传 11 张投票凭证，批次摘要 ([0-9a-f]{16})/.exec(run.out)?.[1];
    expect(digest).toBeDefined();
    expect(run.out).toContain(join(dir, 'teller-slips.pdf'));
    // The PDF and nothing else: no key file, no state file, no temporary file left.
    expect(readdirSync(dir)).toEqual(['teller-slips.pdf']);

    const pdf = readFileSync(join(dir, 'teller-slips.pdf'));
    const printed = await printedSlips(pdf);
    expect(printed.map((p) => p.serial)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    const slipsRead = printed.map((p) => readSlip(p.typed));
    expect(slipsRead.every((s) => s.sessionId === sessionId && s.teller === 1)).toBe(true);
    // Each QR code is the slip printed beside it.
    expect(await pdfQrTexts(pdf)).toEqual(slipsRead.map(slipText));
    // The secrets were never on the console.
    for (const s of slipsRead) expect(run.out).not.toContain(slipText(s).split(':')[4]);

    // The api holds this batch: its digest is that of the printed slips' public keys, sorted.
    const publicKeys = slipsRead.map((s) => s.publicKey).sort();
    const full = slipBatchDigest({ sessionId, teller: 1, publicKeys });
    expect(full.slice(0, 16)).toBe(digest);
    expect(await batches()).toMatchObject({
      tellers: 3,
      batches: [{ teller: 1, count: 11, digest: full }],
      complete: false,
    });
  });

  it('refuses a second batch and an existing file, leaving no PDF', async () => {
    const again = await slips(api, 'teller1', ['--out', 'again.pdf'], dir);
    expect(again.code).toBe(1);
    expect(again.out).toContain('已上传过');
    expect(existsSync(join(dir, 'again.pdf'))).toBe(false);

    const before = readFileSync(join(dir, 'teller-slips.pdf'));
    const over = await slips(api, 'teller2', [], dir);
    expect(over.code).toBe(1);
    expect(over.out).toContain('已存在，不覆盖');
    expect(readFileSync(join(dir, 'teller-slips.pdf')).equals(before)).toBe(true);
    expect((await batches()).batches.map((b) => b.teller)).toEqual([1]);
  });

  it('deletes the PDF when the upload is refused (fewer slips than serving delegates)', async () => {
    const few = await slips(api, 'teller2', ['--count', '3', '--out', 'few.pdf'], dir);
    expect(few.code).toBe(1);
    expect(few.out).toContain('上传失败，已删除');
    expect(readdirSync(dir).sort()).toEqual(['teller-slips.pdf']);
    expect((await batches()).batches.map((b) => b.teller)).toEqual([1]);

    const two = await slips(api, 'teller2', ['--count', '7', '--out', 'slips-2.pdf'], dir);
    expect(two).toMatchObject({ code: 0 });
    expect(two.out).toContain('已上传 7 张投票凭证');
  });

  it('asks for --count when the account may not read the serving delegates, then completes the set', async () => {
    const ask = await slips(api, 'teller3', ['--out', 'slips-3.pdf'], dir);
    expect(ask.code).toBe(1);
    expect(ask.out).toContain('请用 --count 指定张数');
    expect(existsSync(join(dir, 'slips-3.pdf'))).toBe(false);

    const three = await slips(api, 'teller3', ['--count', '6', '--out', 'slips-3.pdf'], dir);
    expect(three).toMatchObject({ code: 0 });
    expect((await printedSlips(readFileSync(join(dir, 'slips-3.pdf')))).length).toBe(6);
    const view = await batches();
    expect(view.batches.map((b) => [b.teller, b.count])).toEqual([
      [1, 11],
      [2, 7],
      [3, 6],
    ]);
    expect(view.complete).toBe(true);
  });
});
