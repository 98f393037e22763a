/**
 * Worker thread of BallotVerifierPool: receives the key and shape once, then chunks of ballots.
 * Loaded from the compiled output as `new URL('./verify-worker.js', import.meta.url)`.
 */
import { parentPort } from 'node:worker_threads';
import { chunkVerifier, type ChunkVerifier } from './chunk.js';
import type { WorkerRequest, WorkerReply } from './pool.js';

let verifier: Promise<ChunkVerifier> | undefined;

parentPort?.on('message', (msg: WorkerRequest) => {
  void handle(msg).then((reply) => parentPort?.postMessage(reply));
});

async function handle(msg: WorkerRequest): Promise<WorkerReply> {
  try {
    if (msg.type === 'init') {
      verifier = chunkVerifier(msg.key, msg.shape, msg.engine, msg.warmUp);
      await verifier;
      return { id: msg.id, type: 'ready' };
    }
    if (!verifier) throw new Error('worker not initialised');
    const v = await verifier;
    return { id: msg.id, type: 'result', result: v.verify(msg.items, msg.offset) };
  } catch (e) {
    return {
      id: msg.id,
      type: 'error',
      message: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
    };
  }
}
