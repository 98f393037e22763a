import { type ArgumentsHost, Catch, type WsExceptionFilter, Logger } from '@nestjs/common';
import type { Socket } from 'socket.io';
import { CommonErrorCode } from '../common/errors/app.exception.js';
import { toErrorBody } from '../common/errors/error-body.js';
import type { ServerEvents, SocketError } from '../common/contracts.js';

/**
 * Socket errors keep the connection: the client gets the error in its acknowledgement when it
 * asked for one, otherwise as an `exception` event, always with a code.
 */
@Catch()
export class WsExceptionsFilter implements WsExceptionFilter {
  private readonly logger = new Logger('SocketErrors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ws = host.switchToWs();
    const socket = ws.getClient<Socket>();
    const { statusCode, code, message, details } = toErrorBody(exception);
    if (code === CommonErrorCode.ServiceUnavailable) {
      // PostgreSQL away: the tablet keeps its ballot and casts again; one line, no stack.
      this.logger.warn(`database unavailable: ${(exception as Error)?.message ?? exception}`);
    } else if (statusCode >= 500) {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    }
    // Socket requests reach only the modules whose codes the contract lists (ErrorCode).
    const error = (
      details === undefined ? { code, message } : { code, message, details }
    ) as SocketError;
    const args = host.getArgs();
    const ack = args.find((a, i) => i > 0 && typeof a === 'function') as
      ((r: unknown) => void) | undefined;
    if (ack) ack({ ok: false, error });
    else
      socket.emit('exception', {
        ...error,
        event: ws.getPattern(),
      } satisfies ServerEvents['exception']);
  }
}
