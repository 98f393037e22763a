// The ballot cryptography library (libs/ballot), re-exported so the api imports it from one place.
export * from '../../../../libs/ballot/src/index.js';
export {
  chunkVerifier,
  loadSodium,
  partialDecryptSodium,
  verifyPartialDecryptionSodium,
  SodiumGroup,
  sodiumGroup,
  sodiumSummer,
  RunningSum,
  type RunningSumShare,
  type ChunkOutcome,
  type ChunkVerifier,
} from '../../../../libs/ballot/src/node/index.js';
// The per-message checks of the key ceremony, for the relay (not in the browser-safe index).
export { verifyCeremonyKey, verifyRound1 } from '../../../../libs/ballot/src/ceremony-key.js';
export { verifyAck, verifyRound2 } from '../../../../libs/ballot/src/ceremony-messages.js';
// The bytes a ballot slip signs, for the cast verifier's libsodium check (libs/ballot slips.ts).
