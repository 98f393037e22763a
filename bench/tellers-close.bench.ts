// The close of a secret poll with tellers at api level (issue 12): ONE api process on the embedded
// PostgreSQL, 3 tellers (threshold 2) each running `npm run teller`'s built command as its own
// process (as on their laptops), 2,000 tablets over socket.io. Times the key ceremony, then a
// poll whose ballots are cast over a window while tellers 1 and 3 follow the board (`watch`),
// and the close: close request → result on the tablets, with teller 2 absent.
//   npm run build && node dist/bench/tellers-close.bench.js   (TABLETS=2000 WINDOW_MS=10000 PROFILE=1)
// Traffic goes to 127.0.0.1 only. The last line of output is one JSON object with the figures.
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { printSummary, summarise } from './cpuprofile-summary.js';
import { connectTablets, log, seatCongress, startApi } from './loadgen/congress.js';
import { ApiProfiler } from './loadgen/profiler.js';
import { ADMIN_PASSWORD, apiClient, pooled, requestFromWorker } from './support.js';
import {
  ballotShape,
  encryptBallot,
  marks,
  type ElectionKey,
  type PollSpec,
} from '../libs/ballot/src/index.js';

const N = Number(process.env.TABLETS ?? 2000);
const WINDOW_MS = Number(process.env.WINDOW_MS ?? 10_000);
// PROFILE=1: the api's main thread from the close to the last tablet's result (data/bench-profiles/).
const PROFILE = process.env.PROFILE === '1';
// The tellers' devices are their own laptops in the hall; here they share 2 cores with the api,
// its database and the 2,000 tablets. TELLER_NICE=19 runs them at the lowest priority, so they
// take nothing the api needs (but fall far behind the board while the hall votes: on a laptop
// they keep up); by default they share the cores evenly (bench/README.md, eleventh round).
const TELLER_NICE = Number(process.env.TELLER_NICE ?? 0);
const TELLER_PASSWORD = 'teller-pass-123';
const PASSPHRASE = 'bench teller passphrase';
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
  os.setPriority(child.pid!, TELLER_NICE);
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

/**
 * How many ballots a teller's watch says it verified so far: its last page line, whose wording is
 * apps/teller/src/follow.ts's (…共已逐张核验 N 张…).
 */
const followedBy = (lines: string[]) =>
  Number(
    /共已逐张核验 (\d+) 张/.exec(lines.findLast((l) => l.includes('共已逐张核验')) ?? '')?.[1] ?? 0,
  );

async function main(): Promise<void> {
  const started = await startApi({ pgLog: (line) => log('postgres:', line), inspect: PROFILE });
  const profiler = started.inspectPort ? await ApiProfiler.attach(started.inspectPort) : null;
  const { base } = started;
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

  // The key ceremony once the agenda is circulated: staff name the tellers, each teller's
  // command runs its rounds.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'congress-tellers-bench-'));
  let ceremonyMs = 0;
  const ceremony = async (sessionId: string) => {
    log('key ceremony: 3 tellers, threshold 2');
    const ceremonyStart = performance.now();
    const created = await call('POST', `/sessions/${sessionId}/ceremonies`, staff, {
      tellers: tellerIds,
      threshold: 2,
    });
    const runs = [1, 2, 3].map((i) => teller(base, ['ceremony'], dir, i));
    const codes = await Promise.all(runs.map((r) => exited(r.child)));
    ceremonyMs = performance.now() - ceremonyStart;
    if (codes.some((c) => c !== 0)) throw new Error(`a teller's ceremony failed: ${codes}`);
    const ready = await call('GET', `/ceremonies/${created.id}`, staff);
    if (ready.status !== 'ready') throw new Error(`ceremony ${ready.status}`);
    log(`ceremony ready in ${Math.round(ceremonyMs)} ms, fingerprint ${ready.shortFingerprint}`);
  };
  const {
    sessionId,
    itemIds: [itemId],
    tokens,
  } = await seatCongress(base, staff, {
    tablets: N,
    items: [{ kind: 'approve', title: '审议通过《集体合同（草案）》' }],
    beforeOpening: ceremony,
  });
  const sockets = await connectTablets(base, tokens, sessionId);
  log(`${sockets.length} tablets connected`);

  // Tellers 1 and 3 keep `watch` running (follow the board, answer the close); teller 2 is absent.
  const watchers = [1, 3].map((i) =>
    teller(base, ['watch', '--interval', '250', '--timeout', '1800'], dir, i),
  );

  const poll = await call('POST', '/polls', staff, { itemId });
  if (poll.keyMode !== 'tellers') throw new Error(`poll key mode ${poll.keyMode}`);
  const states = await pooled(sockets, 200, (s) =>
    s.emitWithAck('poll:state', { sessionId: sessionId }),
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
  await profiler?.start();
  // Timed from a worker thread: this thread's event loop holds the 2,000 tablets' sockets.
  const closed = await requestFromWorker(
    `${base}/api/polls/${poll.id}/close`,
    { method: 'POST', headers: { authorization: `Bearer ${staff}` } },
    `${base}/health`,
  );
  if (closed.status >= 300) throw new Error(`close: ${closed.status}`);
  const closeStart = closed.startedAt;
  const closeRequestMs = closed.ms;
  const followedAtClose = watchers.map((w) => followedBy(w.lines));
  while (results.length < sockets.length && performance.now() - closeStart < 120_000)
    await sleep(10);
  if (profiler) {
    // The api's main thread from the close to the last tablet's result, tellers' requests included.
    const file = `data/bench-profiles/${new Date().toISOString().replace(/[:.]/g, '-')}-tellers-close.cpuprofile`;
    printSummary(summarise(await profiler.stop(file), 25));
    log(`profile: ${file}`);
    profiler.close();
  }
  const firstResultMs = Math.min(...results) - closeStart;
  const lastResultMs = Math.max(...results) - closeStart;
  const decided = await call('GET', `/polls/${poll.id}/decryption`, staff);
  // The server's share of the close: the close request, and from the partial that completed the
  // threshold (stored with the api's clock, this machine's) to the result on the last tablet.
  const db = new pg.Client({ connectionString: started.dbUrl });
  await db.connect();
  const { rows: partialRows } = await db.query<{ at: Date }>(
    `SELECT received_at AS at FROM poll_partials WHERE poll_id = $1 AND accepted
      ORDER BY received_at LIMIT 1 OFFSET 1`,
    [poll.id],
  );
  await db.end();
  const completedAt = partialRows[0]!.at.getTime() - performance.timeOrigin;
  const completedToLastResultMs = Math.max(...results) - completedAt;
  // To the first tablet: the result decided and stored (the custodian's close is timed to its
  // answer the same way); the rest is writing it to the hall (2,000 sockets).
  const completedToFirstResultMs = Math.min(...results) - completedAt;
  const record = await fetch(`${base}/api/public/polls/${poll.id}/record`).then((r) => r.json());
  // What a teller's device downloads at the close: the whole prepared close (a device that did
  // not follow the board), and for one that followed all of it (`?followed=N`).
  const inputBytes = async (query: string) =>
    (
      await fetch(`${base}/api/polls/${poll.id}/decryption/input${query}`, {
        headers: { authorization: `Bearer ${staff}` },
      }).then((r) => r.arrayBuffer())
    ).byteLength;
  const inputBytesWhole = await inputBytes('');
  const inputBytesFollowed = await inputBytes(`?followed=${acknowledged}`);
  const expected = [0, 1, 2].map((c) => ballots.filter((_, i) => i % 3 === c).length);

  for (const w of watchers) w.child.kill('SIGTERM');
  await Promise.all(watchers.map((w) => exited(w.child)));
  sockets.forEach((s) => s.disconnect());
  await started.stop();
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
    tellerNice: TELLER_NICE,
    acknowledged,
    refused,
    castWallMs: Math.round(castMs),
    followedAtLastCast,
    followedAtClose,
    closeRequestMs: Math.round(closeRequestMs),
    closeToFirstResultMs: Math.round(firstResultMs),
    closeToLastResultMs: Math.round(lastResultMs),
    // From the arrival of the second accepted partial (t = 2; its check included) to the result
    // on the first tablet (decided and stored, like the custodian's close at its answer): what
    // the api adds after the tellers have answered. Its share is this plus closeRequestMs.
    thresholdPartialToFirstResultMs: Math.round(completedToFirstResultMs),
    // … and to the last tablet (writing the result to the hall's 2,000 sockets).
    thresholdPartialToLastResultMs: Math.round(completedToLastResultMs),
    inputBytesWhole,
    inputBytesFollowed,
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
