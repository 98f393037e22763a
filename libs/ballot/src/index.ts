/**
 * libs/ballot — browser-safe entry (no Node imports): keys, encryption, proofs, verification,
 * tally. The Node-only fast verifier (libsodium, worker threads) is in ./node/index.js.
 */
export {
  BallotError,
  isBallotError,
  type BallotErrorCode,
  type BallotErrorDetail,
} from './errors.js';
export { defaultRng, deterministicRng, type Rng } from './rng.js';
export {
  ballotShape,
  checkShape,
  LIMITS,
  type BallotShape,
  type PollSpec,
  type QuestionShape,
  type QuestionSpec,
  type QuestionKind,
} from './shape.js';
export {
  createTrustee,
  combineElectionKey,
  verifyTrusteeShare,
  verifyElectionKey,
  shortFingerprint,
  recoveryCode,
  secretFromRecoveryCode,
  checkTrusteeSecret,
  type TrusteeShare,
  type TrusteeSecret,
  type ElectionKey,
} from './keys.js';
export {
  encryptBallot,
  verifyBallot,
  checkBallot,
  checkChoices,
  marks,
  parseBallot,
  parseBallotBytes,
  ballotToJSON,
  ballotBytes,
  ballotTracker,
  shortCode,
  type Ballot,
  type BallotInput,
  type EncryptedEntry,
  type EncryptedQuestion,
  type ProofBranch,
  type EncryptParams,
  type EncryptedBallot,
  type VerifyContext,
  type VerifyOptions,
  type VerifiedBallot,
  type CheckResult,
} from './ballot.js';
export {
  verifyBallots,
  type BatchItem,
  type BatchOptions,
  type BatchOutcome,
  type BatchResult,
} from './batch.js';
export {
  sumCiphertexts,
  addTallies,
  emptyTally,
  partialDecrypt,
  verifyPartialDecryption,
  combineDecryptions,
  smallDiscreteLog,
  type EncryptedTally,
  type PartialDecryption,
  type DecryptionShare,
  type TallyResult,
} from './tally.js';
export {
  verifyElectionRecord,
  findTracker,
  type ElectionRecord,
  type RecordReport,
  type BoardEntry,
} from './record.js';
