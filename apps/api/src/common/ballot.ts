// The ballot cryptography library (libs/ballot), re-exported so the api imports it from one place.
export * from '../../../../libs/ballot/src/index.js';
export { BallotVerifierPool, type PoolOutcome } from '../../../../libs/ballot/src/node/index.js';
