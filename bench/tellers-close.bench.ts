// The close of a secret poll with tellers at api level (issue 12): ONE api process on the embedded
// PostgreSQL, 3 tellers (threshold 2) each running `npm run teller`'s built command as its own
// process (as on their laptops), 2,000 tablets over socket.io. Times the key ceremony, then a
// poll whose ballots are cast over a window while tellers 1 and 3 follow the board (`watch`),
// and the close: close request → result on the tablets, with teller 2 absent.
//   npm run build && node dist/bench/tellers-close.bench.js   (TABLETS=2000 WINDOW_MS=10000)
// Traffic goes to 127.0.0.1 only. The last line of output is one JSON object with the figures.
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { startEmbeddedPostgres } from '../apps/api/src/database/embedded-postgres.js';
import { formatShanghai } from '../apps/api/src/common/time.js';
import { ADMIN_PASSWORD, apiClient, freePort, pooled } from './support.js';
import {
  ballotShape,
  encryptBallot,
  marks,
  type ElectionKey,
  type PollSpec,
} from '../libs/ballot/src/index.js';

const N = Number(process.env.TABLETS ?? 2000);
const WINDOW_MS = Number(process.env.WINDOW_MS ?? 10_000);
const TELLER_PASSWORD = 'teller-pass-123';
const PASSPHRASE = 'bench teller passphrase';
const log = (...a: unknown[]) => console.log(new Date().toISOString().slice(11, 19), ...a);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A teller's command as its own process; its output lines are kept (and echoed). */
function teller(base: string, args: string[], dir: string, index: number) {
  const lines: string[] = [];
  const child = spawn(
    process.execPath,
    [
      'dist/apps/teller/src/teller.js',
      ...args,
      '--api',
      base,
      '--user',
      `teller${index}`,
      '--share',
      path.join(dir, `share-${index}.json`),
      '--sheet',
      path.join(dir, `sheet-${index}.txt`),
    ],
    {
      env: { ...process.env, TELLER_PASSWORD, TELLER_PASSPHRASE: PASSPHRASE },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    for (const line of chunk.split('\n').filter(Boolean)) {
      lines.push(line);
      log(`teller ${index}:`, line);
    }
  });
  return { child, lines };
}

async function exited(child: ChildProcess): Promise<number> {
  if (child.exitCode !== null) return child.exitCode;
  const [code] = (await once(child, 'exit')) as [number];
  return code;
}

/** How many ballots a teller's watch says it verified so far (its last 已跟随 line). */
const followedBy = (lines: string[]) =>
  Number(/核验了 (\d+) 张/.exec(lines.findLast((l) => l.includes('核验了')) ?? '')?.[1] ?? 0);

async function main(): Promise<void> {
  const embedded = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({
        dataDir: './data/bench',
        port: Number(process.env.EMBEDDED_PG_PORT ?? 54349),
        log: (line) => log('postgres:', line),
      });
  const clusterUrl = process.env.DATABASE_URL ?? embedded!.url;
  const dbName = `bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  admin.on('error', (e) => log('admin connection:', e.message));
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const dbUrl = new URL(clusterUrl);
  dbUrl.pathname = `/${dbName}`;
  const port = await freePort();
  const api = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    env: {
      ...process.env,
      DATABASE_URL: dbUrl.toString(),
      PORT: String(port),
      HOST: '127.0.0.1',
      ADMIN_PASSWORD,
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT: '1000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  while (
    !(await fetch(`${base}/health/ready`).then(
      (r) => r.ok,
      () => false,
    ))
  )
    await sleep(200);
  const { call, login, staff: makeStaff } = apiClient(base);
  const staff = await makeStaff();

  // Three tellers' accounts (any role may be a teller), first password changed.
  const adminToken = await login('admin', ADMIN_PASSWORD);
  const tellerIds: string[] = [];
  for (let i = 1; i <= 3; i++) {
    const u = await call('POST', '/users', adminToken, {
      username: `teller${i}`,
      displayName: `监票人${i}`,
      role: 'secretary',
      password: 'first-pass-123',
    });
    const first = await login(`teller${i}`, 'first-pass-123');
    await call('POST', '/auth/password', first, {
      currentPassword: 'first-pass-123',
      newPassword: TELLER_PASSWORD,
    });
    tellerIds.push(u.id as string);
  }

  const term = await call('POST', '/terms', staff, {
    name: '基准届',
    startsOn: '2026-01-01',
    endsOn: '2030-12-31',
  });
  await call('POST', `/terms/${term.id}/groups`, staff, { name: '一团' });
  const csv = [
    '姓名,工号,性别,代表团,代表类别',
    ...Array.from(
      { length: N },
      (_, i) => `代表${i},L${100000 + i},${i % 2 ? '女' : '男'},一团,一线职工`,
    ),
  ].join('\n');
  const form = new FormData();
  form.append('file', new Blob([csv]), 'roster.csv');
  const imported = await fetch(`${base}/api/terms/${term.id}/roster/import?dryRun=false`, {
    method: 'POST',
    headers: { authorization: `Bearer ${staff}` },
    body: form,
  });
  if (!imported.ok) throw new Error(`import: ${await imported.text()}`);
  const session = await call('POST', `/terms/${term.id}/sessions`, staff, {
    name: '基准会议',
    startsAt: formatShanghai(new Date(Date.now() + 10 * 86_400_000)),
    place: '礼堂',
    employees: 40_000,
    women: 10_000,
    dispatched: 0,
  });
  await call('POST', `/sessions/${session.id}/status`, staff, { to: 'preparing' });
  const item = await call('POST', `/sessions/${session.id}/agenda/items`, staff, {
    kind: 'approve',
    title: '审议通过《集体合同（草案）》',
  });
  await call('POST', `/sessions/${session.id}/agenda/circulate`, staff, {});

  // The key ceremony: staff name the tellers, each teller's command runs its rounds.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'congress-tellers-bench-'));
  log('key ceremony: 3 tellers, threshold 2');
  const ceremonyStart = performance.now();
  const ceremony = await call('POST', `/sessions/${session.id}/ceremonies`, staff, {
    tellers: tellerIds,
    threshold: 2,
  });
  const runs = [1, 2, 3].map((i) => teller(base, ['ceremony'], dir, i));
  const codes = await Promise.all(runs.map((r) => exited(r.child)));
  const ceremonyMs = performance.now() - ceremonyStart;
  if (codes.some((c) => c !== 0)) throw new Error(`a teller's ceremony failed: ${codes}`);
  const ready = await call('GET', `/ceremonies/${ceremony.id}`, staff);
  if (ready.status !== 'ready') throw new Error(`ceremony ${ready.status}`);
  log(`ceremony ready in ${Math.round(ceremonyMs)} ms, fingerprint ${ready.shortFingerprint}`);

  await call('POST', `/sessions/${session.id}/status`, staff, {
    to: 'in_session',
    reason: '基准测试：提前开会',
  });
  const loginCodes = (
    await call('POST', `/terms/${term.id}/login-codes`, staff, { format: 'json' })
  ).entries as { username: string; code: string }[];
  log('logging in and checking in');
  const tokens = await pooled(
    loginCodes,
    16,
    async (c) =>
      (await call('POST', '/auth/code-login', null, { username: c.username, code: c.code }))
        .accessToken as string,
  );
  await pooled(tokens, 32, (t) => call('POST', `/sessions/${session.id}/check-in`, t));
  log('connecting tablets');
  const sockets: Socket[] = await pooled(tokens, 100, async (token) => {
    const s = io(base, {
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    await new Promise<void>((resolve, reject) => {
      s.once('connect', () => resolve());
      s.once('connect_error', reject);
    });
    await s.emitWithAck('session:join', { sessionId: session.id });
    return s;
  });
  log(`${sockets.length} tablets connected`);

  // Tellers 1 and 3 keep `watch` running (follow the board, answer the close); teller 2 is absent.
  const watchers = [1, 3].map((i) =>
    teller(base, ['watch', '--interval', '250', '--timeout', '1800'], dir, i),
  );

  const poll = await call('POST', '/polls', staff, { itemId: item.id });
  if (poll.keyMode !== 'tellers') throw new Error(`poll key mode ${poll.keyMode}`);
  const states = await pooled(sockets, 200, (s) =>
    s.emitWithAck('poll:state', { sessionId: session.id }),
  );
  log('encrypting ballots on the "tablets"');
  // Encrypting 2,000 ballots in this one process takes a while on a busy host: yield now and then
  // so the 2,000 connections still answer the server's heartbeats.
  const ballots: ReturnType<typeof encryptBallot>['ballot'][] = [];
  for (const [i, st] of states.entries()) {
    if (i % 20 === 0) await new Promise((r) => setImmediate(r));
    ballots.push(encryptOne(st, i));
  }
  function encryptOne(st: (typeof states)[number], i: number) {
    const p = (
      st.open as { id: string; electionKey: ElectionKey; pollSpec: PollSpec; voter: string }[]
    ).find((x) => x.id === poll.id)!;
    return encryptBallot({
      key: p.electionKey,
      shape: ballotShape(p.pollSpec),
      voter: p.voter,
      choices: [marks(3, i % 3)],
    }).ballot;
  }
  log(`casting within ${WINDOW_MS} ms`);
  const refused: Record<string, number> = {};
  let acknowledged = 0;
  const castStart = performance.now();
  await Promise.all(
    sockets.map(async (s, i) => {
      await sleep((i / sockets.length) * WINDOW_MS);
      const ack = await s
        .timeout(60_000)
        .emitWithAck('poll:cast', { pollId: poll.id, ballot: ballots[i] })
        .catch(() => ({ ok: false, error: { code: 'TIMEOUT' } }));
      if (ack.ok) acknowledged++;
      else refused[ack.error.code] = (refused[ack.error.code] ?? 0) + 1;
    }),
  );
  const castMs = performance.now() - castStart;
  const followedAtLastCast = watchers.map((w) => followedBy(w.lines));
  log(
    `${acknowledged} ballots acknowledged in ${Math.round(castMs)} ms; tellers had followed ${followedAtLastCast}`,
  );

  // Staff close when every ballot is in (no wait for the tellers).
  const results: number[] = [];
  sockets.forEach((s) => s.once('poll:result', () => results.push(performance.now())));
  const closeStart = performance.now();
  await call('POST', `/polls/${poll.id}/close`, staff);
  const closeRequestMs = performance.now() - closeStart;
  const followedAtClose = watchers.map((w) => followedBy(w.lines));
  while (results.length < sockets.length && performance.now() - closeStart < 120_000)
    await sleep(10);
  const firstResultMs = Math.min(...results) - closeStart;
  const lastResultMs = Math.max(...results) - closeStart;
  const decided = await call('GET', `/polls/${poll.id}/decryption`, staff);
  const record = await fetch(`${base}/api/public/polls/${poll.id}/record`).then((r) => r.json());
  const expected = [0, 1, 2].map((c) => ballots.filter((_, i) => i % 3 === c).length);

  for (const w of watchers) w.child.kill('SIGTERM');
  await Promise.all(watchers.map((w) => exited(w.child)));
  sockets.forEach((s) => s.disconnect());
  api.kill('SIGTERM');
  await once(api, 'exit');
  await admin.query(`DROP DATABASE "${dbName}" WITH (FORCE)`);
  await admin.end();
  await embedded?.stop();
  rmSync(dir, { recursive: true, force: true });

  const figures = {
    bench: 'tellers-close',
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10),
    tablets: sockets.length,
    tellers: 3,
    threshold: 2,
    ceremonyMs: Math.round(ceremonyMs),
    windowMs: WINDOW_MS,
    acknowledged,
    refused,
    castWallMs: Math.round(castMs),
    followedAtLastCast,
    followedAtClose,
    closeRequestMs: Math.round(closeRequestMs),
    closeToFirstResultMs: Math.round(firstResultMs),
    closeToLastResultMs: Math.round(lastResultMs),
    tabletsWithResult: results.length,
    answered: decided.tellers
      .filter((t: { answered: boolean }) => t.answered)
      .map((t: { index: number }) => t.index),
    counts: record.result?.counts,
    countsAsCast: record.result?.counts?.[0]?.join() === expected.join(),
  };
  console.log(JSON.stringify(figures));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
