import { HttpStatus } from '@nestjs/common';

/**
 * Base of every module's own exception. A module declares its error codes as an enum and one
 * subclass (e.g. `AuthException`); the global filter turns any of them into
 * `{ statusCode, code, message, details? }` over HTTP and `{ code, message, details? }` on sockets.
 */
export abstract class AppException<C extends string = string> extends Error {
  protected constructor(
    readonly code: C,
    message: string,
    readonly status: HttpStatus,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Codes shared by every module (validation, generic HTTP errors). */
export enum CommonErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  BadRequest = 'BAD_REQUEST',
  Unauthorized = 'UNAUTHORIZED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  TooManyRequests = 'TOO_MANY_REQUESTS',
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
  Internal = 'INTERNAL_ERROR',
}

export class CommonException extends AppException<CommonErrorCode> {
  constructor(code: CommonErrorCode, message: string, status: HttpStatus, details?: unknown) {
    super(code, message, status, details);
  }
}

/**
 * A module's exception class from its code table: `code -> [HTTP status, Chinese message]`.
 * `class RosterException extends moduleException(ROSTER_ERRORS) {}`
 */
export function moduleException<C extends string>(table: Record<C, readonly [HttpStatus, string]>) {
  return class extends AppException<C> {
    /** The module's code table: its messages are what people read (held to Chinese by a spec). */
    static readonly table: Readonly<Record<string, readonly [HttpStatus, string]>> = table;
    constructor(code: C, details?: unknown, message?: string) {
      super(code, message ?? table[code][1], table[code][0], details);
    }
  };
}

export interface FieldError {
  field: string;
  errors: string[];
}
