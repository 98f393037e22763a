import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { marks } from '../libs/ballot/src/index.js';
import { bearer, userWithRole } from './utils/actors.js';
import { type ApiProcess, freePort, startApiProcess } from './utils/api-process.js';
import { castSecret } from './utils/ballots.js';
import { waitFor } from './utils/events.js';
import { liveSession } from './utils/live-session.js';
import { startCeremony, tellerAccounts, type TellerDevice } from './utils/tellers.js';
import { createTestDatabase, dropTestDatabase, type TabletSocket } from './utils/test-app.js';
import { databaseUrl } from './setup/test-database.js';

const CLI = new URL('../dist/apps/teller/src/teller.js', import.meta.url);
const PASSPHRASE = 'correct horse battery staple';

const connected = (s: TabletSocket) =>
  new Promise<void>((r) => (s.connected ? r() : s.once('connect', () => r())));

/** `npm run teller -- …` as the built command, a child process of its own. */
function teller(args: string[], cwd: string): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [CLI.pathname, ...args], {
    cwd,
    env: {
      ...process.env,
      TELLER_PASSWORD: 'second-pass-123',
      TELLER_PASSPHRASE: PASSPHRASE,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  return { child, output: () => out };
}

async function exitCode(p: ReturnType<typeof teller>): Promise<number> {
  if (p.child.exitCode === null) await once(p.child, 'exit');
  return p.child.exitCode!;
}

describe('npm run teller: three laptops run the ceremony and answer a close against a running api', () => {
  let database: string;
  let api: ApiProcess;
  let dir: string;
  const tablets: TabletSocket[] = [];

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error('dist/ is missing: run `npm run build`');
    database = await createTestDatabase();
    api = await startApiProcess(databaseUrl(database), await freePort());
    dir = mkdtempSync(join(tmpdir(), 'tellers-'));
  });
  afterAll(async () => {
    tablets.forEach((s) => s.disconnect());
    await api?.kill('SIGTERM');
    await dropTestDatabase(database);
    rmSync(dir, { recursive: true, force: true });
  });

  it('makes the key with three CLI processes, then two of them decide a secret poll', async () => {
    const staff = await userWithRole(api, 'staff');
    const live = await liveSession(api, staff, 4, 4, [{ kind: 'approve', title: '无记名事项' }]);
    const tellers: TellerDevice[] = await tellerAccounts(api, 3);
    const { id } = await startCeremony(api, staff, live.sessionId, tellers);
    const files = (i: number) => [
      ...['--share', `share-${i}.json`, '--sheet', `sheet-${i}.txt`],
      ...['--state', `state-${i}.json`],
    ];
    const base = (i: number) => ['--api', api.url, '--user', `teller${i}`, ...files(i)];
    const ceremony = (i: number) => teller(['ceremony', ...base(i), '--timeout', '120'], dir);
    const view = async () =>
      (await api.http().get(`/api/ceremonies/${id}`).set(bearer(staff)).expect(200)).body;

    // Tellers 1 and 2 send round 1 and wait for teller 3; teller 1's laptop then dies mid-way.
    const first = ceremony(1);
    const second = ceremony(2);
    await waitFor(async () => (await view()).received.round1 === 2, 60_000, 'round 1 of 1 and 2');
    first.child.kill('SIGKILL');
    await exitCode(first);
    expect(JSON.parse(readFileSync(join(dir, 'state-1.json'), 'utf8'))).toMatchObject({
      kind: 'round-state',
      index: 1,
    });
    // Run again, it resumes from its sealed round state (nothing sent twice); teller 3 joins.
    const runs = [ceremony(1), second, ceremony(3)];
    const codes = await Promise.all(runs.map(exitCode));
    expect({ codes, out: codes.some((c) => c !== 0) ? runs.map((r) => r.output()) : [] }).toEqual({
      codes: [0, 0, 0],
      out: [],
    });
    const pub = await api.http().get(`/api/public/sessions/${live.sessionId}/ceremony`);
    expect(pub.body).toMatchObject({ id, status: 'ready' });
    expect(runs[0]!.output()).toContain('从中断处继续');
    expect((await view()).received).toEqual({ round1: 3, round2: 3, complaint: 0, ack: 3 });
    for (const [i, r] of runs.entries()) {
      expect(r.output()).toContain(`密钥短指纹：${pub.body.shortFingerprint}`);
      // Over: the round state is deleted.
      expect(existsSync(join(dir, `state-${i + 1}.json`))).toBe(false);
      // The share is sealed (no secret scalar in the clear), the sheet has its lines and a QR.
      const sealed = JSON.parse(readFileSync(join(dir, `share-${i + 1}.json`), 'utf8'));
      expect(sealed).not.toHaveProperty('secret');
      const sheet = readFileSync(join(dir, `sheet-${i + 1}.txt`), 'utf8');
      expect(sheet).toContain(`监票人编号：${i + 1}`);
      expect(existsSync(join(dir, `sheet-${i + 1}.txt.png`))).toBe(true);
    }

    // A secret poll under that key: 3 for, 1 against.
    for (const d of live.roster.delegates) {
      const s = api.socket(live.tokens.get(d.id)!);
      await connected(s);
      tablets.push(s);
    }
    const poll = await api
      .http()
      .post('/api/polls')
      .set(bearer(staff))
      .send({ itemId: live.items['无记名事项'] })
      .expect(201);
    const pollId = poll.body.id as string;
    // Teller 1 watches: it follows the board page by page while the delegates vote.
    const watch = teller(['watch', ...base(1), '--poll', pollId, '--interval', '300'], dir);
    for (const [i, s] of tablets.entries())
      await castSecret(s, live.sessionId, pollId, [marks(3, i < 3 ? 0 : 1)]);
    await waitFor(
      async () => watch.output().includes('共已逐张核验 4 张（板上 4 张'),
      60_000,
      'the watch following the board',
    );
    // The api restarts under the watch (an update, a crash; for a laptop, like the Wi-Fi going):
    // the watch says so and keeps trying instead of ending, which would leave the close one
    // teller short. It once ended on the first `fetch failed`.
    const port = Number(new URL(api.url).port);
    await api.kill('SIGTERM');
    await waitFor(async () => watch.output().includes('连接中断'), 60_000, 'the watch noticing');
    expect(watch.child.exitCode).toBeNull();
    api = await startApiProcess(databaseUrl(database), port);
    await api.http().post(`/api/polls/${pollId}/close`).set(bearer(staff)).expect(200);

    // Teller 1 answers by comparing sums (nothing left to verify at the close); teller 2's wrong
    // passphrase opens nothing and sends nothing.
    expect(await exitCode(watch)).toBe(0);
    expect(watch.output()).toContain('结束时只比对合计，补验 0 张；计入 4 张');
    const wrong = spawn(process.execPath, [CLI.pathname, 'decrypt', ...base(2)], {
      cwd: dir,
      env: {
        ...process.env,
        TELLER_PASSWORD: 'second-pass-123',
        TELLER_PASSPHRASE: 'not the one!',
      },
      stdio: 'ignore',
    });
    if (wrong.exitCode === null) await once(wrong, 'exit');
    expect(wrong.exitCode).toBe(1);
    const after = await api.http().get(`/api/polls/${pollId}/decryption`).set(bearer(staff));
    expect(after.body).toMatchObject({ waiting: true, missing: [2, 3] });

    const third = teller(['decrypt', ...base(3), '--poll', pollId], dir);
    expect(await exitCode(third)).toBe(0);
    expect(third.output()).toContain('已为「无记名事项」提交部分解密');
    const polls = await api.http().get(`/api/sessions/${live.sessionId}/polls`).set(bearer(staff));
    const result = polls.body.find((p: { id: string }) => p.id === pollId).result;
    expect(result).toMatchObject({ keyMode: 'tellers', counts: [[3, 1, 0]] });
    const record = await api.http().get(`/api/public/polls/${pollId}/record`).expect(200);
    expect(record.body.decryptions.map((d: { trustee: number }) => d.trustee)).toEqual([1, 3]);
  }, 300_000);
});
