import type {
  ClientToServerEvents,
  Reply,
  RequestAck,
  RequestEvent,
  ServerToClientEvents,
  SocketRequests,
} from '@libs/contracts/src/index.js';
import { io, type Socket } from 'socket.io-client';
import { ApiError } from './api.js';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * One socket.io connection with the area's token (same origin, so the hall's tablets need one
 * address). socket.io reconnects by itself after Wi-Fi drops; callers re-join their rooms on
 * `connect` (see `onEveryConnect`).
 */
export function connectSocket(token: string): AppSocket {
  return io({ auth: { token }, transports: ['websocket', 'polling'] });
}

/** Runs `fn` now if connected and again after every reconnection (rooms are per connection). */
export function onEveryConnect(socket: AppSocket, fn: () => void): () => void {
  if (socket.connected) fn();
  socket.on('connect', fn);
  return () => socket.off('connect', fn);
}

/**
 * Sends a request and waits for its acknowledgement: the reply, or an ApiError with the code
 * from libs/contracts. A request not answered within `timeoutMs` fails with code TIMEOUT (the
 * caller decides whether sending again is safe: casting is, the server answers a second cast
 * with the first receipt).
 */
export function request<E extends RequestEvent>(
  socket: AppSocket,
  event: E,
  payload: SocketRequests[E]['payload'],
  timeoutMs = 15_000,
): Promise<Reply<E>> {
  return new Promise((resolve, reject) => {
    // socket.io's typed emit cannot follow a generic event name; the contract types both ends.
    const emit = socket.timeout(timeoutMs).emit as unknown as (
      e: string,
      p: unknown,
      ack: (err: Error | null, res: RequestAck<E>) => void,
    ) => void;
    emit.call(socket.timeout(timeoutMs), event, payload, (err, res) => {
      if (err) return reject(new ApiError(0, 'TIMEOUT', '服务器未及时响应，请稍后重试'));
      if (res.ok) return resolve(res as Reply<E>);
      reject(new ApiError(0, res.error.code, res.error.message, res.error.details));
    });
  });
}
