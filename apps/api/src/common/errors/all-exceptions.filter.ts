import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { CommonErrorCode } from './app.exception.js';
import { toErrorBody } from './error-body.js';

/** One filter for every HTTP error: the body shape of {@link toErrorBody}, 5xx logged with stack. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const res = host.switchToHttp().getResponse<Response>();
    const body = toErrorBody(exception);
    if (body.code === CommonErrorCode.ServiceUnavailable) {
      // Not a bug: one line, no stack, for each request refused while PostgreSQL is away.
      this.logger.warn(`database unavailable: ${(exception as Error)?.message ?? exception}`);
    } else if (body.statusCode >= 500) {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    }
    if (res.headersSent) return;
    // A 429 says when to come back, in the header clients and proxies read.
    const retryAfter = (body.details as { retryAfterSeconds?: unknown } | undefined)
      ?.retryAfterSeconds;
    if (body.statusCode === 429 && typeof retryAfter === 'number') {
      res.setHeader('Retry-After', String(retryAfter));
    }
    if (body.code === CommonErrorCode.ServiceUnavailable) res.setHeader('Retry-After', '5');
    res.status(body.statusCode).json(body);
  }
}
