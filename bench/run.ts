// `npm run bench` (= `npm run bench -- all`): every figure of the targets in one command, each
// beside its target, the last line one JSON object. Or `npm run bench -- <scenario>`, one named
// load scenario, with the tablets spread over generator processes (bench/loadgen). Scenarios:
//   all         window × 3, burst and pgbench on one api process; window and burst on two api
//               processes behind the postgres adapter; the close with tellers
//               (dist/bench/tellers-close.bench.js); a table of figures against targets
//   processes   window and burst on API_PROCESSES (2) api processes on one database
//   generators  bursts with 1, 2 and 4 generator processes (GENERATOR_COUNTS), raw frames and
//               socket.io-client (MODES): does adding generators still raise the figure?
//   burst       every tablet casts at the same moment (GENERATORS=4, MODE=raw)
//   window      casts spread over WINDOW_MS (10,000), RUNS times (1) in a row: p50 / p99
//   load        the one-process bench of issue 7 (dist/bench/ballots-load.bench.js)
// Environment: TABLETS (2000), PROFILE=1 (profile the api's main thread during each cast phase and
// each close, files under data/bench-profiles/), API_NODE_FLAGS (extra node flags for the api, e.g.
// "--cpu-prof --cpu-prof-dir=/tmp/prof"), HEAP_SNAPSHOT=1 (a heap snapshot of the api after each
// close), MEM_PROBE=1 (the api's heap spaces and resident set at each step of each run, one api process
// only: loadgen/mem-probe.ts), PGBENCH=0 (skip pgbench), EMBEDDED_PG_PORT, DATABASE_URL.
// The last line of output is one JSON object with every figure.
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { printSummary, summarise } from './cpuprofile-summary.js';
import {
  type Congress,
  cpuMs,
  heapSnapshot,
  log,
  memProbe,
  pgbench,
  rssMb,
  startCongress,
} from './loadgen/congress.js';
import { Generators } from './loadgen/generators.js';
import type { GeneratorMode } from './loadgen/protocol.js';
import { ApiProfiler } from './loadgen/profiler.js';

const SCENARIOS = ['all', 'processes', 'generators', 'burst', 'window', 'load'] as const;
type Scenario = (typeof SCENARIOS)[number];

const env = process.env;
const TABLETS = Number(env.TABLETS ?? 2000);
const PROFILE = env.PROFILE === '1';
// A heap snapshot of the api after each run's close (node's --heapsnapshot-signal), to read what
// holds its memory: files in data/bench-profiles/.
const HEAP_SNAPSHOT = env.HEAP_SNAPSHOT === '1';
const SNAPSHOT_DIR = 'data/bench-profiles';
const MEM_PROBE = env.MEM_PROBE === '1';
const MEM_PROBE_FILE = path.resolve(SNAPSHOT_DIR, 'mem-probe.json');
if (MEM_PROBE) {
  mkdirSync(SNAPSHOT_DIR, { recursive: true });
  env.MEM_PROBE_FILE = MEM_PROBE_FILE; // the api inherits this environment (loadgen/congress.ts)
}
const list = (s: string) => s.split(',').map((x) => x.trim());

interface Plan {
  generators: number;
  mode: GeneratorMode;
  spreadMs: number;
}

function plans(scenario: Exclude<Scenario, 'load' | 'all'>): Plan[] {
  const mode = (env.MODE ?? 'raw') as GeneratorMode;
  const generators = Number(env.GENERATORS ?? 4);
  switch (scenario) {
    case 'generators':
      return list(env.MODES ?? 'raw,client').flatMap((m) =>
        list(env.GENERATOR_COUNTS ?? '1,2,4').map((g) => ({
          generators: Number(g),
          mode: m as GeneratorMode,
          spreadMs: 0,
        })),
      );
    case 'burst':
      return [{ generators, mode, spreadMs: 0 }];
    case 'processes':
      return [
        { generators, mode, spreadMs: Number(env.WINDOW_MS ?? 10_000) },
        { generators, mode, spreadMs: 0 },
      ];
    case 'window':
      return Array.from({ length: Number(env.RUNS ?? 1) }, () => ({
        generators,
        mode,
        spreadMs: Number(env.WINDOW_MS ?? 10_000),
      }));
  }
}

// Every api process together (one, or several behind the postgres adapter).
const rssOf = (c: Congress) => ({ now: c.apiPids.reduce((n, pid) => n + rssMb(pid).now, 0) });
const cpuOf = (c: Congress) => c.apiPids.reduce((n, pid) => n + cpuMs(pid), 0);

/** Opens a poll on `itemId`, lets the generators prepare and cast, closes it, checks the board. */
async function castRun(c: Congress, plan: Plan, itemId: string, profiler: ApiProfiler | null) {
  const label = `${plan.mode} × ${plan.generators}${plan.spreadMs ? `, over ${plan.spreadMs} ms` : ', burst'}`;
  const probe =
    MEM_PROBE && c.apiPids.length === 1 ? () => memProbe(c.apiPids[0]!, MEM_PROBE_FILE) : null;
  const rssIdle = rssOf(c);
  const memIdle = await probe?.();
  log(`${label}: connecting ${c.tokens.length} tablets`);
  const gens = await Generators.start({
    count: plan.generators,
    mode: plan.mode,
    bases: c.bases,
    sessionId: c.sessionId,
    tokens: c.tokens,
  });
  try {
    const rssConnected = rssOf(c);
    const memConnected = await probe?.();
    const poll = await c.call('POST', '/polls', c.staff, { itemId, keyMode: 'custodian' });
    const { encryptMs, stateMs } = await gens.prepare(poll.id as string);
    log(
      `${label}: ${c.tokens.length} tablets read the polls in ${stateMs} ms; ballots encrypted in ${encryptMs} ms; casting`,
    );
    const loadBefore = os.loadavg()[0]!;
    await profiler?.start();
    const cpuBefore = cpuOf(c);
    const run = await gens.cast(plan.spreadMs);
    const apiCpuMs = cpuOf(c) - cpuBefore;
    const profileFile = `data/bench-profiles/${new Date().toISOString().replace(/[:.]/g, '-')}-${plan.mode}-${plan.generators}.cpuprofile`;
    const profile = profiler ? await profiler.stop(profileFile) : null;
    const loadAfter = os.loadavg()[0]!;
    const rssCast = rssOf(c);
    const memCast = await probe?.();
    await profiler?.start();
    const t0 = performance.now();
    const cpuBeforeClose = cpuOf(c);
    await c.call('POST', `/polls/${poll.id}/close`, c.staff);
    const closeMs = Math.round(performance.now() - t0);
    // When the hall had the result: the last tablet's `poll:result`, from the close request.
    const onTablets = await gens.results(poll.id as string);
    const resultOnLastTabletMs = Math.round(onTablets.lastAt - (performance.timeOrigin + t0));
    const closeProfile = profiler
      ? await profiler.stop(profileFile.replace(/\.cpuprofile$/, '-close.cpuprofile'))
      : null;
    // CPU the api used for the close (all threads): unlike the wall time, not stretched by the
    // other processes on the machine.
    const closeApiCpuMs = cpuOf(c) - cpuBeforeClose;
    const rssClosed = rssOf(c);
    const memClosed = await probe?.();
    const snapshot = HEAP_SNAPSHOT ? await heapSnapshot(c.api.pid!, SNAPSHOT_DIR) : undefined;
    const stored = (
      await c.db.query<{ tracker: string }>(`SELECT tracker FROM poll_ballots WHERE poll_id = $1`, [
        poll.id,
      ])
    ).rows.map((r) => r.tracker);
    const storedSet = new Set(stored);
    const { trackers, ...figures } = run;
    const result = {
      apiProcesses: c.apiPids.length,
      mode: plan.mode,
      generators: plan.generators,
      spreadMs: plan.spreadMs,
      ...figures,
      stored: stored.length,
      lost: trackers.filter((t) => !storedSet.has(t)).length,
      duplicated: stored.length - storedSet.size,
      closeMs,
      closeApiCpuMs,
      resultOnTablets: onTablets.received,
      resultOnLastTabletMs: Number.isNaN(resultOnLastTabletMs) ? null : resultOnLastTabletMs,
      encryptMs,
      // Every tablet asking for the session's polls at once (a reconnecting hall), first to last.
      pollStateAllTabletsMs: stateMs,
      // The api's CPU (all threads) per acknowledged ballot during the cast phase, and as a share
      // of the cast phase's wall time (2 = both cores of this machine the whole time).
      apiCpuMsPerAck: run.acknowledged
        ? Math.round((apiCpuMs / run.acknowledged) * 100) / 100
        : null,
      apiCores: run.wallMs ? Math.round((apiCpuMs / run.wallMs) * 100) / 100 : null,
      apiRssMbIdle: rssIdle.now,
      apiRssMbConnected: rssConnected.now,
      apiRssMbAfterCasting: rssCast.now,
      apiRssMbAfterClose: rssClosed.now,
      heapSnapshot: snapshot,
      memory: probe
        ? { idle: memIdle, connected: memConnected, afterCasting: memCast, afterClose: memClosed }
        : undefined,
      loadAverage: [loadBefore, loadAfter].map((x) => Math.round(x * 10) / 10),
      profile: profile ? profileFile : undefined,
    };
    log(
      `${label}: ${result.acknowledged}/${TABLETS} acked, ${result.ackedPerSecond}/s, ` +
        `p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, lost ${result.lost}, doubled ${result.duplicated}, ` +
        `close ${closeMs} ms, result on ${onTablets.received} tablets, the last at ${result.resultOnLastTabletMs} ms, ` +
        `load ${result.loadAverage.join(' → ')}`,
    );
    if (profile) printSummary(summarise(profile, 15));
    if (closeProfile) {
      log(`${label}: the close, ${closeMs} ms`);
      printSummary(summarise(closeProfile, 25));
    }
    return result;
  } finally {
    await gens.stop();
  }
}

type CastResult = Awaited<ReturnType<typeof castRun>>;

/** The plans on one fresh congress (`processes` api processes), then pgbench on its database. */
async function runPlans(todo: Plan[], processes: number) {
  const c = await startCongress({
    tablets: TABLETS,
    items: todo.length,
    inspect: PROFILE,
    processes,
    apiFlags: [
      ...(env.API_NODE_FLAGS ?? '').split(' ').filter(Boolean),
      ...(HEAP_SNAPSHOT
        ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${path.resolve(SNAPSHOT_DIR)}`]
        : []),
      ...(MEM_PROBE
        ? [`--import=${pathToFileURL(path.resolve('dist/bench/loadgen/mem-probe.js')).href}`]
        : []),
    ],
  });
  const profiler = c.inspectPort ? await ApiProfiler.attach(c.inspectPort) : null;
  try {
    const runs: CastResult[] = [];
    for (const [i, plan] of todo.entries())
      runs.push(await castRun(c, plan, c.itemIds[i]!, profiler));
    let pgbenchTps8Clients: number | null = null;
    if (env.PGBENCH !== '0') {
      const { rows } = await c.db.query<{ ballot: string }>(
        `SELECT ballot::text AS ballot FROM poll_ballots LIMIT 1`,
      );
      log('pgbench, 8 clients, 10 s, the same row on the same PostgreSQL');
      pgbenchTps8Clients = await pgbench(c, rows[0]!.ballot, 8, 10);
    }
    printRuns(runs, pgbenchTps8Clients);
    return { runs, pgbenchTps8Clients };
  } finally {
    profiler?.close();
    await c.stop();
  }
}

function printRuns(runs: CastResult[], pgbenchTps: number | null): void {
  console.log(
    '\napis mode    gen  acked/s  p50 ms  p99 ms  max ms  acked  lost  dup  close ms  result on last tablet ms  load',
  );
  for (const r of runs)
    console.log(
      [
        String(r.apiProcesses).padStart(4),
        r.mode.padEnd(7),
        String(r.generators).padStart(3),
        String(r.ackedPerSecond).padStart(8),
        String(r.p50Ms).padStart(7),
        String(r.p99Ms).padStart(7),
        String(r.maxMs).padStart(7),
        String(r.acknowledged).padStart(6),
        String(r.lost).padStart(5),
        String(r.duplicated).padStart(4),
        String(r.closeMs).padStart(9),
        String(r.resultOnLastTabletMs ?? '—').padStart(25),
        ` ${r.loadAverage.join('→')}`,
      ].join(' '),
    );
  if (pgbenchTps) console.log(`pgbench (8 clients): ${pgbenchTps} tps`);
}

/** A child bench's figures: the last line of its output, one JSON object. */
function childFigures(script: string): Record<string, unknown> | null {
  log(`running ${script}`);
  const r = spawnSync(process.execPath, [script], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(r.stdout);
  const last = r.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return r.status === 0 ? (JSON.parse(last) as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The performance targets (bench/README.md), each figure beside its target. */
function targets(a: {
  one: { runs: CastResult[]; pgbenchTps8Clients: number | null };
  two: { runs: CastResult[]; pgbenchTps8Clients: number | null };
  tellers: Record<string, unknown> | null;
}) {
  const windows = a.one.runs.filter((r) => r.spreadMs > 0);
  const burst = a.one.runs.find((r) => r.spreadMs === 0)!;
  const twoBurst = a.two.runs.find((r) => r.spreadMs === 0);
  const pg = a.one.pgbenchTps8Clients;
  const all = [...a.one.runs, ...a.two.runs];
  const rows: { what: string; figure: string; target: string; met: boolean | null }[] = [
    ...windows.map((r, i) => ({
      what: `p99 acknowledgement, casts over ${r.spreadMs / 1000} s, run ${i + 1}`,
      figure: `${r.p99Ms} ms`,
      target: '≤ 150 ms',
      met: r.p99Ms <= 150,
    })),
    {
      what: 'burst: acknowledged ballots/s ÷ pgbench tps (same row, same database)',
      figure: pg
        ? `${burst.ackedPerSecond} / ${pg} = ${(burst.ackedPerSecond / pg).toFixed(2)}`
        : '—',
      target: '≥ 0.5',
      met: pg ? burst.ackedPerSecond / pg >= 0.5 : null,
    },
    {
      what: `close → result, ${TABLETS} ballots (custodian key, in the api)`,
      figure: `${Math.max(...a.one.runs.map((r) => r.closeMs))} ms (worst run)`,
      target: '≤ 200 ms',
      met: Math.max(...a.one.runs.map((r) => r.closeMs)) <= 200,
    },
    {
      what: `close → poll:result on the last of ${TABLETS} tablets (worst run)`,
      figure: `${Math.max(...a.one.runs.map((r) => r.resultOnLastTabletMs ?? Infinity))} ms`,
      // Design target: the hall has the result within 500 ms of the tally (the close's answer).
      target: '≤ close + 500 ms',
      met: a.one.runs.every(
        (r) => r.resultOnTablets === TABLETS && r.resultOnLastTabletMs! <= r.closeMs + 500,
      ),
    },
    {
      what: `api RSS after ${TABLETS} ballots, ${TABLETS} sockets connected (first run)`,
      figure: `${a.one.runs[0]!.apiRssMbAfterCasting} MB`,
      target: '≤ 400 MB',
      met: a.one.runs[0]!.apiRssMbAfterCasting <= 400,
    },
    {
      what: 'none lost, none doubled (every run)',
      figure: `${all.reduce((n, r) => n + r.lost, 0)} lost, ${all.reduce((n, r) => n + r.duplicated, 0)} doubled`,
      target: '0, 0',
      met: all.every((r) => r.lost === 0 && r.duplicated === 0 && r.acknowledged === TABLETS),
    },
    ...(twoBurst
      ? [
          {
            what: 'two api processes: burst acknowledged/s (beside one process)',
            figure: `${twoBurst.ackedPerSecond} (one process: ${burst.ackedPerSecond})`,
            target: '—',
            met: null,
          },
        ]
      : []),
    {
      what: `close with tellers → result on the last tablet (${TABLETS} ballots, 3 tellers, t = 2)`,
      figure: a.tellers ? `${String(a.tellers.closeToLastResultMs)} ms` : 'did not run',
      target: '≤ 5,000 ms',
      met: a.tellers ? Number(a.tellers.closeToLastResultMs) <= 5000 : false,
    },
    {
      // The close's answer, plus from the threshold partial's arrival to the result decided (on
      // the first tablet): what the api adds to the tellers' own time.
      what: 'close with tellers: the api share (close request + threshold partial → result)',
      figure: a.tellers
        ? `${String(a.tellers.closeRequestMs)} + ${String(a.tellers.thresholdPartialToFirstResultMs)} ms`
        : 'did not run',
      target: '≤ 200 ms',
      met: a.tellers
        ? Number(a.tellers.closeRequestMs) + Number(a.tellers.thresholdPartialToFirstResultMs) <=
          200
        : false,
    },
  ];
  console.log('\nfigure | measured | target | met');
  for (const r of rows)
    console.log(
      `${r.what} | ${r.figure} | ${r.target} | ${r.met === null ? '—' : r.met ? 'yes' : 'NO'}`,
    );
  return rows;
}

async function main(): Promise<void> {
  const scenario = (process.argv[2] ?? 'all') as Scenario;
  if (!SCENARIOS.includes(scenario)) {
    console.error(`usage: npm run bench [-- <${SCENARIOS.join('|')}>]`);
    process.exit(2);
  }
  if (scenario === 'load') {
    const r = spawnSync(process.execPath, ['dist/bench/ballots-load.bench.js'], {
      stdio: 'inherit',
    });
    process.exit(r.status ?? 1);
  }
  const header = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    tablets: TABLETS,
  };
  if (scenario === 'all') {
    const generators = Number(env.GENERATORS ?? 4);
    const mode = (env.MODE ?? 'raw') as GeneratorMode;
    const spreadMs = Number(env.WINDOW_MS ?? 10_000);
    const window = { generators, mode, spreadMs };
    const burst = { generators, mode, spreadMs: 0 };
    log('one api process: window × 3, burst');
    const one = await runPlans([window, window, window, burst], 1);
    log('two api processes behind the postgres adapter: window, burst');
    const two = await runPlans([window, burst], 2);
    const tellers = childFigures('dist/bench/tellers-close.bench.js');
    const rows = targets({ one, two, tellers });
    console.log(
      JSON.stringify({
        bench: 'all',
        ...header,
        loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 10) / 10),
        targets: rows,
        oneProcess: one,
        twoProcesses: two,
        tellersClose: tellers,
      }),
    );
    return;
  }
  const todo = plans(scenario);
  const processes = scenario === 'processes' ? Number(env.API_PROCESSES ?? 2) : 1;
  const { runs, pgbenchTps8Clients } = await runPlans(todo, processes);
  console.log(
    JSON.stringify({
      bench: `ballots-${scenario}`,
      ...header,
      loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 10) / 10),
      runs,
      pgbenchTps8Clients,
    }),
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
