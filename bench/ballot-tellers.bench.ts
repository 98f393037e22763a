/**
 * Speed of the tellers' side of libs/ballot: the key ceremony (3 tellers, t = 2), sealing a share
 * under a passphrase, and closing a 2,000-ballot motion with 2 of the 3 tellers. Run compiled:
 *   npx tsc -p tsconfig.build.json && node dist/bench/ballot-tellers.bench.js
 * Environment: BALLOT_BENCH_N (ballots, default 2000), BALLOT_BENCH_RUNS (ceremony runs, 5).
 * The last line of output is one JSON object.
 */
import { cpus, loadavg } from 'node:os';
import {
  ballotShape,
  ceremonyRound1,
  ceremonyRound2,
  combinePartials,
  decryptAsTeller,
  encryptBallot,
  finalizeKey,
  finishRecord,
  marks,
  openTellerSecret,
  partialDecrypt,
  pollKey,
  prepareClose,
  receiveShares,
  sealTellerSecret,
  verifyBallots,
  verifyCeremonyTranscript,
  verifyElectionRecordV2,
  verifyPartialDecryption,
  type CeremonyParams,
  type CeremonyTranscript,
} from '../libs/ballot/src/index.js';
import { DEMO_POLL } from '../libs/ballot/src/testing-record.js';
import { sortCredentials } from '../libs/ballot/src/record-poll.js';
import { boardKeyPair } from '../libs/ballot/src/board.js';

const N = Number(process.env.BALLOT_BENCH_N ?? 2000);
const RUNS = Number(process.env.BALLOT_BENCH_RUNS ?? 5);
const P: CeremonyParams = { ceremonyId: 'bench ceremony', threshold: 2, tellers: 3 };

const now = () => performance.now();
const round = (x: number) => Math.round(x * 10) / 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** CPU time of the process (user + system) in ms: the measure that a busy shared host distorts least. */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** CPU ms of every timed step, by the order they ran in (printed with the wall times). */
const cpuLog: Record<string, number> = {};

function time<T>(f: () => T, label?: string): [T, number] {
  const t = now();
  const c = cpu();
  const v = f();
  if (label) cpuLog[label] = round(cpu() - c);
  return [v, now() - t];
}

async function timeAsync<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t = now();
  const v = await f();
  return [v, now() - t];
}

/** One ceremony, every teller's round timed separately (each would run on its own device). */
function ceremony(run: number) {
  const t = { round1: 0, round2: 0, receive: 0, finalize: 0, transcript: 0 };
  const ones = [1, 2, 3].map((index) => {
    const [o, ms] = time(() =>
      ceremonyRound1({ ...P, ceremonyId: `${P.ceremonyId} ${run}`, index }),
    );
    t.round1 = Math.max(t.round1, ms);
    return o;
  });
  const round1 = ones.map((o) => o.message);
  const round2 = ones.map((o) => {
    const [r, ms] = time(() => ceremonyRound2(o.state, round1).message);
    t.round2 = Math.max(t.round2, ms);
    return r;
  });
  const finals = ones.map((o) => {
    const [got, ms1] = time(() => receiveShares(o.state, round1, round2));
    const [f, ms2] = time(() => finalizeKey(o.state, round1, got));
    t.receive = Math.max(t.receive, ms1);
    t.finalize = Math.max(t.finalize, ms2);
    return f;
  });
  const transcript: CeremonyTranscript = {
    version: 2,
    ...P,
    ceremonyId: `${P.ceremonyId} ${run}`,
    round1,
    round2,
    complaints: [],
    acks: finals.map((f) => f.ack),
  };
  t.transcript = time(() => verifyCeremonyTranscript(transcript))[1];
  return { t, key: finals[0].key, secrets: finals.map((f) => f.secret), transcript };
}

async function main() {
  const out: Record<string, unknown> = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model,
    cores: cpus().length,
    loadavg: loadavg().map(round),
    N,
  };
  // Key ceremony: slowest teller per round, median over RUNS ceremonies.
  const c0 = cpu();
  const runs = Array.from({ length: RUNS }, (_, i) => ceremony(i));
  cpuLog['whole ceremony, all 3 tellers + transcript check (mean)'] = round((cpu() - c0) / RUNS);
  const per = (k: keyof (typeof runs)[0]['t']) => round(median(runs.map((r) => r.t[k])));
  out.ceremony = {
    round1: per('round1'),
    round2: per('round2'),
    receiveShares: per('receive'),
    finalizeKey: per('finalize'),
    verifyTranscript: per('transcript'),
  };
  console.log('ceremony (ms, slowest teller per round, median of', RUNS, 'runs):', out.ceremony);

  const { key: ck, secrets, transcript } = runs[0];
  const [sealed, seal] = await timeAsync(() => sealTellerSecret(secrets[0], 'bench passphrase'));
  const [, open] = await timeAsync(() => openTellerSecret(sealed, 'bench passphrase', ck));
  out.custody = { seal: round(seal), open: round(open) };
  console.log('custody (ms, scrypt N=2^15 r=8):', out.custody);

  // A 2,000-ballot motion under the tellers' key.
  const poll = DEMO_POLL;
  const key = pollKey(poll.pollId, ck);
  const shape = ballotShape({ questions: [{ kind: 'motion' }] });
  const credentials = Array.from({ length: N }, (_, i) => `cred-${String(i).padStart(5, '0')}`);
  const choices = credentials.map((_, i) => i % 3);
  const t0 = now();
  const entries = credentials.map((voter, i) => ({
    ballot: encryptBallot({ key, shape, voter, choices: [marks(3, choices[i])] }).ballot,
    receivedAt: '2026-11-21T06:30:00.000Z',
  }));
  console.log(`encrypted ${N} ballots in ${round(now() - t0)} ms (setup, not timed below)`);
  const { tally } = verifyBallots(
    { key, shape },
    entries.map((e) => ({ ballot: e.ballot })),
  );

  const [partials, decrypt] = time(
    () => [0, 2].map((i) => partialDecrypt(key, shape, secrets[i], tally)),
    'partialDecrypt x2',
  );
  const [, verifyOne] = time(
    () => verifyPartialDecryption(key, shape, tally, partials[0]),
    'verifyOnePartial',
  );
  const [combined, combine] = time(
    () => combinePartials(key, shape, tally, partials),
    'combineTwoOfThree',
  );
  const expect = [0, 1, 2].map((c) => choices.filter((x) => x === c).length);
  if (JSON.stringify(combined.result.counts) !== JSON.stringify([expect]))
    throw new Error(`wrong counts ${JSON.stringify(combined.result.counts)}`);
  const [, deviceCheck] = time(
    () =>
      decryptAsTeller({
        key,
        shape,
        secret: secrets[1],
        tally,
        counted: entries.map((e) => ({ ballot: e.ballot, voter: e.ballot.voter })),
      }),
    'tellerDeviceReverifiesBoard',
  );
  out.close = {
    partialDecryptPerTeller: round(decrypt / 2),
    verifyOnePartial: round(verifyOne),
    combineTwoOfThree: round(combine),
    serverCloseAfterPartials: round(combine),
    tellerDeviceReverifiesBoard: round(deviceCheck),
  };
  console.log('close (ms):', out.close);

  // The whole record: prepareClose (re-verifies every ballot), finishRecord, and the verifier.
  const issued = { count: N, credentials: sortCredentials(credentials) };
  const [prepared, prep] = time(
    () =>
      prepareClose({
        poll,
        key: { mode: 'tellers', ceremony: transcript },
        issued,
        boardKey: boardKeyPair().publicKey,
        entries,
      }),
    'prepareClose',
  );
  const [record, finish] = time(
    () =>
      finishRecord(
        prepared,
        [0, 1].map((i) => partialDecrypt(key, shape, secrets[i], prepared.record.tally)),
        { total: N, present: N },
      ),
    'finishRecord',
  );
  const [report, verify] = time(() => verifyElectionRecordV2(record), 'verifyRecord');
  if (!report.ok) throw new Error(`record failed: ${JSON.stringify(report.firstFailure)}`);
  out.record = {
    prepareClose: round(prep),
    finishRecord: round(finish),
    verifyRecord: round(verify),
    jsonBytes: JSON.stringify(record).length,
  };
  console.log('record (ms):', out.record);
  out.cpuMs = cpuLog;
  console.log('CPU time of the same steps (ms):', cpuLog);
  console.log(JSON.stringify(out));
}

void main();
