import type { Role } from './vocabulary.js';

/**
 * Error codes. Every error a client sees, over HTTP or on a socket, carries one of these codes
 * with a Chinese message for people; a client decides on the code, never on the message. Listed
 * here are the codes of the modules a socket request can reach; the api's code enums hold exactly
 * these values (a difference fails to compile next to the api's enum). The HTTP
 * routes of other modules (roster, proposals, …) document their codes in the OpenAPI description.
 */

/** Codes shared by every module. */
export const COMMON_ERROR_CODES = [
  'VALIDATION_FAILED',
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'TOO_MANY_REQUESTS',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;
export type CommonErrorCode = (typeof COMMON_ERROR_CODES)[number];

export const AUTH_ERROR_CODES = [
  'AUTH_INVALID_CREDENTIALS',
  'AUTH_UNAUTHENTICATED',
  'AUTH_PASSWORD_CHANGE_REQUIRED',
  'AUTH_WRONG_ROLE',
  'AUTH_WRONG_PASSWORD',
  'AUTH_SAME_PASSWORD',
] as const;
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];

export const CONGRESS_ERROR_CODES = [
  'CONGRESS_TERM_NOT_FOUND',
  'CONGRESS_SESSION_NOT_FOUND',
  'CONGRESS_BAD_STATUS_TRANSITION',
  'CONGRESS_CIRCULATE_THROUGH_AGENDA',
  'CONGRESS_SESSION_LOCKED',
  'CONGRESS_BAD_WORKFORCE_FIGURES',
  'CONGRESS_BAD_DATES',
  'CONGRESS_DATE_CONFIRMATION_REQUIRED',
] as const;
export type CongressErrorCode = (typeof CONGRESS_ERROR_CODES)[number];

export const AGENDA_ERROR_CODES = [
  'AGENDA_ITEM_NOT_FOUND',
  'AGENDA_DOCUMENT_NOT_FOUND',
  'AGENDA_VERSION_NOT_FOUND',
  'AGENDA_BAD_VOTE_SPEC',
  'AGENDA_SESSION_CLOSED',
  'AGENDA_NOTHING_TO_CIRCULATE',
  'AGENDA_NOTHING_CHANGED',
  'AGENDA_CIRCULATION_LATE',
  'AGENDA_NO_RECIPIENTS',
  'AGENDA_EMPTY_FILE',
  'AGENDA_FILE_TOO_LARGE',
  'AGENDA_FILE_TYPE',
  'AGENDA_FILE_MISSING',
  'AGENDA_NOT_DELIVERED',
  'AGENDA_ALREADY_SIGNED',
  'AGENDA_NOT_PRESIDIUM',
  'AGENDA_ITEM_NOT_LATE',
  'AGENDA_ITEM_NOT_CIRCULATED',
  'AGENDA_NOT_PUBLISHED',
] as const;
export type AgendaErrorCode = (typeof AGENDA_ERROR_CODES)[number];

export const ATTENDANCE_ERROR_CODES = [
  'ATTENDANCE_NOT_OPEN',
  'ATTENDANCE_NO_SEAT',
  'ATTENDANCE_DELEGATE_NOT_IN_TERM',
  'ATTENDANCE_REASON_REQUIRED',
  'ATTENDANCE_CARD_UNKNOWN',
  'ATTENDANCE_CARD_OTHER_TERM',
  'ATTENDANCE_CARD_SEAT_ENDED',
] as const;
export type AttendanceErrorCode = (typeof ATTENDANCE_ERROR_CODES)[number];

export const POLL_ERROR_CODES = [
  'POLL_NOT_FOUND',
  'POLL_SESSION_NOT_IN_SESSION',
  'POLL_ITEM_NOT_VOTABLE',
  'POLL_NO_QUORUM',
  'POLL_ALREADY_OPEN',
  'POLL_UNSUPPORTED',
  'POLL_NOT_OPEN',
  'POLL_NOT_ELIGIBLE',
  'POLL_NOT_CHECKED_IN',
  'POLL_ALREADY_VOTED',
  'POLL_BALLOT_MALFORMED',
  'POLL_BALLOT_INVALID',
  'POLL_NOT_ISSUED',
  'POLL_BOARD_KEY_MISMATCH',
  'POLL_BALLOT_WRONG_POLL',
  'POLL_BALLOT_WRONG_VOTER',
  'POLL_WRONG_BALLOT_KIND',
  'POLL_NO_TELLERS_KEY',
  'POLL_NOT_DECIDED',
  'POLL_NOT_HELD',
  'POLL_NOT_PRESIDIUM',
  'POLL_SLIPS_INCOMPLETE',
  'POLL_SLIPS_REQUIRED',
  'POLL_SLIP_INVALID',
  'POLL_SLIP_TAKEN',
] as const;
export type PollErrorCode = (typeof POLL_ERROR_CODES)[number];

/** The tellers' key ceremony and their partial decryptions (apps/api tellers module). */
export const TELLERS_ERROR_CODES = [
  'TELLERS_CEREMONY_NOT_FOUND',
  'TELLERS_CEREMONY_EXISTS',
  'TELLERS_BAD_TELLERS',
  'TELLERS_NOT_A_TELLER',
  'TELLERS_NOT_COLLECTING',
  'TELLERS_ROUND_NOT_READY',
  'TELLERS_ALREADY_SENT',
  'TELLERS_BAD_MESSAGE',
  'TELLERS_NO_DECRYPTION',
  'TELLERS_PARTIAL_REFUSED',
  'TELLERS_SLIPS_NO_CEREMONY',
  'TELLERS_SLIPS_EXISTS',
  'TELLERS_SLIPS_BAD',
  'TELLERS_SLIPS_FORBIDDEN',
] as const;
export type TellersErrorCode = (typeof TELLERS_ERROR_CODES)[number];

/** Every code listed here. */
export type ErrorCode =
  | CommonErrorCode
  | AuthErrorCode
  | CongressErrorCode
  | AgendaErrorCode
  | AttendanceErrorCode
  | PollErrorCode
  | TellersErrorCode;

/** An error on a socket: in the acknowledgement (`{ ok: false, error }`) or an `exception` event. */
export interface SocketError<C extends string = ErrorCode> {
  code: C;
  /** Chinese, for people. */
  message: string;
  /** Present for some codes; see {@link ErrorDetails}. */
  details?: unknown;
}

/** The `details` of the codes that carry them. */
export interface ErrorDetails {
  /** One entry per invalid field, e.g. `{ field: 'sessionId', errors: ['sessionId must be a UUID'] }`. */
  VALIDATION_FAILED: FieldError[];
  AUTH_WRONG_ROLE: { required: Role[]; actual: Role };
  /** Why the caller has no vote: no seat in the term, an attendee's seat, or the seat has ended. */
  POLL_NOT_ELIGIBLE: { reason: 'no_seat' | 'attendee' | 'recalled' | 'replaced' | 'left' };
  /** Which form check failed (a libs/ballot check code, `SHAPE_MISMATCH` or `BAD_CHOICE`). */
  POLL_BALLOT_MALFORMED: { check: string; detail?: unknown };
  /**
   * The ballot's proofs were checked on arrival and failed (a libs/ballot code such as
   * `ENTRY_PROOF_FAILED`, `SUM_PROOF_FAILED` or `DEGENERATE_CIPHERTEXT`): it was not stored, and
   * the tablet may cast again.
   */
  POLL_BALLOT_INVALID: { check: string; detail?: unknown };
  /**
   * A slips poll's ballot whose slips did not check (libs/ballot `checkSlipSignatures`): a slip
   * not from its teller's published batch (`UNISSUED_CREDENTIAL`), a signature that does not hold
   * (`BAD_SIGNATURE`, or `BAD_ENCODING` when malformed), or a ballot made for another voter than
   * the slips' (`WRONG_VOTER`). Not stored: the tablet may cast again.
   */
  POLL_SLIP_INVALID: { check: string; detail?: unknown };
  /** A ceremony message failed libs/ballot's check (its code, e.g. `BAD_PROOF`, and message). */
  TELLERS_BAD_MESSAGE: { check: string; reason: string; detail?: unknown };
  /** A partial decryption failed its check; it is recorded as refused with this reason. */
  TELLERS_PARTIAL_REFUSED: { check: string; reason: string };
}

export interface FieldError {
  field: string;
  errors: string[];
}

/**
 * Why a socket connection was refused: `connect_error` carries `{ data: { code } }`. A token that
 * expires or is revoked while connected closes the socket (`disconnect` with reason
 * `io server disconnect`).
 */
export type HandshakeErrorCode = Extract<
  AuthErrorCode,
  'AUTH_UNAUTHENTICATED' | 'AUTH_PASSWORD_CHANGE_REQUIRED'
>;

/** A request's acknowledgement: its reply with `ok: true`, or `ok: false` with an error. */
export type Ack<T extends object, C extends string = ErrorCode> =
  ({ ok: true } & T) | { ok: false; error: SocketError<C> };
