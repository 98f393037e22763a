// Load test of secret polls (issue 7): N tablets (default 2,000) log in, connect, check in and cast
// one encrypted ballot each inside a window (default 10 s) against ONE api process; then the poll
// is closed, verified, decrypted and decided, and the result broadcast. Beside it, pgbench runs
// the same INSERT on the same PostgreSQL, the ceiling for durable acknowledgements.
//   npm run build && node dist/bench/ballots-load.bench.js        (TABLETS=2000 WINDOW_MS=10000)
// Traffic goes to 127.0.0.1 only. The last line of output is one JSON object with the figures.
import 'reflect-metadata';
import { once } from 'node:events';
import os from 'node:os';
import pg from 'pg';
import { connectTablets, log, pgbench, rssMb, seatCongress, startApi } from './loadgen/congress.js';
import { apiClient, pooled } from './support.js';
import {
  ballotShape,
  encryptBallot,
  marks,
  type ElectionKey,
  type PollSpec,
} from '../libs/ballot/src/index.js';

const N = Number(process.env.TABLETS ?? 2000);
const WINDOW_MS = Number(process.env.WINDOW_MS ?? 10_000);

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function main(): Promise<void> {
  // API_NODE_FLAGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the api alone.
  const started = await startApi({
    apiFlags: (process.env.API_NODE_FLAGS ?? '').split(' ').filter(Boolean),
  });
  const { base, api: child, dbUrl } = started;
  const { call, staff: makeStaff } = apiClient(base);
  const staff = await makeStaff();
  const {
    sessionId,
    itemIds: [itemId, burstItemId],
    tokens,
  } = await seatCongress(base, staff, {
    tablets: N,
    items: [
      { kind: 'approve', title: '审议通过《集体合同（草案）》' },
      { kind: 'decide', title: '审议决定（满负荷）' },
    ],
  });

  const sockets = await connectTablets(base, tokens, sessionId);
  const rssConnected = rssMb(child.pid!);
  log(
    `${sockets.length} tablets connected; api RSS ${rssConnected.now.toFixed(0)} MB (peak ${rssConnected.peak.toFixed(0)} MB)`,
  );

  /** Opens a poll, lets every tablet encrypt its ballot, then casts them all spread over `spreadMs`. */
  const runPoll = async (itemId: string, spreadMs: number) => {
    const poll = await call('POST', '/polls', staff, { itemId, keyMode: 'custodian' });
    const states = await pooled(sockets, 200, (s) =>
      s.emitWithAck('poll:state', { sessionId: sessionId }),
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

  const windowed = await runPoll(itemId!, WINDOW_MS);
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

  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  const stored = (
    await db.query<{ tracker: string }>(`SELECT tracker FROM poll_ballots WHERE poll_id = $1`, [
      poll.id,
    ])
  ).rows.map((r) => r.tracker);
  const lost = [...acked].filter((t) => !stored.includes(t)).length;
  const duplicated = stored.length - new Set(stored).size;
  // Capacity: a second poll where every tablet casts at the same moment.
  const burst = await runPoll(burstItemId!, 0);
  await call('POST', `/polls/${burst.poll.id}/close`, staff);
  const burstStored = Number(
    (
      await db.query<{ n: string }>(`SELECT count(*) AS n FROM poll_ballots WHERE poll_id = $1`, [
        burst.poll.id,
      ])
    ).rows[0]!.n,
  );
  sockets.forEach((s) => s.disconnect());
  child.kill('SIGTERM');
  await once(child, 'exit');
  log('pgbench, same INSERT, same PostgreSQL');
  const ballotJson = JSON.stringify(ballots[0]);
  const pgbench8 = await pgbench({ db, dbUrl }, ballotJson, 8, 10);
  const pgbench1 = await pgbench({ db, dbUrl }, ballotJson, 1, 10);
  await db.end();
  await started.stop();

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
