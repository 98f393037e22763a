// `npm run bench -- <scenario>`: one named load scenario against one api process, with the
// tablets spread over generator processes (bench/loadgen). Scenarios:
//   generators  bursts with 1, 2 and 4 generator processes (GENERATOR_COUNTS), raw frames and
//               socket.io-client (MODES): does adding generators still raise the figure?
//   burst       every tablet casts at the same moment (GENERATORS=4, MODE=raw)
//   window      casts spread over WINDOW_MS (10,000), RUNS times (1) in a row: p50 / p99
//   load        the one-process bench of issue 7 (dist/bench/ballots-load.bench.js)
// Environment: TABLETS (2000), PROFILE=1 (profile the api's main thread during each cast phase,
// files under data/bench-profiles/), API_NODE_FLAGS (extra node flags for the api, e.g.
// "--cpu-prof --cpu-prof-dir=/tmp/prof"), HEAP_SNAPSHOT=1 (a heap snapshot of the api after each
// close), PGBENCH=0 (skip pgbench), EMBEDDED_PG_PORT, DATABASE_URL.
// The last line of output is one JSON object with every figure.
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { printSummary, summarise } from './cpuprofile-summary.js';
import {
  type Congress,
  cpuMs,
  heapSnapshot,
  log,
  pgbench,
  rssMb,
  startCongress,
} from './loadgen/congress.js';
import { Generators } from './loadgen/generators.js';
import type { GeneratorMode } from './loadgen/protocol.js';
import { ApiProfiler } from './loadgen/profiler.js';

const SCENARIOS = ['generators', 'burst', 'window', 'load'] as const;
type Scenario = (typeof SCENARIOS)[number];

const env = process.env;
const TABLETS = Number(env.TABLETS ?? 2000);
const PROFILE = env.PROFILE === '1';
// A heap snapshot of the api after each run's close (node's --heapsnapshot-signal), to read what
// holds its memory: files in data/bench-profiles/.
const HEAP_SNAPSHOT = env.HEAP_SNAPSHOT === '1';
const SNAPSHOT_DIR = 'data/bench-profiles';
const list = (s: string) => s.split(',').map((x) => x.trim());

interface Plan {
  generators: number;
  mode: GeneratorMode;
  spreadMs: number;
}

function plans(scenario: Exclude<Scenario, 'load'>): Plan[] {
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
    case 'window':
      return Array.from({ length: Number(env.RUNS ?? 1) }, () => ({
        generators,
        mode,
        spreadMs: Number(env.WINDOW_MS ?? 10_000),
      }));
  }
}

/** Opens a poll on `itemId`, lets the generators prepare and cast, closes it, checks the board. */
async function castRun(c: Congress, plan: Plan, itemId: string, profiler: ApiProfiler | null) {
  const label = `${plan.mode} × ${plan.generators}${plan.spreadMs ? `, over ${plan.spreadMs} ms` : ', burst'}`;
  log(`${label}: connecting ${c.tokens.length} tablets`);
  const gens = await Generators.start({
    count: plan.generators,
    mode: plan.mode,
    base: c.base,
    sessionId: c.sessionId,
    tokens: c.tokens,
  });
  try {
    const rssConnected = rssMb(c.api.pid!);
    const poll = await c.call('POST', '/polls', c.staff, { itemId, keyMode: 'custodian' });
    const { encryptMs } = await gens.prepare(poll.id as string);
    log(`${label}: ballots encrypted in ${encryptMs} ms; casting`);
    const loadBefore = os.loadavg()[0]!;
    await profiler?.start();
    const cpuBefore = cpuMs(c.api.pid!);
    const run = await gens.cast(plan.spreadMs);
    const apiCpuMs = cpuMs(c.api.pid!) - cpuBefore;
    const profileFile = `data/bench-profiles/${new Date().toISOString().replace(/[:.]/g, '-')}-${plan.mode}-${plan.generators}.cpuprofile`;
    const profile = profiler ? await profiler.stop(profileFile) : null;
    const loadAfter = os.loadavg()[0]!;
    const rssCast = rssMb(c.api.pid!);
    const t0 = performance.now();
    const cpuBeforeClose = cpuMs(c.api.pid!);
    await c.call('POST', `/polls/${poll.id}/close`, c.staff);
    const closeMs = Math.round(performance.now() - t0);
    // CPU the api used for the close (all threads): unlike the wall time, not stretched by the
    // other processes on the machine.
    const closeApiCpuMs = cpuMs(c.api.pid!) - cpuBeforeClose;
    const rssClosed = rssMb(c.api.pid!);
    const snapshot = HEAP_SNAPSHOT ? await heapSnapshot(c.api.pid!, SNAPSHOT_DIR) : undefined;
    const stored = (
      await c.db.query<{ tracker: string }>(`SELECT tracker FROM poll_ballots WHERE poll_id = $1`, [
        poll.id,
      ])
    ).rows.map((r) => r.tracker);
    const storedSet = new Set(stored);
    const { trackers, ...figures } = run;
    const result = {
      mode: plan.mode,
      generators: plan.generators,
      spreadMs: plan.spreadMs,
      ...figures,
      stored: stored.length,
      lost: trackers.filter((t) => !storedSet.has(t)).length,
      duplicated: stored.length - storedSet.size,
      closeMs,
      closeApiCpuMs,
      encryptMs,
      // The api's CPU (all threads) per acknowledged ballot during the cast phase, and as a share
      // of the cast phase's wall time (2 = both cores of this machine the whole time).
      apiCpuMsPerAck: run.acknowledged
        ? Math.round((apiCpuMs / run.acknowledged) * 100) / 100
        : null,
      apiCores: run.wallMs ? Math.round((apiCpuMs / run.wallMs) * 100) / 100 : null,
      apiRssMbConnected: rssConnected.now,
      apiRssMbAfterCasting: rssCast.now,
      apiRssMbAfterClose: rssClosed.now,
      heapSnapshot: snapshot,
      loadAverage: [loadBefore, loadAfter].map((x) => Math.round(x * 10) / 10),
      profile: profile ? profileFile : undefined,
    };
    log(
      `${label}: ${result.acknowledged}/${TABLETS} acked, ${result.ackedPerSecond}/s, ` +
        `p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, lost ${result.lost}, doubled ${result.duplicated}, ` +
        `load ${result.loadAverage.join(' → ')}`,
    );
    if (profile) printSummary(summarise(profile, 15));
    return result;
  } finally {
    await gens.stop();
  }
}

async function main(): Promise<void> {
  const scenario = process.argv[2] as Scenario;
  if (!SCENARIOS.includes(scenario)) {
    console.error(`usage: npm run bench -- <${SCENARIOS.join('|')}>`);
    process.exit(2);
  }
  if (scenario === 'load') {
    const r = spawnSync(process.execPath, ['dist/bench/ballots-load.bench.js'], {
      stdio: 'inherit',
    });
    process.exit(r.status ?? 1);
  }
  const todo = plans(scenario);
  const c = await startCongress({
    tablets: TABLETS,
    items: todo.length,
    inspect: PROFILE,
    apiFlags: [
      ...(env.API_NODE_FLAGS ?? '').split(' ').filter(Boolean),
      ...(HEAP_SNAPSHOT
        ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${path.resolve(SNAPSHOT_DIR)}`]
        : []),
    ],
  });
  const profiler = c.inspectPort ? await ApiProfiler.attach(c.inspectPort) : null;
  try {
    const runs = [];
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
    console.log('\nmode    gen  acked/s  p50 ms  p99 ms  max ms  acked  lost  dup  load');
    for (const r of runs)
      console.log(
        [
          r.mode.padEnd(7),
          String(r.generators).padStart(3),
          String(r.ackedPerSecond).padStart(8),
          String(r.p50Ms).padStart(7),
          String(r.p99Ms).padStart(7),
          String(r.maxMs).padStart(7),
          String(r.acknowledged).padStart(6),
          String(r.lost).padStart(5),
          String(r.duplicated).padStart(4),
          ` ${r.loadAverage.join('→')}`,
        ].join(' '),
      );
    if (pgbenchTps8Clients) console.log(`pgbench (8 clients): ${pgbenchTps8Clients} tps`);
    console.log(
      JSON.stringify({
        bench: `ballots-${scenario}`,
        date: new Date().toISOString(),
        node: process.version,
        cpus: os.cpus().length,
        loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 10) / 10),
        tablets: TABLETS,
        runs,
        pgbenchTps8Clients,
      }),
    );
  } finally {
    profiler?.close();
    await c.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
