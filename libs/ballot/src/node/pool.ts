/**
 * BallotVerifierPool: verifies ballots on worker threads (one per core by default) and returns
 * each ballot's verdict and the encrypted sum of the valid ones. Ballots are cut into chunks that
 * idle workers pull, so a slow chunk (one with a forged ballot) does not hold the others up.
 * Feed it ballots as they arrive and add the partial tallies (addTallies): little is left for the
 * close of the poll.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { BallotError } from '../errors.js';
import type { BatchItem } from '../batch.js';
import type { ElectionKey } from '../keys.js';
import { checkShape, type BallotShape } from '../shape.js';
import { addTallies, emptyTally, type EncryptedTally } from '../tally.js';
import { chunkVerifier, type ChunkResult, type ChunkVerifier, type Engine } from './chunk.js';

type RequestBody =
  | { type: 'init'; key: ElectionKey; shape: BallotShape; engine: Engine; warmUp: boolean }
  | { type: 'verify'; items: BatchItem[]; offset: number };

export type WorkerRequest = RequestBody & { id: number };

export type WorkerReply =
  | { id: number; type: 'ready' }
  | { id: number; type: 'result'; result: ChunkResult }
  | { id: number; type: 'error'; message: string };

export interface PoolOptions {
  key: ElectionKey;
  shape: BallotShape;
  /** Worker threads; default os.availableParallelism(). 0 verifies in the calling thread. */
  threads?: number;
  /** Default `sodium`. */
  engine?: Engine;
  /** Ballots per chunk handed to a worker; default 50. */
  chunkSize?: number;
  /** Verify a few throwaway ballots in each worker at start so the first real chunk is not slow. Default true. */
  warmUp?: boolean;
}

export type PoolOutcome =
  { ok: true; tracker: string } | { ok: false; error: BallotError; tracker?: string };

export interface PoolResult {
  outcomes: PoolOutcome[];
  /** Encrypted sum of the ballots that verified. */
  tally: EncryptedTally;
  /** How many verified. */
  valid: number;
}

class WorkerHandle {
  private readonly pending = new Map<number, (r: WorkerReply) => void>();
  private failed: Error | undefined;
  private nextId = 1;

  constructor(readonly worker: Worker) {
    worker.on('message', (r: WorkerReply) => {
      const done = this.pending.get(r.id);
      this.pending.delete(r.id);
      done?.(r);
    });
    const fail = (err: Error) => {
      this.failed = err;
      for (const done of this.pending.values())
        done({ id: 0, type: 'error', message: err.message });
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`ballot verifier worker exited (${code})`)));
  }

  request(msg: RequestBody): Promise<WorkerReply> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ ...msg, id });
    });
  }
}

/** Where the compiled worker lives (next to this file in dist/). */
export const WORKER_URL = new URL('./verify-worker.js', import.meta.url);

export class BallotVerifierPool {
  private constructor(
    private readonly key: ElectionKey,
    private readonly shape: BallotShape,
    private readonly chunkSize: number,
    private readonly workers: WorkerHandle[],
    private readonly local: ChunkVerifier | undefined,
  ) {}

  static async create(opts: PoolOptions): Promise<BallotVerifierPool> {
    const engine = opts.engine ?? 'sodium';
    const threads = opts.threads ?? availableParallelism();
    const chunkSize = Math.max(1, opts.chunkSize ?? 50);
    checkShape(opts.shape);
    if (threads <= 0) {
      const local = await chunkVerifier(opts.key, opts.shape, engine, opts.warmUp ?? false);
      return new BallotVerifierPool(opts.key, opts.shape, chunkSize, [], local);
    }
    if (!existsSync(fileURLToPath(WORKER_URL)))
      throw new Error(
        `${fileURLToPath(WORKER_URL)} not found: worker threads need the compiled library (npm run build), or use threads: 0`,
      );
    const workers = Array.from({ length: threads }, () => new WorkerHandle(new Worker(WORKER_URL)));
    const pool = new BallotVerifierPool(opts.key, opts.shape, chunkSize, workers, undefined);
    try {
      await Promise.all(
        workers.map((w) =>
          pool.expect(
            w.request({
              type: 'init',
              key: opts.key,
              shape: opts.shape,
              engine,
              warmUp: opts.warmUp ?? true,
            }),
            'ready',
          ),
        ),
      );
    } catch (e) {
      await pool.close();
      throw e;
    }
    return pool;
  }

  private async expect<T extends WorkerReply['type']>(
    p: Promise<WorkerReply>,
    type: T,
  ): Promise<Extract<WorkerReply, { type: T }>> {
    const r = await p;
    if (r.type === 'error') throw new Error(`ballot verifier worker: ${r.message}`);
    if (r.type !== type) throw new Error(`ballot verifier worker: unexpected ${r.type}`);
    return r as Extract<WorkerReply, { type: T }>;
  }

  /** Verifies the ballots and sums the valid ones. Bad ballots are reported, never thrown. */
  async verify(items: readonly BatchItem[]): Promise<PoolResult> {
    const chunks: { offset: number; items: BatchItem[] }[] = [];
    for (let i = 0; i < items.length; i += this.chunkSize)
      chunks.push({ offset: i, items: items.slice(i, i + this.chunkSize) });
    const results: ChunkResult[] = new Array(chunks.length);
    if (this.local) {
      chunks.forEach((c, i) => (results[i] = this.local!.verify(c.items, c.offset)));
    } else {
      let next = 0;
      await Promise.all(
        this.workers.map(async (w) => {
          while (next < chunks.length) {
            const i = next++;
            const r = await this.expect(
              w.request({ type: 'verify', items: chunks[i].items, offset: chunks[i].offset }),
              'result',
            );
            results[i] = r.result;
          }
        }),
      );
    }
    let tally = emptyTally(this.key, this.shape);
    const outcomes: PoolOutcome[] = [];
    let valid = 0;
    for (const r of results) {
      tally = addTallies(this.key, this.shape, tally, r.tally);
      for (const o of r.outcomes) {
        if (o.ok) {
          valid++;
          outcomes.push(o);
        } else
          outcomes.push({
            ok: false,
            error: new BallotError(o.code, o.message, o.detail),
            ...(o.tracker ? { tracker: o.tracker } : {}),
          });
      }
    }
    return { outcomes, tally, valid };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
