// The congress a load run needs: the built api as its own process on the embedded PostgreSQL
// (or DATABASE_URL), N delegates imported, logged in with one-time codes and checked in, and as
// many agenda items as the run will open polls. Optionally the api listens for the inspector so
// a run can profile it during the burst only (profiler.ts).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { formatShanghai } from '../../apps/api/src/common/time.js';
import { startEmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres.js';
import { API_ENV, API_NODE_FLAGS } from '../../apps/api/src/node-flags.js';
import type { ProcessMemory } from './mem-probe.js';
import { ADMIN_PASSWORD, apiClient, type ApiClient, freePort, pooled } from '../support.js';

export const log = (...a: unknown[]) => console.log(new Date().toISOString().slice(11, 19), ...a);

export interface Congress {
  base: string;
  api: ChildProcess;
  /** Every api process's address and pid (one, or more behind the postgres adapter). */
  bases: string[];
  apiPids: number[];
  /** The inspector's port when started with `inspect`. */
  inspectPort: number | null;
  call: ApiClient['call'];
  staff: string;
  sessionId: string;
  itemIds: string[];
  tokens: string[];
  db: pg.Client;
  dbUrl: string;
  stop(): Promise<void>;
}

/** The api's resident memory now (VmRSS) and at its peak so far (VmHWM), in MB. */
export function rssMb(pid: number): { now: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { now: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

/**
 * Asks the api (started with --heapsnapshot-signal=SIGUSR2 --diagnostic-dir=<dir>) for a heap
 * snapshot and waits until V8 has written it (the api is stopped while it writes); the file's path.
 */
export async function heapSnapshot(pid: number, dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const before = new Set(readdirSync(dir));
  process.kill(pid, 'SIGUSR2');
  const deadline = Date.now() + 10 * 60_000;
  let file: string | undefined;
  let size = -1;
  while (Date.now() < deadline) {
    // Polling a file being written: there is no event for "V8 has finished the snapshot".
    await sleep(1000);
    file ??= readdirSync(dir).find((f) => f.endsWith('.heapsnapshot') && !before.has(f));
    if (!file) continue;
    const now = statSync(path.join(dir, file)).size;
    // Written in one go and then left alone: done when it stops growing and ends the JSON.
    if (now === size && now > 0 && lastByte(path.join(dir, file), now) === 0x7d)
      return path.join(dir, file);
    size = now;
  }
  throw new Error(`no complete heap snapshot in ${dir} after 10 minutes`);
}

/**
 * The main thread's heap figures and the process's resident set split by kind, from an api started
 * with `--import` of mem-probe.js and MEM_PROBE_FILE=`file` (mem-probe.ts): it writes them on
 * SIGWINCH within about half a second.
 */
export async function memProbe(pid: number, file: string): Promise<ProcessMemory> {
  rmSync(file, { force: true });
  process.kill(pid, 'SIGWINCH');
  const deadline = Date.now() + 30_000;
  // Polling the file: the api has no other way to say it is written (renamed into place whole).
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`no memory report in ${file} after 30 s`);
    await sleep(100);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as ProcessMemory;
}

function lastByte(file: string, size: number): number {
  const fd = openSync(file, 'r');
  try {
    const b = Buffer.alloc(1);
    readSync(fd, b, 0, 1, size - 1);
    return b[0]!;
  } finally {
    closeSync(fd);
  }
}

/**
 * CPU time the api process has used so far (user + system, every thread: the main thread and the
 * verifier's worker threads), in ms, from /proc/<pid>/stat (clock ticks of 10 ms on Linux).
 */
export function cpuMs(pid: number): number {
  // Fields after the command name (which is in parentheses): utime and stime are the 12th and 13th.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The built api as its own process on its own fresh database; `stop` drops it all. */
export interface ApiUnderTest {
  base: string;
  api: ChildProcess;
  /** Every api process on the database (the first is `base`/`api`), for a multi-process run. */
  apis: { base: string; api: ChildProcess }[];
  /** The inspector's port when started with `inspect`. */
  inspectPort: number | null;
  dbUrl: string;
  /** Stops the api, drops the database, stops the embedded PostgreSQL. */
  stop(): Promise<void>;
}

/**
 * Starts the embedded PostgreSQL (or uses DATABASE_URL), creates a database of its own and the
 * built api on it (dist/apps/api/src/main.js), and waits until it is ready.
 */
export async function startApi(
  opts: {
    inspect?: boolean;
    apiFlags?: string[];
    pgLog?: (line: string) => void;
    /** api processes on the one database, behind the postgres adapter (default 1). */
    processes?: number;
  } = {},
): Promise<ApiUnderTest> {
  const embedded = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({
        dataDir: './data/bench',
        port: Number(process.env.EMBEDDED_PG_PORT ?? 54349),
        log: opts.pgLog,
      });
  const clusterUrl = process.env.DATABASE_URL ?? embedded!.url;
  const dbName = `bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  admin.on('error', (e) => log('admin connection:', e.message));
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const dbUrl = new URL(clusterUrl);
  dbUrl.pathname = `/${dbName}`;

  const apis: { base: string; api: ChildProcess }[] = [];
  const stop = async () => {
    await Promise.all(
      apis.map(async ({ api }) => {
        if (api.exitCode !== null) return;
        api.kill('SIGTERM');
        await once(api, 'exit');
      }),
    );
    await admin.query(`DROP DATABASE "${dbName}" WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
  };
  try {
    const inspectPort = opts.inspect ? await freePort() : null;
    // One after the other: the first runs the migrations and writes the board's signing key
    // (DATA_DIR), which the others then read.
    for (let k = 0; k < (opts.processes ?? 1); k++)
      apis.push(
        await spawnApi(dbUrl.toString(), opts.apiFlags ?? [], k === 0 ? inspectPort : null),
      );
    return { ...apis[0]!, apis, inspectPort, dbUrl: dbUrl.toString(), stop };
  } catch (e) {
    await stop().catch(() => {});
    throw e;
  }
}

/** One built api process on `dbUrl`, ready. */
async function spawnApi(
  dbUrl: string,
  apiFlags: string[],
  inspectPort: number | null,
): Promise<{ base: string; api: ChildProcess }> {
  const port = await freePort();
  const api = spawn(
    process.execPath,
    [
      ...(inspectPort ? [`--inspect=127.0.0.1:${inspectPort}`] : []),
      // As `npm start` runs it; API_NODE_FLAGS (apiFlags) come after, and a later flag wins.
      ...API_NODE_FLAGS,
      ...apiFlags,
      'dist/apps/api/src/main.js',
    ],
    {
      env: {
        // As `npm start` sets it; the caller's environment may override it for a comparison.
        ...API_ENV,
        ...process.env,
        DATABASE_URL: dbUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        ADMIN_PASSWORD,
        LOG_LEVEL: 'warn',
        LOGIN_RATE_LIMIT: '1000',
      },
      stdio: ['ignore', 'inherit', 'pipe'],
    },
  );
  // The inspector announces itself on stderr; everything else goes through.
  api.stderr!.on('data', (d: Buffer) => {
    const text = d.toString();
    if (!/Debugger listening|For help, see|Debugger attached/.test(text))
      process.stderr.write(text);
  });
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (api.exitCode !== null) throw new Error(`the api exited (${api.exitCode}) while starting`);
    const ready = await fetch(`${base}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { base, api };
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A congress in session: its term, session, agenda items (in order) and the tablets' tokens. */
export interface Seated {
  termId: string;
  sessionId: string;
  itemIds: string[];
  tokens: string[];
}

/**
 * Seats a congress through the api as staff: a term with one group, `tablets` delegates imported
 * (a CSV), a session dated 10 days ahead with the given agenda items circulated and opened today
 * (with a reason), and every delegate logged in with a one-time code and checked in.
 * `beforeOpening` runs after the circulation, before the session opens (e.g. a key ceremony).
 */
export async function seatCongress(
  base: string,
  staff: string,
  opts: {
    tablets: number;
    items: { kind: string; title: string }[];
    beforeOpening?: (sessionId: string) => Promise<void>;
  },
): Promise<Seated> {
  const { call } = apiClient(base);
  const term = await call('POST', '/terms', staff, {
    name: '基准届',
    startsOn: '2026-01-01',
    endsOn: '2030-12-31',
  });
  await call('POST', `/terms/${term.id}/groups`, staff, { name: '一团' });
  const csv = [
    '姓名,工号,性别,代表团,代表类别',
    ...Array.from(
      { length: opts.tablets },
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
  const sessionId = session.id as string;
  await call('POST', `/sessions/${sessionId}/status`, staff, { to: 'preparing' });
  const itemIds: string[] = [];
  for (const item of opts.items)
    itemIds.push((await call('POST', `/sessions/${sessionId}/agenda/items`, staff, item)).id);
  await call('POST', `/sessions/${sessionId}/agenda/circulate`, staff, {});
  await opts.beforeOpening?.(sessionId);
  // The session is dated 10 days ahead (circulation needs 7): opening it today needs a reason.
  await call('POST', `/sessions/${sessionId}/status`, staff, {
    to: 'in_session',
    reason: '基准测试：提前开会',
  });
  const codes = (await call('POST', `/terms/${term.id}/login-codes`, staff, { format: 'json' }))
    .entries as { username: string; code: string }[];
  log(`logging in and checking in ${codes.length} tablets`);
  const tokens = await pooled(
    codes,
    16,
    async (c) =>
      (await call('POST', '/auth/code-login', null, { username: c.username, code: c.code }))
        .accessToken as string,
  );
  await pooled(tokens, 32, (t) => call('POST', `/sessions/${sessionId}/check-in`, t));
  return { termId: term.id as string, sessionId, itemIds, tokens };
}

/** A socket.io client per token (as a tablet, websocket only), each joined to the session. */
export async function connectTablets(
  base: string,
  tokens: string[],
  sessionId: string,
): Promise<Socket[]> {
  log('connecting tablets');
  return pooled(tokens, 100, async (token) => {
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
    await s.emitWithAck('session:join', { sessionId });
    return s;
  });
}

export async function startCongress(opts: {
  tablets: number;
  items: number;
  inspect: boolean;
  apiFlags: string[];
  processes?: number;
}): Promise<Congress> {
  const started = await startApi({
    inspect: opts.inspect,
    apiFlags: opts.apiFlags,
    processes: opts.processes,
  });
  const { base, api, apis, inspectPort, dbUrl } = started;
  try {
    const { call, staff: makeStaff } = apiClient(base);
    const staff = await makeStaff();
    const { sessionId, itemIds, tokens } = await seatCongress(base, staff, {
      tablets: opts.tablets,
      items: Array.from({ length: opts.items }, (_, i) => ({
        kind: 'decide',
        title: `审议决定（负载第 ${i + 1} 项）`,
      })),
    });
    const db = new pg.Client({ connectionString: dbUrl });
    await db.connect();
    return {
      base,
      api,
      bases: apis.map((a) => a.base),
      apiPids: apis.map((a) => a.api.pid!),
      inspectPort,
      call,
      staff,
      sessionId,
      itemIds,
      tokens,
      db,
      dbUrl,
      async stop() {
        await db.end();
        await started.stop();
      },
    };
  } catch (e) {
    await started.stop().catch(() => {});
    throw e;
  }
}

/**
 * pgbench on an INSERT of the same row a cast stores (a real ballot, unique per poll and voter),
 * into a copy of poll_ballots. A cast does more (the poll row's lock and head, the eligibility
 * rules in the INSERT's WHERE): this is the database's ceiling for that row, not the cast's.
 */
export async function pgbench(
  congress: Pick<Congress, 'db' | 'dbUrl'>,
  ballot: string,
  clients: number,
  seconds: number,
): Promise<number | null> {
  await congress.db.query(
    `CREATE TABLE IF NOT EXISTS bench_ballots (LIKE poll_ballots INCLUDING ALL)`,
  );
  const u = new URL(congress.dbUrl);
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
        ...['-n', '-c', String(clients), '-j', String(Math.min(clients, 2))],
        ...['-T', String(seconds), '-f', script, '-h', u.hostname, '-p', u.port],
        ...['-U', decodeURIComponent(u.username), u.pathname.slice(1)],
      ],
      { env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) }, encoding: 'utf8' },
    );
    return Math.round(Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? NaN));
  } catch (e) {
    log(
      'pgbench failed (apt-get install postgresql-contrib):',
      (e as Error).message.split('\n')[0],
    );
    return null;
  }
}
