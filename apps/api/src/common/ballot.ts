// The ballot cryptography library (libs/ballot), re-exported so the api imports it from one place.
export * from '../../../../libs/ballot/src/index.js';
export {
  chunkVerifier,
  loadSodium,
  SodiumGroup,
  sodiumSummer,
  type ChunkOutcome,
  type ChunkVerifier,
} from '../../../../libs/ballot/src/node/index.js';
