/**
 * The socket.io event maps, shared by the server and the clients (apps/web, tests, bench).
 * Errors come as an `exception` event, or in the acknowledgement when the client asked for one.
 */
export interface SocketError {
  code: string;
  message: string;
  details?: unknown;
}

export interface PongPayload {
  userId: string;
  role: string;
  at: string;
}

export interface ServerToClientEvents {
  exception: (error: SocketError & { event?: string }) => void;
  pong: (payload: PongPayload) => void;
  notification: (payload: {
    id: string;
    kind: string;
    title: string;
    data: object;
    createdAt: string;
    readAt: string | null;
  }) => void;
}

export interface ClientToServerEvents {
  ping: (ack?: (payload: PongPayload) => void) => void;
}
