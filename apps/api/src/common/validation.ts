import {
  type ArgumentMetadata,
  HttpStatus,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';
import { CommonErrorCode, CommonException, type FieldError } from './errors/app.exception.js';
import { unsafeInput } from './input-safety.js';
import { chineseMessages } from './validation-messages.js';
import { keepValidationRules } from './validation-rules.js';

// Every pipe made here validates with class-validator's one storage of rules: keep its answers.
keepValidationRules();

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
  return fieldsException(fieldErrors(errors));
}

function fieldsException(details: FieldError[]): CommonException {
  return new CommonException(
    CommonErrorCode.ValidationFailed,
    `输入有误：${details.map((d) => d.field).join(', ')}`,
    HttpStatus.BAD_REQUEST,
    details,
  );
}

/** What a pipe is given from the client: HTTP body, query, path parameter, socket payload. */
const CLIENT_INPUT = new Set<unknown>([
  'body',
  'query',
  'param',
  3, // @nestjs/websockets' WsParamtype.PAYLOAD (@MessageBody)
]);

const parsedElsewhere = new WeakMap<object, string[]>();

/**
 * A DTO field the service reads with its own strict parser, which refuses anything but the exact
 * documented form with a coded error (a ballot: libs/ballot `parseBallot`, every field, length
 * and hex string, never recursing into what it does not expect). The pipe leaves it to that parser
 * and checks the rest of the DTO: walking a 3–20 KB ballot with the generic checks, class-transformer
 * and class-validator cost about 5 % of the api's main thread per cast (bench/README.md).
 */
export function ParsedByService(): PropertyDecorator {
  return (target, key) => {
    const ctor = target.constructor;
    parsedElsewhere.set(ctor, [...(parsedElsewhere.get(ctor) ?? []), String(key)]);
  };
}

/** ValidationPipe, after the checks of input-safety.ts that hold for every field. */
class SafeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const raw = metadata.metatype ? parsedElsewhere.get(metadata.metatype) : undefined;
    if (raw && value && typeof value === 'object' && !Array.isArray(value)) {
      const input = value as Record<string, unknown>;
      const kept = raw.filter((k) => Object.hasOwn(input, k));
      if (kept.length > 0) {
        const rest = { ...input };
        for (const k of kept) delete rest[k];
        const dto = (await this.transform(rest, metadata)) as Record<string, unknown>;
        for (const k of kept) dto[k] = input[k];
        return dto;
      }
    }
    if (CLIENT_INPUT.has(metadata.type)) {
      const problems = unsafeInput(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
      if (problems.length > 0) throw fieldsException(problems);
    }
    return super.transform(value, metadata);
  }
}

/**
 * Refuse control characters and absurd nesting; whitelist, refuse unknown fields, transform to
 * DTO classes; errors name each field.
 */
export function createValidationPipe(): ValidationPipe {
  return new SafeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The failing object is needed to read its decorators' arguments for the Chinese messages.
    validationError: { target: true },
    exceptionFactory: validationException,
  });
}
