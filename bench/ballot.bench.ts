/**
 * Speed of libs/ballot. Run compiled:
 *   npx tsc -p tsconfig.build.json && node dist/bench/ballot.bench.js
 * Environment: BALLOT_BENCH_N (ballots in the tally runs, default 2000), BALLOT_BENCH_SKIP_SLOW=1
 * (skip the single-thread noble baselines, ~1 min). The last line of output is one JSON object.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  ballotShape,
  combineDecryptions,
  encryptBallot,
  partialDecrypt,
  sumCiphertexts,
  verifyBallot,
  verifyBallots,
  type Ballot,
  type BallotShape,
  type EncryptedTally,
  type PollSpec,
} from '../libs/ballot/src/index.js';
import { demoElection, type DemoElection } from '../libs/ballot/src/testing.js';
import {
  BallotVerifierPool,
  SodiumGroup,
  loadSodium,
  verifyBallotSodium,
  type Engine,
} from '../libs/ballot/src/node/index.js';
import { verifyElectionKey } from '../libs/ballot/src/keys.js';

const N = Number(process.env.BALLOT_BENCH_N ?? 2000);
const SKIP_SLOW = process.env.BALLOT_BENCH_SKIP_SLOW === '1';
const POLL = 'bench-poll-2026-11-21';

const ms = (t0: number): number => Math.round((performance.now() - t0) * 100) / 100;

function randomChoices(shape: BallotShape): number[][] {
  return shape.questions.map((q) => {
    const v = new Array<number>(q.entries).fill(0);
    const k = q.minMarks + Math.floor(Math.random() * (q.maxMarks - q.minMarks + 1));
    const idx = [...v.keys()].sort(() => Math.random() - 0.5).slice(0, k);
    for (const i of idx) v[i] = 1;
    return v;
  });
}

const kinds: Record<string, PollSpec> = {
  motion: { questions: [{ kind: 'motion' }] },
  election: { questions: [{ kind: 'election', candidates: 9, maxMarks: 5 }] },
  evaluation: { questions: [{ kind: 'evaluation', persons: 6, grades: 4 }] },
  itemByItem: {
    questions: [
      { kind: 'motion' },
      { kind: 'motion' },
      { kind: 'motion' },
      { kind: 'motion' },
      { kind: 'motion' },
    ],
  },
};
const kindLabel: Record<string, string> = {
  motion: 'motion (for/against/abstain)',
  election: 'election (5 of 9 candidates)',
  evaluation: 'evaluation (6 persons × 4 grades)',
  itemByItem: '分项表决 (5 motions on one ballot)',
};

async function perKind(el: DemoElection): Promise<Record<string, Record<string, number>>> {
  const group = new SodiumGroup(await loadSodium());
  const info = verifyElectionKey(el.key);
  const out: Record<string, Record<string, number>> = {};
  for (const [name, spec] of Object.entries(kinds)) {
    const shape = ballotShape(spec);
    const reps = name === 'motion' ? 40 : 10;
    const ballots: Ballot[] = [];
    // warm-up
    verifyBallot(
      encryptBallot({ key: el.key, shape, voter: 'w', choices: randomChoices(shape) }).ballot,
      { key: el.key, shape },
    );
    let t0 = performance.now();
    for (let i = 0; i < reps; i++)
      ballots.push(
        encryptBallot({ key: el.key, shape, voter: `v${i}`, choices: randomChoices(shape) }).ballot,
      );
    const create = ms(t0) / reps;
    t0 = performance.now();
    for (const b of ballots) verifyBallot(b, { key: el.key, shape }, { method: 'direct' });
    const direct = ms(t0) / reps;
    t0 = performance.now();
    for (const b of ballots) verifyBallot(b, { key: el.key, shape });
    const combined = ms(t0) / reps;
    t0 = performance.now();
    for (const b of ballots) verifyBallotSodium(group, b, info, shape);
    const sodium = ms(t0) / reps;
    const bytes = JSON.stringify(ballots[0]).length;
    out[name] = {
      createMs: round(create),
      verifyNobleDirectMs: round(direct),
      verifyNobleCombinedMs: round(combined),
      verifySodiumMs: round(sodium),
      jsonBytes: bytes,
    };
    console.log(
      `${kindLabel[name].padEnd(38)} create ${fmt(create)} ms | verify: noble direct ${fmt(direct)} ms, noble combined ${fmt(combined)} ms, libsodium ${fmt(sodium)} ms | ${bytes} bytes JSON`,
    );
  }
  return out;
}

const round = (x: number): number => Math.round(x * 100) / 100;
const fmt = (x: number): string => x.toFixed(2).padStart(7);

interface Run {
  verifyMs: number;
  tallyMs: number;
  totalMs: number;
  /** CPU time of the whole process (all threads) during verification. */
  verifyCpuMs: number;
  startupMs?: number;
}

/** CPU time (user + system) of the whole process, all threads included. */
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Decrypt with both trustees and check the counts against the plaintext sums. */
function finishTally(
  el: DemoElection,
  shape: BallotShape,
  tally: EncryptedTally,
  expected: number[][],
): number {
  const t0 = performance.now();
  const pds = el.secrets.map((s) => partialDecrypt(el.key, shape, s, tally));
  const result = combineDecryptions(el.key, shape, tally, pds);
  const took = ms(t0);
  if (JSON.stringify(result.counts) !== JSON.stringify(expected))
    throw new Error(
      `tally mismatch: ${JSON.stringify(result.counts)} vs ${JSON.stringify(expected)}`,
    );
  return took;
}

/**
 * How many cores this run really had: the same BigInt loop on 1 and on 2 threads at once. On a
 * shared host the second core is sometimes busy elsewhere; this says how much it was.
 */
async function effectiveCores(threads: number): Promise<number> {
  const code = `const { parentPort } = require('node:worker_threads');
    parentPort.on('message', (n) => { let x = 1n; const p = 2n ** 255n - 19n; for (let i = 0; i < n; i++) x = (x * x + 7n) % p; parentPort.postMessage(String(x).length); });`;
  const run = async (k: number): Promise<number> => {
    const ws = Array.from({ length: k }, () => new Worker(code, { eval: true }));
    await Promise.all(ws.map((w) => new Promise((res) => w.once('online', res))));
    const t0 = performance.now();
    await Promise.all(
      ws.map((w) => new Promise((res) => (w.once('message', res), w.postMessage(300_000)))),
    );
    const took = performance.now() - t0;
    await Promise.all(ws.map((w) => w.terminate()));
    return took;
  };
  const one = await run(1);
  const many = await run(threads);
  return Math.round(((threads * one) / many) * 100) / 100;
}

async function main(): Promise<void> {
  console.log(
    `libs/ballot benchmark — node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), availableParallelism ${availableParallelism()}`,
  );
  const coresBefore = await effectiveCores(availableParallelism());
  console.log(
    `effective cores at start: ${coresBefore} of ${availableParallelism()} (load average ${loadavg()[0].toFixed(2)})`,
  );
  const el = demoElection(POLL, 2);
  console.log(`\nOne ballot of each kind (2 trustees; mean over 10–40 ballots):`);
  const kindsOut = await perKind(el);

  const shape = ballotShape(kinds.motion);
  console.log(`\nEncrypting ${N} motion ballots for the tally runs…`);
  let t0 = performance.now();
  const expected = [[0, 0, 0]];
  const items = Array.from({ length: N }, (_, i) => {
    const choices = randomChoices(shape);
    choices[0].forEach((m, e) => (expected[0][e] += m));
    const voter = `delegate-${i}`;
    return { ballot: encryptBallot({ key: el.key, shape, voter, choices }).ballot, voter };
  });
  console.log(`  ${ms(t0).toFixed(0)} ms`);

  const runs: Record<string, Run> = {};
  const report = (name: string, label: string, r: Run) => {
    runs[name] = r;
    console.log(
      `${label.padEnd(40)} verify ${r.verifyMs.toFixed(0).padStart(6)} ms (CPU ${r.verifyCpuMs.toFixed(0).padStart(6)} ms, ×${(r.verifyCpuMs / r.verifyMs).toFixed(2)}) + decrypt/count ${r.tallyMs.toFixed(0).padStart(3)} ms = ${r.totalMs.toFixed(0).padStart(6)} ms${r.startupMs !== undefined ? ` (pool start with warm-up ${r.startupMs.toFixed(0)} ms, not included)` : ''}`,
    );
  };
  console.log(`\nVerify and tally ${N} motion ballots (wall time):`);

  if (!SKIP_SLOW) {
    for (const method of ['direct', 'combined'] as const) {
      t0 = performance.now();
      const c0 = cpuMs();
      const cts = items.map(
        (it) =>
          verifyBallot(it.ballot, { key: el.key, shape, voter: it.voter }, { method }).ciphertexts,
      );
      const tally = sumCiphertexts(el.key, shape, cts);
      const verifyMs = ms(t0);
      const verifyCpuMs = round(cpuMs() - c0);
      const tallyMs = finishTally(el, shape, tally, expected);
      report(`noble-${method}-1t`, `1 thread, noble, per ballot ${method}`, {
        verifyMs,
        verifyCpuMs,
        tallyMs,
        totalMs: round(verifyMs + tallyMs),
      });
    }
    t0 = performance.now();
    const c0 = cpuMs();
    const batch = verifyBallots({ key: el.key, shape }, items);
    const verifyMs = ms(t0);
    const verifyCpuMs = round(cpuMs() - c0);
    if (!batch.outcomes.every((o) => o.ok)) throw new Error('batch rejected an honest ballot');
    const tallyMs = finishTally(el, shape, batch.tally, expected);
    report('noble-batch-1t', '1 thread, noble, one batch (Pippenger)', {
      verifyMs,
      verifyCpuMs,
      tallyMs,
      totalMs: round(verifyMs + tallyMs),
    });
  }

  const poolRun = async (
    name: string,
    label: string,
    engine: Engine,
    threads: number,
    chunkSize?: number,
  ): Promise<void> => {
    let t = performance.now();
    const pool = await BallotVerifierPool.create({
      key: el.key,
      shape,
      engine,
      threads,
      chunkSize,
    });
    const startupMs = ms(t);
    try {
      t = performance.now();
      const c0 = cpuMs();
      const r = await pool.verify(items);
      const verifyMs = ms(t);
      const verifyCpuMs = round(cpuMs() - c0);
      if (r.valid !== N) throw new Error(`${name}: ${N - r.valid} honest ballots rejected`);
      const tallyMs = finishTally(el, shape, r.tally, expected);
      report(name, label, {
        verifyMs,
        verifyCpuMs,
        tallyMs,
        totalMs: round(verifyMs + tallyMs),
        startupMs,
      });
    } finally {
      await pool.close();
    }
  };
  await poolRun('sodium-direct-1t', '1 thread, libsodium, per ballot', 'sodium-direct', 0);
  await poolRun('sodium-batch-1t', '1 thread, libsodium, batches of 50', 'sodium', 0);
  await poolRun(
    'noble-batch-2w',
    `${availableParallelism()} workers, noble, batches of 250`,
    'noble',
    availableParallelism(),
    250,
  );
  await poolRun(
    'sodium-batch-2w',
    `${availableParallelism()} workers, libsodium, batches of 50`,
    'sodium',
    availableParallelism(),
  );
  const coresAfter = await effectiveCores(availableParallelism());
  console.log(
    `effective cores at end: ${coresAfter} of ${availableParallelism()} (load average ${loadavg()[0].toFixed(2)})`,
  );

  console.log(
    JSON.stringify({
      bench: 'libs/ballot',
      date: new Date().toISOString().slice(0, 10),
      node: process.version,
      cpus: cpus().length,
      effectiveCores: [coresBefore, coresAfter],
      ballots: N,
      trustees: 2,
      perKind: kindsOut,
      tally: runs,
    }),
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
