import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Tinypool } from 'tinypool';
import type { ChunkOutcome } from '../common/ballot.js';
import { AppConfig } from '../config/app-config.js';
import { type BallotCheck, checkBallot } from './ballot-check.js';

// The compiled worker (dist/), next to this file. Jest runs the TypeScript sources, where it is
// absent: tests run with BALLOT_VERIFY_THREADS=0 (in the calling thread).
const WORKER = new URL('./ballot-check.js', import.meta.url);

/**
 * Verifies each ballot's proofs as it arrives, on a pool of worker threads (tinypool), so a bad
 * ballot is refused before it is stored and the close has nothing left to verify. A ballot costs
 * about 2.5 ms of libsodium CPU (bench/README.md); the event loop only posts it and awaits.
 */
@Injectable()
export class CastVerifier implements OnModuleDestroy {
  private readonly pool: Tinypool | undefined;

  constructor(config: AppConfig) {
    const threads = config.ballotVerifyThreads ?? availableParallelism();
    if (threads > 0) {
      const file = fileURLToPath(WORKER);
      if (!existsSync(file))
        throw new Error(`${file} not found: run \`npm run build\`, or set BALLOT_VERIFY_THREADS=0`);
      this.pool = new Tinypool({ filename: WORKER.href, minThreads: threads, maxThreads: threads });
    }
  }

  verify(check: BallotCheck): Promise<ChunkOutcome> {
    return this.pool ? (this.pool.run(check) as Promise<ChunkOutcome>) : checkBallot(check);
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.destroy();
  }
}
