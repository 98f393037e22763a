import { registerDecorator, type ValidationOptions } from 'class-validator';
import { parseShanghaiDateTime } from './time.js';

/** A time as staff type it: `2026-12-05 09:00` (Shanghai) or ISO 8601 with an offset. */
export function IsShanghaiDateTime(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isShanghaiDateTime',
      target: target.constructor,
      propertyName,
      options: {
        message: '应为时间，如 2026-12-05 09:00（北京时间）或带时区的 ISO 8601',
        ...options,
      },
      validator: {
        validate: (v: unknown) => typeof v === 'string' && parseShanghaiDateTime(v) !== null,
      },
    });
}
