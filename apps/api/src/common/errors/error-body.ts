import { HttpException, HttpStatus } from '@nestjs/common';
import { AppException, CommonErrorCode } from './app.exception.js';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}

const CODE_BY_STATUS: Record<number, CommonErrorCode> = {
  400: CommonErrorCode.BadRequest,
  401: CommonErrorCode.Unauthorized,
  403: CommonErrorCode.Forbidden,
  404: CommonErrorCode.NotFound,
  409: CommonErrorCode.Conflict,
  413: CommonErrorCode.PayloadTooLarge,
  429: CommonErrorCode.TooManyRequests,
  503: CommonErrorCode.ServiceUnavailable,
};

const MESSAGE_BY_STATUS: Record<number, string> = {
  400: '请求有误',
  401: '未登录或登录已失效',
  403: '无权执行此操作',
  404: '未找到',
  409: '与当前状态冲突',
  413: '内容过大',
  429: '请求过于频繁，请稍后再试',
  503: '服务暂不可用',
};

/**
 * The single mapping from anything thrown to what a client sees. Unknown errors become a 500
 * with a generic message: no stack trace or internal message ever leaves the server.
 */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof AppException) {
    return body(error.status, error.code, error.message, error.details);
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const res = error.getResponse();
    const message =
      MESSAGE_BY_STATUS[status] ??
      (typeof res === 'string'
        ? res
        : String((res as { message?: unknown }).message ?? error.message));
    return body(status, CODE_BY_STATUS[status] ?? `HTTP_${status}`, message);
  }
  if (isBodyParserError(error)) {
    const status = error.status;
    return body(
      status,
      CODE_BY_STATUS[status] ?? CommonErrorCode.BadRequest,
      MESSAGE_BY_STATUS[status] ?? '请求有误',
    );
  }
  return body(HttpStatus.INTERNAL_SERVER_ERROR, CommonErrorCode.Internal, '服务器内部错误');
}

function body(statusCode: number, code: string, message: string, details?: unknown): ErrorBody {
  return details === undefined
    ? { statusCode, code, message }
    : { statusCode, code, message, details };
}

/** Errors thrown by Express's body parser (malformed JSON, too large) carry a 4xx status. */
function isBodyParserError(e: unknown): e is { status: number; type: string } {
  const s = (e as { status?: unknown; type?: unknown } | null)?.status;
  return (
    typeof s === 'number' &&
    s >= 400 &&
    s < 500 &&
    typeof (e as { type?: unknown }).type === 'string'
  );
}
