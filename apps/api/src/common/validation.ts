import { HttpStatus, ValidationPipe, type ValidationError } from '@nestjs/common';
import { CommonErrorCode, CommonException, type FieldError } from './errors/app.exception.js';

/** Flattens nested class-validator errors into `[{ field: 'items.0.name', errors: [...] }]`. */
export function fieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, errors: Object.values(e.constraints) }] : [];
    return [...own, ...fieldErrors(e.children ?? [], field)];
  });
}

export function validationException(errors: ValidationError[]): CommonException {
  const details = fieldErrors(errors);
  return new CommonException(
    CommonErrorCode.ValidationFailed,
    `输入有误：${details.map((d) => d.field).join(', ')}`,
    HttpStatus.BAD_REQUEST,
    details,
  );
}

/** Whitelist, refuse unknown fields, transform to DTO classes; errors name each field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: validationException,
  });
}
