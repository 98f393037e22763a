import { SubscribeMessage } from '@nestjs/websockets';
import type { Pong, Reply, RequestEvent, SocketRequests } from '../common/contracts.js';

/** What the handler of `E` answers with: the request's successful acknowledgement. */
type Answer<E extends RequestEvent | 'ping'> = E extends RequestEvent ? Reply<E> : Pong;
type Handler<E extends RequestEvent | 'ping'> = (
  ...args: never[]
) => Answer<E> | Promise<Answer<E>>;

/** What the client sends with `E` (`ping` sends nothing). */
type Payload<E extends RequestEvent | 'ping'> = E extends RequestEvent
  ? SocketRequests[E]['payload']
  : Record<string, never>;
/** Every field name of a payload, across the members of a union (`CastRequest`). */
type Fields<T> = T extends unknown ? keyof T : never;
/** The handler's last parameter: where the `@MessageBody()` DTO goes. */
type Body<H> = H extends (...args: infer A) => unknown
  ? A extends [...unknown[], infer L]
    ? L
    : never
  : never;
/**
 * Whether the handler's DTO holds to the contract: the same field names, and every payload the
 * contract allows is of the DTO's type (the DTO may type a field more loosely, e.g. `unknown`
 * for a ballot that the service parses; class-validator checks it at run time). A payload
 * without fields (`Record<string, never>`) needs no DTO.
 */
type BodyAgrees<E extends RequestEvent | 'ping', H> =
  string extends Fields<Payload<E>>
    ? true
    : [Payload<E>] extends [Body<H>]
      ? [Fields<Payload<E>>] extends [keyof Body<H>]
        ? [keyof Body<H>] extends [Fields<Payload<E>>]
          ? true
          : false
        : false
      : false;
/** Where the DTO disagrees, a property the descriptor lacks: the error names both sides. */
type ContractCheck<E extends RequestEvent | 'ping', H> =
  BodyAgrees<E, H> extends true
    ? unknown
    : { payloadDisagreesWithContract: { event: E; contract: Payload<E>; dto: Body<H> } };

/**
 * `@SubscribeMessage(event)` for the requests of the client contract (libs/contracts): the event
 * name must be one of them, the handler must return that request's reply, and its last
 * parameter (the `@MessageBody()` DTO) must hold to the request's payload, or the decorator
 * does not compile. Errors are thrown, and reach the client through WsExceptionsFilter; roles
 * are stated with `@Roles(...)` as on routes.
 */
export function SocketRequest<E extends RequestEvent | 'ping'>(event: E) {
  return <H extends Handler<E>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<H> & ContractCheck<E, H>,
  ): void => {
    SubscribeMessage(event)(target, key, descriptor);
  };
}

/** A successful acknowledgement: `ok({ receipt })` is `{ ok: true, receipt }`. */
export const ok = <T extends object>(reply: T): { ok: true } & T => ({ ok: true, ...reply });
