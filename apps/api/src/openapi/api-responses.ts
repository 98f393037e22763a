import { applyDecorators, type HttpStatus } from '@nestjs/common';
import { ApiProduces, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ErrorBody, MESSAGE_BY_STATUS } from '../common/errors/error-body.js';

/** The response object of an error status: the shared ErrorBody schema, a Chinese description. */
export function errorResponse(status: number) {
  return {
    description: MESSAGE_BY_STATUS[status] ?? `HTTP ${status}`,
    content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorBody) } } },
  };
}

/**
 * Errors a route (or every route of a controller) can answer beyond the ones the document adds
 * by itself (400 with parameters or a body, 401/403 unless public, 404 with path parameters):
 * typically 409 from a module's state rules, 413/415 for uploads, 429 for log-in.
 */
export const ApiErrors = (...statuses: HttpStatus[]) =>
  applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: MESSAGE_BY_STATUS[status] ?? `HTTP ${status}`,
        type: ErrorBody,
      }),
    ),
  );

/** A file download: the bytes in one of these content types (clients read it as a Blob). */
export const ApiFileResponse = (...contentTypes: [string, ...string[]]) =>
  applyDecorators(
    ApiProduces(...contentTypes),
    ApiResponse({
      status: 200,
      description: '文件内容',
      schema: { type: 'string', format: 'binary' },
    }),
  );

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** CSV exports: UTF-8 with a byte order mark, for Excel and WPS. */
export const CSV = 'text/csv; charset=utf-8';
