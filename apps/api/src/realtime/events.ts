/**
 * The socket.io event maps, shared by the server and the clients (apps/web, tests, bench).
 * Requests are answered in the acknowledgement: `{ ok: true, ... }` or `{ ok: false, error }`;
 * errors of a request sent without an acknowledgement come as an `exception` event.
 */
export interface SocketError {
  code: string;
  message: string;
  details?: unknown;
}

export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: SocketError };

export interface PongPayload {
  userId: string;
  role: string;
  at: string;
}

export interface NotificationPayload {
  id: string;
  kind: string;
  title: string;
  data: object;
  createdAt: string;
  readAt: string | null;
}

/** Payloads that only the server shapes are typed loosely here; see the services for the fields. */
type Payload = Record<string, unknown>;

export interface ServerToClientEvents {
  exception: (error: SocketError & { event?: string }) => void;
  pong: (payload: PongPayload) => void;
  notification: (payload: NotificationPayload) => void;
  /** Attendance counts and quorum of a joined session. */
  attendance: (summary: Payload) => void;
  'poll:opened': (poll: Payload) => void;
  /** While a poll is open only the turnout is shown. */
  'poll:turnout': (turnout: { pollId: string; cast: number; present: number }) => void;
  'poll:closed': (p: { pollId: string }) => void;
  'poll:result': (poll: Payload) => void;
}

type WithAck<Req, Res extends object = object> = (
  payload: Req,
  ack: (res: Ack<Res>) => void,
) => void;

export interface ClientToServerEvents {
  ping: (ack?: (payload: PongPayload) => void) => void;
  'agenda:inbox': WithAck<Record<string, never>, { deliveries: Payload[] }>;
  'agenda:sign': WithAck<{ versionId: string }, { delivery: Payload }>;
  'session:join': WithAck<{ sessionId: string }, { attendance: Payload }>;
  'session:check-in': WithAck<{ sessionId: string }, { attendance: Payload }>;
  'poll:state': WithAck<
    { sessionId: string },
    { open: Payload[]; decided: Payload[]; receipts: Payload[] }
  >;
  'poll:cast': WithAck<
    { pollId: string; ballot?: unknown; choice?: number[][] },
    { receipt: Payload }
  >;
}
