// The load generator's parent: forks `count` worker processes (separate event loops and heaps),
// gives each a contiguous share of the tablets, and coordinates them: connect, prepare (encrypt
// before the burst), then one barrier time at which all start casting; it merges their raw
// latencies exactly (latency.ts).
import { type ChildProcess, fork } from 'node:child_process';
import { mergeShares, type MergedRun, type ShareResult } from './latency.js';
import type { FromWorker, GeneratorMode, ToWorker } from './protocol.js';

const WORKER = new URL('./worker.js', import.meta.url);

function request<T extends FromWorker['type']>(
  child: ChildProcess,
  message: ToWorker,
  reply: T,
): Promise<Extract<FromWorker, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: FromWorker) => {
      if (m.type === reply) done(() => resolve(m as Extract<FromWorker, { type: T }>));
      else if (m.type === 'error')
        done(() => reject(new Error(`generator ${child.pid}: ${m.message}`)));
    };
    const onExit = (code: number | null) =>
      done(() => reject(new Error(`generator ${child.pid} exited (${code}) before '${reply}'`)));
    const done = (settle: () => void) => {
      child.off('message', onMessage);
      child.off('exit', onExit);
      settle();
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
    child.send(message);
  });
}

export class Generators {
  private constructor(
    private readonly children: ChildProcess[],
    readonly mode: GeneratorMode,
  ) {}

  /**
   * Forks `count` processes and connects `tokens` (one tablet each) spread over them; generator k
   * talks to api process `bases[k % bases.length]`.
   */
  static async start(opts: {
    count: number;
    mode: GeneratorMode;
    bases: string[];
    sessionId: string;
    tokens: string[];
  }): Promise<Generators> {
    const { count, tokens } = opts;
    const children = Array.from({ length: count }, () =>
      fork(WORKER, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
    );
    const per = Math.ceil(tokens.length / count);
    await Promise.all(
      children.map((child, k) =>
        request(
          child,
          {
            type: 'connect',
            base: opts.bases[k % opts.bases.length]!,
            sessionId: opts.sessionId,
            mode: opts.mode,
            tokens: tokens.slice(k * per, (k + 1) * per),
            firstIndex: k * per,
            total: tokens.length,
          },
          'connected',
        ),
      ),
    );
    return new Generators(children, opts.mode);
  }

  get pids(): number[] {
    return this.children.map((c) => c.pid!);
  }

  /**
   * Every tablet reads the session's polls at the same moment, as after the hall's Wi-Fi comes back (`stateMs`: the
   * first asked to the last answered, across the processes), then encrypts its ballot.
   */
  async prepare(pollId: string): Promise<{ encryptMs: number; stateMs: number }> {
    const replies = await Promise.all(
      this.children.map((c) => request(c, { type: 'prepare', pollId }, 'prepared')),
    );
    const first = Math.min(...replies.map((r) => r.stateAskedAt));
    const last = Math.max(...replies.map((r) => r.stateAnsweredAt));
    return {
      encryptMs: Math.max(...replies.map((r) => r.encryptMs)),
      stateMs: Math.round(last - first),
    };
  }

  /**
   * Casts every prepared ballot: all at one moment (`spreadMs` 0, the burst) or tablet g of N at
   * g/N·spreadMs. Every process starts at the same barrier time, `leadMs` from now.
   */
  async cast(spreadMs: number, timeoutMs = 60_000, leadMs = 300): Promise<MergedRun> {
    const startAt = performance.timeOrigin + performance.now() + leadMs;
    const shares: ShareResult[] = (
      await Promise.all(
        this.children.map((c) =>
          request(c, { type: 'go', startAt, spreadMs, timeoutMs }, 'result'),
        ),
      )
    ).map((r) => r.share);
    return mergeShares(shares);
  }

  /**
   * Waits until every tablet has had the poll's `poll:result` (or `timeoutMs` passed): how many
   * had it, and when the last did (epoch ms, NaN when none).
   */
  async results(pollId: string, timeoutMs = 10_000): Promise<{ received: number; lastAt: number }> {
    const replies = await Promise.all(
      this.children.map((c) => request(c, { type: 'results', pollId, timeoutMs }, 'results')),
    );
    const arrived = replies.filter((r) => r.received > 0);
    return {
      received: replies.reduce((n, r) => n + r.received, 0),
      lastAt: arrived.length ? Math.max(...arrived.map((r) => r.lastAt)) : NaN,
    };
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.children.map(async (c) => {
        if (c.exitCode !== null) return;
        const exited = new Promise((r) => c.once('exit', r));
        c.send({ type: 'exit' } satisfies ToWorker);
        const timer = setTimeout(() => c.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }),
    );
  }
}
