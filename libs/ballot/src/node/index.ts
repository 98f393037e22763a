/**
 * libs/ballot/node — Node-only additions: the libsodium verifier and the worker-thread pool.
 * Import from here on the server; the browser uses ../index.js.
 */
export { BallotVerifierPool, type PoolOptions, type PoolOutcome, type PoolResult } from './pool.js';
export {
  chunkVerifier,
  sodiumSummer,
  RunningSum,
  type RunningSumShare,
  type Engine,
  type ChunkResult,
  type ChunkOutcome,
  type ChunkVerifier,
} from './chunk.js';
export { partialDecryptSodium, verifyPartialDecryptionSodium } from './partial.js';
export {
  SodiumGroup,
  sodiumGroup,
  loadSodium,
  verifyBallotSodium,
  type Sodium,
  type SodiumVerified,
} from './sodium.js';
