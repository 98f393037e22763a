import type { AgendaDelivery } from './agenda.js';
import type { AttendanceSummary } from './attendance.js';
import type { Ack, ErrorCode, SocketError } from './errors.js';
import type { Incident } from './incidents.js';
import type { NotificationPayload } from './notifications.js';
import type { CastRequest, PollState, PollView, Receipt, Turnout } from './polls.js';
import type { CeremonyProgress, DecryptionRequest } from './tellers.js';
import type { Role } from './vocabulary.js';

/**
 * The socket.io contract. Connect with `io(url, { auth: { token } })` (the HTTP access token);
 * type the client as `Socket<ServerToClientEvents, ClientToServerEvents>`.
 */

/** What the server sends, by event name. */
export interface ServerEvents {
  /** An inbox entry for this user. */
  notification: NotificationPayload;
  /** A joined session's attendance and quorum, at most every 250 ms while it changes. */
  attendance: AttendanceSummary;
  'poll:opened': PollView;
  /** To the session's watchers only (staff, secretaries, the presidium): the tablets show no turnout. */
  'poll:turnout': Turnout;
  /** Sent when the result waits for the tellers; a poll decided at once is announced by its result. */
  'poll:closed': { pollId: string };
  /** The decided poll, with its result. */
  'poll:result': PollView;
  /**
   * A session incident was asked for, decided or its code issued: sent to staff, secretaries and
   * admins (the console and the projector's incident line) and to the tablets of the term's
   * presidium members and tellers, but the delegate concerned (who may approve it).
   */
  incident: Incident;
  /** A session's key ceremony changed (to the session and to its tellers): a round may proceed. */
  'ceremony:progress': CeremonyProgress;
  /** A poll's close waits for its tellers' partial decryptions (to the tellers). */
  'decryption:requested': DecryptionRequest;
  /** The error of a request sent without an acknowledgement callback. */
  exception: SocketError & { event?: string };
}
export type ServerEvent = keyof ServerEvents;

/** What each request carries and what its acknowledgement holds when it succeeds. */
export interface SocketRequests {
  /** The agenda versions delivered to this tablet, newest first. */
  'agenda:inbox': { payload: Record<string, never>; reply: { deliveries: AgendaDelivery[] } };
  /** 签收: signs for a delivered version; signing again changes nothing. */
  'agenda:sign': { payload: { versionId: string }; reply: { delivery: AgendaDelivery } };
  /** Follows a session: the reply holds its attendance now, `attendance` events follow. */
  'session:join': { payload: { sessionId: string }; reply: { attendance: AttendanceSummary } };
  /** 签到 on the tablet; checking in again changes nothing. */
  'session:check-in': { payload: { sessionId: string }; reply: { attendance: AttendanceSummary } };
  /** Open polls (with this tablet's voter credential), decided ones, and this tablet's receipts. */
  'poll:state': { payload: { sessionId: string }; reply: PollState };
  /** Casts a ballot; the receipt comes only once the ballot is stored. */
  'poll:cast': { payload: CastRequest; reply: { receipt: Receipt } };
}
export type RequestEvent = keyof SocketRequests;

/**
 * Every request can answer with these: a bad payload, a role that may not send it, a socket
 * sending faster than its limit (`details.retryAfterMs`; a socket that keeps on is closed), a
 * server fault.
 */
export const EVERY_REQUEST_ERRORS = [
  'VALIDATION_FAILED',
  'AUTH_WRONG_ROLE',
  'TOO_MANY_REQUESTS',
  'INTERNAL_ERROR',
] as const;

/**
 * Who may send each request (any other role gets `AUTH_WRONG_ROLE`), and the further error codes
 * it can answer with.
 */
export const SOCKET_REQUESTS = {
  'agenda:inbox': { roles: ['delegate', 'attendee'], errors: [] },
  'agenda:sign': {
    roles: ['delegate', 'attendee'],
    errors: ['AGENDA_NOT_DELIVERED', 'AGENDA_VERSION_NOT_FOUND'],
  },
  'session:join': {
    // Staff and secretaries follow every session; others need a serving seat in its term.
    roles: ['staff', 'secretary', 'delegate', 'attendee'],
    errors: ['ATTENDANCE_NO_SEAT', 'CONGRESS_SESSION_NOT_FOUND'],
  },
  'session:check-in': {
    roles: ['delegate', 'attendee'],
    errors: ['ATTENDANCE_NOT_OPEN', 'ATTENDANCE_NO_SEAT', 'CONGRESS_SESSION_NOT_FOUND'],
  },
  'poll:state': {
    roles: ['staff', 'secretary', 'delegate', 'attendee'],
    errors: ['ATTENDANCE_NO_SEAT', 'CONGRESS_SESSION_NOT_FOUND'],
  },
  'poll:cast': {
    roles: ['delegate'],
    errors: [
      'POLL_NOT_FOUND',
      'POLL_NOT_OPEN',
      'POLL_NOT_ELIGIBLE',
      'POLL_NOT_CHECKED_IN',
      'POLL_NOT_ISSUED',
      'POLL_ALREADY_VOTED',
      'POLL_BALLOT_MALFORMED',
      'POLL_BALLOT_INVALID',
      'POLL_BOARD_KEY_MISMATCH',
      'POLL_BALLOT_WRONG_POLL',
      'POLL_BALLOT_WRONG_VOTER',
      'POLL_WRONG_BALLOT_KIND',
      'POLL_SLIPS_REQUIRED',
      'POLL_SLIP_INVALID',
      'POLL_SLIP_TAKEN',
    ],
  },
} as const satisfies {
  [E in RequestEvent]: { roles: readonly Role[]; errors: readonly ErrorCode[] };
};

/** The error codes request `E` can answer with. */
export type RequestErrorCode<E extends RequestEvent> =
  (typeof SOCKET_REQUESTS)[E]['errors'][number] | (typeof EVERY_REQUEST_ERRORS)[number];

/** What the acknowledgement of request `E` holds. */
export type RequestAck<E extends RequestEvent> = Ack<
  SocketRequests[E]['reply'],
  RequestErrorCode<E>
>;

/** The successful acknowledgement of request `E`. */
export type Reply<E extends RequestEvent> = Extract<RequestAck<E>, { ok: true }>;

/** `ping`'s acknowledgement: who the server thinks the caller is, and the server's time. */
export interface Pong {
  userId: string;
  role: Role;
  /** ISO 8601 (UTC). */
  at: string;
}

/** The event maps in socket.io's form. */
export type ServerToClientEvents = {
  [E in ServerEvent]: (payload: ServerEvents[E]) => void;
};

export type ClientToServerEvents = {
  [E in RequestEvent]: (
    payload: SocketRequests[E]['payload'],
    ack: (res: RequestAck<E>) => void,
  ) => void;
} & {
  ping: (ack: (pong: Pong) => void) => void;
};
