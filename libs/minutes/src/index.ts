/**
 * libs/minutes — browser-safe entry: the minutes document model and its validation, canonical JSON
 * (RFC 8785) and hashes, signatures by several signers (Ed25519, SM2/SM3), key custody for the
 * signer's browser, the archive hash chain, and the export bundle with its verifier. The PDF and
 * DOCX renderers need Node: ./node/index.js.
 */
export { MINUTES_ERRORS, MinutesError, isMinutesError, type MinutesErrorCode } from './errors.js';
export * from './model.js';
export { validateMinutes, isValidMinutes, type FieldError } from './validate.js';
export {
  talliesOf,
  countsMatrix,
  voteMethod,
  tallyFromResult,
  type PollFacts,
} from './assemble.js';
export {
  canonicalJson,
  canonicalBytes,
  hashJson,
  sha256Hex,
  parseCanonical,
  type Json,
} from './jcs.js';
export { toHex, fromHex, toBase32, fromBase32Lenient } from './bytes.js';
export {
  ALGORITHMS,
  ALGORITHM_LABELS,
  SM2_USER_ID,
  defaultRng,
  isAlgorithm,
  isValidPublicKey,
  type Rng,
  type SignatureAlgorithm,
} from './algorithms.js';
export {
  SIGNATURE_CONTEXT,
  PUBLIC_KEY_CONTEXT,
  SIGNER_ROLES,
  ROLE_LABELS,
  keyFingerprint,
  shortFingerprint,
  documentHash,
  tallyHash,
  signedBytes,
  sign,
  signMinutes,
  signTally,
  verifySignature,
  checkSignatures,
  type SignerRole,
  type SignatureSubject,
  type PublicKeyInfo,
  type MinutesSignature,
  type SigningKey,
  type SignaturePolicy,
  type SignatureCheck,
  type SignaturesReport,
} from './signatures.js';
export {
  KEY_FILE_FORMAT,
  DEFAULT_SCRYPT,
  MIN_PASSPHRASE_LENGTH,
  generateSigningKey,
  signingKeyFromPrivate,
  publicPart,
  encryptSigningKey,
  decryptSigningKey,
  recoveryCode,
  keyFromRecoveryCode,
  recoverySheetText,
  type EncryptedSigningKey,
} from './custody.js';
export {
  ARCHIVE_KINDS,
  ARCHIVE_KIND_LABELS,
  GENESIS_HASH,
  entryHash,
  nextEntry,
  verifyChain,
  type ArchiveKind,
  type ArchiveLinks,
  type ArchiveEntry,
  type UnhashedEntry,
  type ChainFailure,
  type ChainReport,
} from './archive.js';
export {
  archivedFile,
  fileBytes,
  type ArchivedFile,
  type OpennessRecordsContent,
} from './archived-file.js';
export { embeddedFiles, pdfInfo, type EmbeddedFile, type PdfInfo } from './pdf-read.js';
export {
  PROPERTY_LABELS,
  type RecordsProperty,
  type RecordsCheck,
  type RecordsFailure,
  type PropertyReport,
  type PropertiesReport,
} from './properties.js';
export { checkElectionRecord, secretField, type ElectionRecordFile } from './records.js';
export {
  ARCHIVE_EXPORT_FORMAT,
  verifyArchive,
  type ArchiveRecord,
  type ArchiveExport,
  type ArchiveReport,
} from './archive-verify.js';
export {
  BUNDLE_FORMAT,
  FILES as BUNDLE_FILES,
  buildBundle,
  verifyBundle,
  type SignerKey,
  type Manifest,
  type BundleInput,
  type BundleCheck,
  type BundleReport,
} from './bundle.js';
