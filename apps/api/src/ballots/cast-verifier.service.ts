import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Tinypool } from 'tinypool';
import { AppConfig } from '../config/app-config.js';
import {
  type BallotCheck,
  type BallotVerdict,
  checkBallot,
  type PollVerifier,
  preparePoll,
  warmUp,
} from './ballot-check.js';

// The compiled worker (dist/), next to this file. Jest runs the TypeScript sources, where it is
// absent: tests run with BALLOT_VERIFY_THREADS=0 (in the calling thread).
const WORKER = new URL('./ballot-check.js', import.meta.url);

// Ballots handed to a verifier thread at a time. With one, the thread idled after each ballot
// until the event loop read its answer and posted the next: at the start of a casting, with the
// event loop busy, the thread ran at a third of a core while ballots waited, the tail of the
// acknowledgements (bench/README.md, seventh round). It now always has the next ones in hand.
const BALLOTS_IN_HAND = 16;

/**
 * Verifies each ballot's proofs as it arrives, on a pool of worker threads (tinypool), so a bad
 * ballot is refused before it is stored and the close has nothing left to verify. A ballot costs
 * about 2.5 ms of libsodium CPU (bench/README.md); the event loop only posts it and awaits.
 */
@Injectable()
export class CastVerifier implements OnModuleInit, OnModuleDestroy {
  private readonly pool: Tinypool | undefined;
  private readonly threads: number;
  private readonly logger = new Logger('Ballots');

  constructor(config: AppConfig) {
    // One core is left to the event loop (sockets, the batches' transactions, the receipts'
    // signatures) and PostgreSQL: on 2 cores one verifier thread kept pace with 200 casts a second
    // and a burst as two did, ~40 MB smaller (bench/README.md, fifth round).
    const threads = (this.threads =
      config.ballotVerifyThreads ?? Math.max(1, availableParallelism() - 1));
    if (threads > 0) {
      const file = fileURLToPath(WORKER);
      if (!existsSync(file))
        throw new Error(`${file} not found: run \`npm run build\`, or set BALLOT_VERIFY_THREADS=0`);
      this.pool = new Tinypool({
        filename: WORKER.href,
        minThreads: threads,
        maxThreads: threads,
        concurrentTasksPerWorker: BALLOTS_IN_HAND,
      });
    }
  }

  /**
   * Warms every worker thread (libsodium loaded, the verifier's code compiled) in the background
   * while the api starts: one warm-up task per thread, all at once, so each thread takes one.
   */
  onModuleInit(): void {
    const pool = this.pool;
    if (!pool) return;
    const started = performance.now();
    Promise.all(Array.from({ length: this.threads }, () => pool.run({}, { name: warmUp.name })))
      .then(() =>
        this.logger.log(
          { threads: this.threads, ms: Math.round(performance.now() - started) },
          'ballot verifier threads warmed up',
        ),
      )
      // A failed warm-up costs the first ballots' speed only; the casts still verify.
      .catch((err: unknown) => this.logger.warn({ err }, 'ballot verifier warm-up failed'));
  }

  /** Builds the poll's verifier in every thread now, before its first ballot. */
  async prepare(poll: PollVerifier): Promise<void> {
    const pool = this.pool;
    if (!pool) return preparePoll(poll);
    // Idle threads are given a task each before any is given a second (tinypool's choice).
    await Promise.all(
      Array.from({ length: this.threads }, () => pool.run(poll, { name: preparePoll.name })),
    );
  }

  verify(check: BallotCheck): Promise<BallotVerdict> {
    return this.pool ? (this.pool.run(check) as Promise<BallotVerdict>) : checkBallot(check);
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.destroy();
  }
}
