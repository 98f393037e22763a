import { HttpException, HttpStatus } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import { AppException, CommonErrorCode, type FieldError } from './app.exception.js';
import { isDatabaseUnavailable } from './database-unavailable.js';

/** One field's problems in a 400 `VALIDATION_FAILED` body (the OpenAPI schema of FieldError). */
@ApiSchema({ name: 'FieldError' })
export class FieldErrorSchema implements FieldError {
  @ApiProperty({ example: 'vote.seats', description: '字段路径（嵌套字段以点分隔）' })
  field!: string;
  @ApiProperty({ type: [String], example: ['应为不小于 1 的整数'] }) errors!: string[];
}

/** What every HTTP error answers, whatever threw it (see {@link toErrorBody}). */
export class ErrorBody {
  @ApiProperty({ example: 409 }) statusCode!: number;
  @ApiProperty({
    example: 'VALIDATION_FAILED',
    description: '机器可读的错误码（各模块的错误码表）',
  })
  code!: string;
  @ApiProperty({ example: '输入有误：name', description: '给人看的中文说明' }) message!: string;
  @ApiPropertyOptional({
    description: '400 VALIDATION_FAILED：逐字段的错误列表；其他错误码：与之相关的数据（对象）',
    oneOf: [
      { type: 'array', items: { $ref: getSchemaPath(FieldErrorSchema) } },
      { type: 'object', additionalProperties: true },
    ],
  })
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

/** The Chinese message of a plain HTTP error, also the description of the status in the API docs. */
export const MESSAGE_BY_STATUS: Record<number, string> = {
  400: '请求有误',
  401: '未登录或登录已失效',
  403: '无权执行此操作',
  404: '未找到',
  409: '与当前状态冲突',
  413: '内容过大',
  415: '不支持的文件类型',
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
  if (isDatabaseUnavailable(error)) {
    return body(
      HttpStatus.SERVICE_UNAVAILABLE,
      CommonErrorCode.ServiceUnavailable,
      '数据库暂不可用，请稍后重试',
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
