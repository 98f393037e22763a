/**
 * Every failure of libs/ballot is a BallotError with a stable `code` (safe to store and to show in
 * a published record) and, where it applies, which question / entry / trustee the check was about.
 */
export type BallotErrorCode =
  /** Malformed input: not the documented JSON/bytes shape, bad hex, non-canonical scalar or point. */
  | 'BAD_ENCODING'
  /** A format version this library does not know. */
  | 'BAD_VERSION'
  /** The ballot / share / tally names another poll than the election key. */
  | 'WRONG_POLL'
  /** The ballot's voter credential is not the one it was submitted under. */
  | 'WRONG_VOTER'
  /** The ballot / tally / decryption names another election-key fingerprint. */
  | 'WRONG_KEY'
  /** Number of questions, entries or proof branches differs from the poll's ballot shape. */
  | 'SHAPE_MISMATCH'
  /** A 0-or-1 proof of one entry does not verify. */
  | 'ENTRY_PROOF_FAILED'
  /** The proof on a question's sum (exactly 1, or between min and max marks) does not verify. */
  | 'SUM_PROOF_FAILED'
  /** encryptBallot refused the choices: not 0/1, over-marked or under-marked. */
  | 'BAD_CHOICE'
  /** An invalid poll description (sizes out of range). */
  | 'BAD_SHAPE'
  /** A trustee's proof of knowledge of its secret does not verify. */
  | 'TRUSTEE_PROOF_FAILED'
  /** An election key that cannot be used: no trustees, indices not 1..n, identity or repeated share,
   *  combined key or fingerprint not matching the shares. */
  | 'BAD_KEY'
  /** A trustee secret does not match the trustee's public share. */
  | 'WRONG_SECRET'
  /** A recovery code with a typo (checksum) or of the wrong length. */
  | 'BAD_RECOVERY_CODE'
  /** A partial decryption's Chaum–Pedersen proof does not verify. */
  | 'DECRYPTION_PROOF_FAILED'
  /** A partial decryption is missing, repeated or from an unknown trustee. */
  | 'MISSING_TRUSTEE'
  /** An encrypted tally that is not the sum of the ballots it claims to sum. */
  | 'TALLY_MISMATCH'
  /** A decrypted count is not in 0..(number of ballots): the decryptions do not belong to this tally. */
  | 'COUNT_NOT_FOUND'
  /** The same voter credential appears on two counted ballots of a record. */
  | 'DUPLICATE_VOTER'
  /** A published result does not match the recomputed one. */
  | 'RESULT_MISMATCH'
  /** A ciphertext with α or β the identity (e.g. zero randomness: the choice readable by anyone). */
  | 'DEGENERATE_CIPHERTEXT'
  /** Key-ceremony messages that do not fit together: other ceremony, t or n, indices, views. */
  | 'BAD_CEREMONY'
  /** A teller's or the server's signature does not verify. */
  | 'BAD_SIGNATURE'
  /** A ceremony with an upheld complaint, or one that cannot finish (see adjudicateComplaint). */
  | 'CEREMONY_COMPLAINT'
  /** A sealed teller share that does not open: wrong passphrase, or the file was altered. */
  | 'WRONG_PASSPHRASE'
  /** A board entry whose tracker is not the hash of its ballot. */
  | 'TRACKER_MISMATCH'
  /** A hash-chain link or head that does not follow from the trackers before it. */
  | 'CHAIN_MISMATCH'
  /** A signed receipt that does not match the board of the record. */
  | 'RECEIPT_MISMATCH'
  /** The issued credentials are not a sorted list of distinct credentials of the stated count. */
  | 'ISSUED_MISMATCH'
  /** A counted ballot under a credential that was not issued. */
  | 'UNISSUED_CREDENTIAL'
  /** A ballot slip that already signed an earlier ballot of the poll under other slips (a copy). */
  | 'SLIP_REUSED'
  /** The record's exclusions differ from what its own board and rules require. */
  | 'EXCLUSION_MISMATCH'
  /** More ballots returned than issued (the poll is void) and the record does not say so, or the reverse. */
  | 'VOID_RULE'
  /** The decision does not follow from the counts under the poll's rule (libs/tally). */
  | 'DECISION_MISMATCH'
  /** An audited ballot whose revealed randomness and choices do not give its ciphertexts. */
  | 'AUDIT_MISMATCH';

export interface BallotErrorDetail {
  /** Index of the question in the ballot shape (0-based). */
  question?: number;
  /** Index of the entry (option, candidate, grade) within the question (0-based). */
  entry?: number;
  /** Trustee index (1-based, as in the election key). */
  trustee?: number;
  /** Index of the ballot within a batch or record (0-based). */
  ballot?: number;
  /** The field or the check that failed, e.g. `"challenge"`, `"equation 2"`, `"alpha"`. */
  check?: string;
}

export class BallotError extends Error {
  override readonly name = 'BallotError';
  constructor(
    readonly code: BallotErrorCode,
    message: string,
    readonly detail: BallotErrorDetail = {},
  ) {
    super(`${code}: ${message}`);
  }

  /** A plain object for logs, API answers and the published record. */
  toJSON(): { code: BallotErrorCode; message: string } & BallotErrorDetail {
    return { code: this.code, message: this.message, ...this.detail };
  }
}

export function isBallotError(e: unknown): e is BallotError {
  return e instanceof BallotError;
}
