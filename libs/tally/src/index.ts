/**
 * libs/tally: pure counting rules of the 职代会 (quorum, majority bases, motions, elections,
 * evaluations, item-by-item polls). No I/O, no clock, no randomness, no dependencies.
 */
export { TallyError, isTallyError, type TallyErrorCode } from './errors.js';
export type {
  AppliedRule,
  Comparison,
  Electorate,
  ElectorateReport,
  Fraction,
  LocalizedText,
  MajorityBase,
  MajorityRule,
  Named,
  QuorumRule,
  RuleBase,
  RuleKind,
  Threshold,
} from './types.js';
export {
  assertFraction,
  assertThreshold,
  fractionsEqual,
  gcd,
  meetsThreshold,
  reduceFraction,
  requiredCount,
  roundedPercent,
} from './fraction.js';
export {
  applyRule,
  assertMajorityRule,
  DEFAULT_MAJORITY_RULE,
  DEFAULT_QUORUM_RULE,
  HALF,
  MAJORITY_OF_ALL,
  MAJORITY_OF_CAST,
  MAJORITY_OF_PRESENT,
  majorityRule,
  ONE_THIRD,
  ruleId,
  TWO_THIRDS,
  TWO_THIRDS_OF_ALL,
  TWO_THIRDS_OF_CAST,
  TWO_THIRDS_OF_PRESENT,
} from './rules.js';
export {
  baseText,
  comparisonText,
  fractionEn,
  fractionZh,
  ruleText,
  zhNumeral,
} from './wording.js';
export { checkQuorum, type QuorumResult } from './quorum.js';
export { majorityBaseSize, majorityThreshold, type MajorityBaseSizes } from './majority.js';
export {
  countMotionBallots,
  MOTION_CHOICES,
  tallyMotion,
  type MotionChoice,
  type MotionCounts,
  type MotionInput,
  type MotionResult,
} from './motion.js';
export {
  countElectionBallots,
  tallyElection,
  type CandidateResult,
  type CandidateStatus,
  type CountedElectionBallots,
  type ElectionBallotCounts,
  type ElectionInput,
  type ElectionResult,
  type InvalidBallotReason,
  type Runoff,
} from './election.js';
export {
  COMPETENCE_SCALE,
  countEvaluationBallots,
  DEFAULT_FLAG_RULE,
  SATISFACTION_SCALE,
  tallyEvaluation,
  type ApprovalRate,
  type CountedEvaluationBallots,
  type EvaluationBallot,
  type EvaluationFlag,
  type EvaluationInput,
  type EvaluationResult,
  type EvaluationScale,
  type Grade,
  type GradeCount,
  type PersonEvaluation,
} from './evaluation.js';
export {
  countItemBallots,
  tallyItemByItem,
  type ItemBallot,
  type ItemByItemInput,
  type ItemByItemResult,
  type PollItemInput,
} from './item-by-item.js';
