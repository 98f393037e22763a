// One load generator process: owns a share of the tablets, connects them, pre-encrypts their
// ballots when told, and casts them at the barrier's time. Started by generators.ts (fork).
import { io, type Socket } from 'socket.io-client';
import {
  ballotShape,
  encryptBallot,
  marks,
  type ElectionKey,
  type PollSpec,
} from '../../libs/ballot/src/index.js';
import { pooled } from '../support.js';
import type { ShareResult } from './latency.js';
import type { FromWorker, GeneratorMode, ToWorker } from './protocol.js';
import { RawSocket } from './raw-socket.js';

type Ack = { ok: boolean; receipt?: { tracker: string }; error?: { code: string } };
interface OpenPoll {
  id: string;
  electionKey: ElectionKey;
  pollSpec: PollSpec;
  voter: string;
}

/** Epoch ms with sub-millisecond resolution, comparable across processes on one machine. */
const now = () => performance.timeOrigin + performance.now();
const send = (m: FromWorker): void => void process.send!(m);

type State = { open: OpenPoll[] };

interface Tablet {
  /** Sends this tablet's prepared cast; resolves with the acknowledgement. */
  cast(): Promise<Ack>;
  /** Reads the session's polls, as a tablet does when it connects again (live.ts resume). */
  state(sessionId: string): Promise<State>;
  prepare(pollId: string, state: State, index: number): Promise<void>;
  close(): void;
}

function rawTablet(s: RawSocket): Tablet {
  let frame = '';
  let id = -1;
  return {
    state: async (sessionId) => (await s.emitWithAck('poll:state', { sessionId })) as State,
    async prepare(pollId, state, index) {
      const ballot = await ballotFor(state, pollId, index);
      id = s.reserveId();
      frame = RawSocket.frame(id, 'poll:cast', { pollId, ballot });
    },
    cast: () => s.sendFrame(frame, id) as Promise<Ack>,
    close: () => s.close(),
  };
}

function clientTablet(s: Socket, timeoutMs: () => number): Tablet {
  let payload: unknown;
  return {
    state: async (sessionId) => (await s.emitWithAck('poll:state', { sessionId })) as State,
    async prepare(pollId, state, index) {
      payload = { pollId, ballot: await ballotFor(state, pollId, index) };
    },
    cast: () =>
      s
        .timeout(timeoutMs())
        .emitWithAck('poll:cast', payload)
        .catch(() => ({ ok: false, error: { code: 'TIMEOUT' } })) as Promise<Ack>,
    close: () => s.disconnect(),
  };
}

/** A motion ballot (for / against / abstain in turn), encrypted as the tablet's worker would. */
async function ballotFor(state: State, pollId: string, index: number) {
  const p = state.open.find((x) => x.id === pollId);
  if (!p) throw new Error(`poll ${pollId} is not open for this tablet`);
  return encryptBallot({
    key: p.electionKey,
    shape: ballotShape(p.pollSpec),
    voter: p.voter,
    choices: [marks(3, index % 3)],
  }).ballot;
}

// Each poll's `poll:result` arrivals on this process's tablets (epoch ms), for the close's figure
// of when the last tablet had the result.
const resultsSeen = new Map<string, number[]>();
let onResultSeen = () => {};
function resultSeen(view: unknown): void {
  const pollId = (view as { id?: string } | null)?.id;
  if (typeof pollId !== 'string') return;
  const seen = resultsSeen.get(pollId) ?? [];
  seen.push(now());
  resultsSeen.set(pollId, seen);
  onResultSeen();
}

async function awaitResults(pollId: string, timeoutMs: number): Promise<number[]> {
  const deadline = now() + timeoutMs;
  const seen = () => resultsSeen.get(pollId) ?? [];
  while (seen().length < tablets.length && now() < deadline)
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.max(0, deadline - now()));
      onResultSeen = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  onResultSeen = () => {};
  return seen();
}

async function connect(base: string, token: string, mode: GeneratorMode, sessionId: string) {
  let timeoutMs = 60_000;
  if (mode === 'raw') {
    const s = await RawSocket.connect(base, token);
    s.on('poll:result', resultSeen);
    await s.emitWithAck('session:join', { sessionId });
    return { tablet: rawTablet(s), setTimeout: (ms: number) => (timeoutMs = ms) };
  }
  const s = io(base, { auth: { token }, transports: ['websocket'], reconnection: false });
  await new Promise<void>((resolve, reject) => {
    s.once('connect', () => resolve());
    s.once('connect_error', reject);
  });
  s.on('poll:result', resultSeen);
  await s.emitWithAck('session:join', { sessionId });
  return {
    tablet: clientTablet(s, () => timeoutMs),
    setTimeout: (ms: number) => (timeoutMs = ms),
  };
}

let tablets: Awaited<ReturnType<typeof connect>>[] = [];
let setup: Extract<ToWorker, { type: 'connect' }>;

async function castAll(startAt: number, spreadMs: number, timeoutMs: number): Promise<ShareResult> {
  const share: ShareResult = {
    latenciesMs: [],
    firstSendAt: NaN,
    lastAckAt: NaN,
    acked: [],
    errors: {},
  };
  tablets.forEach((t) => t.setTimeout(timeoutMs));
  let expire: (a: Ack) => void = () => {};
  const deadline = new Promise<Ack>((resolve) => (expire = resolve));
  const timer = setTimeout(
    () => expire({ ok: false, error: { code: 'TIMEOUT' } }),
    startAt + spreadMs + timeoutMs - now(),
  );
  const one = async ({ tablet }: (typeof tablets)[number]) => {
    const t0 = now();
    if (Number.isNaN(share.firstSendAt)) share.firstSendAt = t0;
    const ack = await Promise.race([tablet.cast(), deadline]);
    const t1 = now();
    share.latenciesMs.push(t1 - t0);
    if (ack.ok && ack.receipt) {
      share.acked.push(ack.receipt.tracker);
      share.lastAckAt = Number.isNaN(share.lastAckAt) ? t1 : Math.max(share.lastAckAt, t1);
    } else {
      const code = ack.error?.code ?? 'UNKNOWN';
      share.errors[code] = (share.errors[code] ?? 0) + 1;
    }
  };
  await new Promise((r) => setTimeout(r, Math.max(0, startAt - now())));
  if (!spreadMs) {
    // The burst: every tablet of this process sends in one turn of the event loop.
    await Promise.all(tablets.map(one));
  } else {
    await Promise.all(
      tablets.map(async (t, i) => {
        const at = startAt + ((setup.firstIndex + i) / setup.total) * spreadMs;
        await new Promise((r) => setTimeout(r, Math.max(0, at - now())));
        await one(t);
      }),
    );
  }
  clearTimeout(timer);
  return share;
}

async function handle(m: ToWorker): Promise<void> {
  switch (m.type) {
    case 'connect':
      setup = m;
      tablets = await pooled(m.tokens, 50, (token) => connect(m.base, token, m.mode, m.sessionId));
      return send({ type: 'connected', count: tablets.length });
    case 'prepare': {
      // Every tablet reads the polls at once, as the hall's tablets do when the Wi-Fi comes back.
      const asked = now();
      const states = await Promise.all(tablets.map(({ tablet }) => tablet.state(setup.sessionId)));
      const answered = now();
      const t0 = performance.now();
      await pooled(tablets, 20, ({ tablet }, i) =>
        tablet.prepare(m.pollId, states[i]!, setup.firstIndex + i),
      );
      return send({
        type: 'prepared',
        count: tablets.length,
        encryptMs: Math.round(performance.now() - t0),
        stateAskedAt: asked,
        stateAnsweredAt: answered,
      });
    }
    case 'go':
      return send({ type: 'result', share: await castAll(m.startAt, m.spreadMs, m.timeoutMs) });
    case 'results': {
      const seen = await awaitResults(m.pollId, m.timeoutMs);
      return send({
        type: 'results',
        received: seen.length,
        firstAt: seen.length ? Math.min(...seen) : NaN,
        lastAt: seen.length ? Math.max(...seen) : NaN,
      });
    }
    case 'exit':
      tablets.forEach(({ tablet }) => tablet.close());
      process.disconnect();
      return;
  }
}

process.on('message', (m: ToWorker) => {
  handle(m).catch((e: unknown) => {
    send({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    process.exitCode = 1;
  });
});
