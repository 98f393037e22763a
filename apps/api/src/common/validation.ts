import { HttpStatus, ValidationPipe, type ValidationError } from '@nestjs/common';
import { CommonErrorCode, CommonException, type FieldError } from './errors/app.exception.js';
import { chineseMessages } from './validation-messages.js';

/**
 * Flattens nested class-validator errors into `[{ field: 'items.0.name', errors: [...] }]`, each
 * error in Chinese.
 */
export function fieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, errors: chineseMessages(e) }] : [];
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
    // The failing object is needed to read its decorators' arguments for the Chinese messages.
    validationError: { target: true },
    exceptionFactory: validationException,
  });
}
