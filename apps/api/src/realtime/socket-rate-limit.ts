import type { Socket } from 'socket.io';
import { CommonErrorCode } from '../common/errors/app.exception.js';
import type { ServerEvents, SocketError } from '../common/contracts.js';
import { TokenBucket } from './token-bucket.js';

export interface SocketRateLimit {
  /** Events a socket may send at once. */
  burst: number;
  /** Events per second it may keep sending. */
  perSecond: number;
  /** Refused events in a row after which the socket is closed. */
  disconnectAfter: number;
}

/**
 * A tablet sends a handful of requests a minute (join, state, sign, cast, ping); a burst of 40
 * and 10 a second leave room for a reconnecting screen and none for a flood.
 */
export const SOCKET_RATE_LIMIT: SocketRateLimit = {
  burst: 40,
  perSecond: 10,
  disconnectAfter: 100,
};

/**
 * Holds every incoming event of one socket to a token bucket, so that one noisy or hostile
 * client cannot slow the hall's other tablets. An event over the limit is not handled: it is
 * answered with `TOO_MANY_REQUESTS` (in its acknowledgement, else as an `exception` event);
 * past `disconnectAfter` refusals in a row the socket is closed.
 */
export function limitSocketEvents(
  socket: Socket,
  limit: SocketRateLimit = SOCKET_RATE_LIMIT,
  now: () => number = Date.now,
): void {
  const bucket = new TokenBucket(limit.burst, limit.perSecond, now());
  let refused = 0;
  socket.use((packet, next) => {
    if (bucket.take(now())) {
      refused = 0;
      return next();
    }
    refused += 1;
    if (refused > limit.disconnectAfter) {
      socket.disconnect(true);
      return;
    }
    const error: SocketError = {
      code: CommonErrorCode.TooManyRequests,
      message: '请求过于频繁，请稍后再试',
      details: { retryAfterMs: bucket.waitMs() },
    };
    const last: unknown = packet[packet.length - 1];
    if (typeof last === 'function') (last as (r: unknown) => void)({ ok: false, error });
    else
      socket.emit('exception', {
        ...error,
        event: String(packet[0]),
      } satisfies ServerEvents['exception']);
  });
}
