import { SubscribeMessage } from '@nestjs/websockets';
import type { Pong, Reply, RequestEvent } from '../common/contracts.js';

/** What the handler of `E` answers with: the request's successful acknowledgement. */
type Answer<E extends RequestEvent | 'ping'> = E extends RequestEvent ? Reply<E> : Pong;
type Handler<E extends RequestEvent | 'ping'> = (
  ...args: never[]
) => Answer<E> | Promise<Answer<E>>;

/**
 * `@SubscribeMessage(event)` for the requests of the client contract (libs/contracts): the event
 * name must be one of them, and the handler must return that request's reply, or the decorator
 * does not compile. Errors are thrown, and reach the client through WsExceptionsFilter; roles
 * are stated with `@Roles(...)` as on routes.
 */
export function SocketRequest<E extends RequestEvent | 'ping'>(event: E) {
  return <H extends Handler<E>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<H>,
  ): void => {
    SubscribeMessage(event)(target, key, descriptor);
  };
}

/** A successful acknowledgement: `ok({ receipt })` is `{ ok: true, receipt }`. */
export const ok = <T extends object>(reply: T): { ok: true } & T => ({ ok: true, ...reply });
