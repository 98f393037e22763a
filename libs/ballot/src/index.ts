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
export { seatVoter } from './seat-voter.js';
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
  pollKey,
  type TrusteeShare,
  type TrusteeSecret,
  type ElectionKey,
  type ElectionKeyV1,
  type PollKey,
} from './keys.js';
export {
  CEREMONY_LIMITS,
  ceremonyKey,
  verifyCeremonyKey,
  type CeremonyKey,
  type CeremonyParams,
  type Round1Message,
} from './ceremony-key.js';
export {
  ceremonyRound1,
  ceremonyRound2,
  receiveShares,
  finalizeKey,
  type ReceivedShares,
  type TellerSecret,
  type TellerState,
} from './ceremony.js';
export type { Acknowledgement, Complaint, Round2Message } from './ceremony-messages.js';
export {
  adjudicateComplaint,
  verifyCeremonyTranscript,
  type CeremonyTranscript,
  type Verdict,
} from './ceremony-verify.js';
export {
  DEFAULT_SCRYPT,
  MIN_PASSPHRASE,
  sealTellerSecret,
  openTellerSecret,
  checkTellerSecret,
  recoverySheet,
  tellerSecretFromRecoverySheet,
  type RecoverySheet,
  type ScryptParams,
  type SealedTellerSecret,
} from './custody.js';
export {
  encryptBallot,
  encryptBallotRevealable,
  verifyBallot,
  checkBallot,
  checkChoices,
  marks,
  parseBallot,
  parseBallotBytes,
  acceptedBallot,
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
  type RevealableBallot,
  type VerifyContext,
  type VerifyOptions,
  type VerifiedBallot,
  type CheckResult,
} from './ballot.js';
export { auditBallot, revealBallot, type BallotAudit } from './audit.js';
export {
  verifyBallots,
  verifyBallotsDetailed,
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
  warmCountSearch,
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
export {
  combinePartials,
  decryptAsTeller,
  type CombineOutcome,
  type RefusedPartial,
} from './close.js';
export { lagrangeAtZero } from './threshold.js';
export {
  boardGenesis,
  chainLink,
  chainHeads,
  verifyChain,
  receiptBytes,
  boardKeyPair,
  signReceipt,
  verifyReceipt,
  type GenesisInput,
  type Receipt,
  type SignedReceipt,
} from './board.js';
export {
  checkRecordPoll,
  pollSpecOf,
  pollLabels,
  pollDigest,
  issuedDigest,
  sortCredentials,
  checkIssued,
  decidePoll,
  type Decision,
  type Issued,
  type MotionMeaning,
  type RecordPoll,
  type VoteDescription,
} from './record-poll.js';
export {
  CLAIMED_REASONS,
  requiredExclusions,
  returnedCount,
  type CountingEntry,
  type Exclusion,
  type ExclusionReason,
  type Issuance,
  type SlipIssuance,
} from './record-count.js';
export {
  prepareClose,
  resumeClose,
  decryptRecordAsTeller,
  finishRecord,
  recordElectionKey,
  openingGenesis,
  fingerprintOf,
  checkSlipsIssued,
  issuanceOf,
  type ElectionRecordV2,
  type PreparedClose,
  type RecordEntry,
  type RecordKey,
  type RecordResult,
  type VerifiedSummer,
} from './record-v2.js';
export {
  RECORD_CHECKS,
  verifyElectionRecordV2,
  checkReceipt,
  type RecordBoardEntry,
  type RecordCheck,
  type RecordCheckName,
  type RecordReportV2,
} from './record-verify.js';
export {
  BoardFollower,
  type ChunkCheck,
  type FollowedEntry,
  type FollowedRecord,
  type FollowState,
} from './follow.js';
export {
  checkSlipBatch,
  checkSlipKeys,
  checkSlipSignatures,
  checkRecordSlips,
  issuedSlipsDigest,
  slipExclusions,
  slipSignedBytes,
  generateSlipBatch,
  issuedSlips,
  readSlip,
  reusedSlipPositions,
  signWithSlips,
  slipBatchDigest,
  slipText,
  slipVoter,
  SLIP_PREFIX,
  type IssuedSlips,
  type Slip,
  type SlipBatch,
  type SlipSignature,
  type SlipEntry,
  type RecordSlips,
} from './slips.js';
export {
  sealRoundState,
  openRoundState,
  type RoundState,
  type SealedRoundState,
} from './custody-round.js';
