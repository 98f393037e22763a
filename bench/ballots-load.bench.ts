// Load test of secret polls (issue 7): N tablets (default 2,000) log in, connect, check in and cast
// one encrypted ballot each inside a window (default 10 s) against ONE api process; then the poll
// is closed, verified, decrypted and decided, and the result broadcast. Beside it, pgbench runs
// the same INSERT on the same PostgreSQL, the ceiling for durable acknowledgements.
//   npm run build && node dist/bench/ballots-load.bench.js        (TABLETS=2000 WINDOW_MS=10000)
// Traffic goes to 127.0.0.1 only. The last line of output is one JSON object with the figures.
import 'reflect-metadata';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { startEmbeddedPostgres } from '../apps/api/src/database/embedded-postgres.js';
import { ADMIN_PASSWORD, apiClient, freePort, pooled } from './support.js';
import { formatShanghai } from '../apps/api/src/common/time.js';
import {
  ballotShape,
  encryptBallot,
  marks,
  type ElectionKey,
  type PollSpec,
} from '../libs/ballot/src/index.js';

const N = Number(process.env.TABLETS ?? 2000);
const WINDOW_MS = Number(process.env.WINDOW_MS ?? 10_000);
const log = (...a: unknown[]) => console.log(new Date().toISOString().slice(11, 19), ...a);

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** The api's resident memory now (VmRSS) and at its peak so far (VmHWM), in MB. */
function rssMb(pid: number): { now: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { now: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** pgbench on the same INSERT a cast does (a ~4 KB ballot row, unique per poll and voter). */
function pgbench(url: string, ballot: string, clients: number, seconds: number): number | null {
  const u = new URL(url);
  const script = `/tmp/congress-pgbench-${process.pid}.sql`;
  writeFileSync(
    script,
    `INSERT INTO bench_ballots (poll_id, delegate_id, credential, ballot, tracker, received_at)
     VALUES ('00000000-0000-4000-8000-000000000001', gen_random_uuid(), md5(random()::text), '${ballot.replace(/'/g, "''")}'::jsonb, md5(random()::text), now());\n`,
  );
  try {
    const out = execFileSync(
      'pgbench',
      [
        '-n',
        '-c',
        String(clients),
        '-j',
        String(Math.min(clients, 2)),
        '-T',
        String(seconds),
        '-f',
        script,
        '-h',
        u.hostname,
        '-p',
        u.port,
        '-U',
        decodeURIComponent(u.username),
        u.pathname.slice(1),
      ],
      { env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) }, encoding: 'utf8' },
    );
    return Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? NaN);
  } catch (e) {
    log(
      'pgbench not available or failed (apt-get install postgresql-contrib):',
      (e as Error).message.split('\n')[0],
    );
    return null;
  }
}

async function main(): Promise<void> {
  const embedded = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({
        dataDir: './data/bench',
        port: Number(process.env.EMBEDDED_PG_PORT ?? 54349),
      });
  const clusterUrl = process.env.DATABASE_URL ?? embedded!.url;
  const dbName = `bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const dbUrl = new URL(clusterUrl);
  dbUrl.pathname = `/${dbName}`;

  const port = await freePort();
  // API_NODE_FLAGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the api alone.
  const apiFlags = (process.env.API_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...apiFlags, 'dist/apps/api/src/main.js'], {
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
  for (;;) {
    if (
      await fetch(`${base}/health/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const api = apiClient(base);
  const call = api.call;
  const staff = await api.staff();
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
  const burstItem = await call('POST', `/sessions/${session.id}/agenda/items`, staff, {
    kind: 'decide',
    title: '审议决定（满负荷）',
  });
  await call('POST', `/sessions/${session.id}/agenda/circulate`, staff, {});
  // The session is dated 10 days ahead (circulation needs 7): opening it today needs a reason.
  await call('POST', `/sessions/${session.id}/status`, staff, {
    to: 'in_session',
    reason: '基准测试：提前开会',
  });
  const codes = (await call('POST', `/terms/${term.id}/login-codes`, staff, { format: 'json' }))
    .entries as { username: string; code: string }[];
  log('logging in and checking in');
  const tokens = await pooled(
    codes,
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
  const rssConnected = rssMb(child.pid!);
  log(
    `${sockets.length} tablets connected; api RSS ${rssConnected.now.toFixed(0)} MB (peak ${rssConnected.peak.toFixed(0)} MB)`,
  );

  /** Opens a poll, lets every tablet encrypt its ballot, then casts them all spread over `spreadMs`. */
  const runPoll = async (itemId: string, spreadMs: number) => {
    const poll = await call('POST', '/polls', staff, { itemId, keyMode: 'custodian' });
    const states = await pooled(sockets, 200, (s) =>
      s.emitWithAck('poll:state', { sessionId: session.id }),
    );
    log('encrypting ballots on the "tablets"');
    const ballots = states.map((st, i) => {
      const p = (
        st.open as { id: string; electionKey: ElectionKey; pollSpec: PollSpec; voter: string }[]
      ).find((x) => x.id === poll.id)!;
      return encryptBallot({
        key: p.electionKey,
        shape: ballotShape(p.pollSpec),
        voter: p.voter,
        choices: [marks(3, i % 3)],
      }).ballot;
    });
    log(spreadMs ? `casting within ${spreadMs} ms` : 'casting all at once');
    const latencies: number[] = [];
    const errors: Record<string, number> = {};
    const acked = new Set<string>();
    const castStart = performance.now();
    await Promise.all(
      sockets.map(async (s, i) => {
        if (spreadMs) await new Promise((r) => setTimeout(r, (i / sockets.length) * spreadMs));
        const t0 = performance.now();
        const ack = await s
          .timeout(60_000)
          .emitWithAck('poll:cast', { pollId: poll.id, ballot: ballots[i] })
          .catch(() => ({ ok: false, error: { code: 'TIMEOUT' } }));
        latencies.push(performance.now() - t0);
        if (ack.ok) acked.add(ack.receipt.tracker);
        else errors[ack.error.code] = (errors[ack.error.code] ?? 0) + 1;
      }),
    );
    latencies.sort((a, b) => a - b);
    return { poll, ballots, latencies, errors, acked, castMs: performance.now() - castStart };
  };

  const windowed = await runPoll(item.id, WINDOW_MS);
  const { poll, ballots, latencies, errors, acked, castMs } = windowed;
  const rssCast = rssMb(child.pid!);

  const results: number[] = [];
  sockets.forEach((s) => s.once('poll:result', () => results.push(performance.now())));
  const closeStart = performance.now();
  const closed = await call('POST', `/polls/${poll.id}/close`, staff);
  const closeMs = performance.now() - closeStart;
  while (results.length < sockets.length && performance.now() - closeStart < closeMs + 10_000)
    await new Promise((r) => setTimeout(r, 10));
  const broadcastMs = results.length ? Math.max(...results) - Math.min(...results) : NaN;
  const lastResultAfterCloseMs = results.length ? Math.max(...results) - closeStart : NaN;

  const db = new pg.Client({ connectionString: dbUrl.toString() });
  await db.connect();
  const stored = (
    await db.query<{ tracker: string }>(`SELECT tracker FROM poll_ballots WHERE poll_id = $1`, [
      poll.id,
    ])
  ).rows.map((r) => r.tracker);
  const lost = [...acked].filter((t) => !stored.includes(t)).length;
  const duplicated = stored.length - new Set(stored).size;
  // Capacity: a second poll where every tablet casts at the same moment.
  const burst = await runPoll(burstItem.id, 0);
  await call('POST', `/polls/${burst.poll.id}/close`, staff);
  const burstStored = Number(
    (
      await db.query<{ n: string }>(`SELECT count(*) AS n FROM poll_ballots WHERE poll_id = $1`, [
        burst.poll.id,
      ])
    ).rows[0]!.n,
  );
  // Same columns, identity, constraints and unique index as poll_ballots.
  await db.query(`CREATE TABLE bench_ballots (LIKE poll_ballots INCLUDING ALL)`);
  await db.end();

  sockets.forEach((s) => s.disconnect());
  child.kill('SIGTERM');
  await once(child, 'exit');
  log('pgbench, same INSERT, same PostgreSQL');
  const ballotJson = JSON.stringify(ballots[0]);
  const pgbench8 = pgbench(dbUrl.toString(), ballotJson, 8, 10);
  const pgbench1 = pgbench(dbUrl.toString(), ballotJson, 1, 10);

  await admin.query(`DROP DATABASE "${dbName}" WITH (FORCE)`);
  await admin.end();
  await embedded?.stop();

  const figures = {
    bench: 'ballots-load',
    date: new Date().toISOString().slice(0, 10),
    node: process.version,
    cpus: os.cpus().length,
    tablets: sockets.length,
    windowMs: WINDOW_MS,
    acknowledged: acked.size,
    refused: errors,
    ackP50Ms: Math.round(pct(latencies, 50)),
    ackP99Ms: Math.round(pct(latencies, 99)),
    ackMaxMs: Math.round(latencies.at(-1) ?? NaN),
    ballotsPerSecond: Math.round(acked.size / (castMs / 1000)),
    castWallMs: Math.round(castMs),
    burstAcknowledged: burst.acked.size,
    burstStored,
    burstRefused: burst.errors,
    burstBallotsPerSecond: Math.round(burst.acked.size / (burst.castMs / 1000)),
    burstAckP50Ms: Math.round(pct(burst.latencies, 50)),
    burstAckP99Ms: Math.round(pct(burst.latencies, 99)),
    lost,
    duplicated,
    counted: closed.result.ballots.counted,
    closeToResultMs: Math.round(closeMs),
    resultBroadcastSpreadMs: Math.round(broadcastMs),
    lastResultAfterCloseRequestMs: Math.round(lastResultAfterCloseMs),
    tabletsWithResult: results.length,
    apiRssMbConnected: Math.round(rssConnected.now),
    apiRssMbAfterCasting: Math.round(rssCast.now),
    // The peak includes set-up work (argon2id password hashing takes 64 MiB per hash).
    apiPeakRssMb: Math.round(rssCast.peak),
    pgbenchTps8Clients: pgbench8,
    pgbenchTps1Client: pgbench1,
  };
  console.log(JSON.stringify(figures));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
