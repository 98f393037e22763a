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

/** PostgreSQL's bigint: ids of bigserial tables (notifications, the audit log). */
const INT8_MAX = 9223372036854775807n;

/** A bigint id as text (1 to 9223372036854775807): a longer number would fail in the database. */
export function IsBigintId(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isBigintId',
      target: target.constructor,
      propertyName,
      options: { message: '应为不超过 9223372036854775807 的正整数编号', ...options },
      validator: {
        validate: (v: unknown) =>
          typeof v === 'string' && /^[1-9]\d{0,18}$/.test(v) && BigInt(v) <= INT8_MAX,
      },
    });
}

/**
 * Characters that change how a name reads without being seen: bidirectional overrides,
 * embeddings and isolates (a "Trojan Source" name can show 王芳 and sort as someone else), the
 * directional marks, zero-width characters, and any line break or tab.
 */
const HIDDEN_IN_NAMES = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\t\n\r]/;

/** A name as printed on a roster, a sheet or a projector: no hidden or direction-changing characters. */
export function IsPlainName(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isPlainName',
      target: target.constructor,
      propertyName,
      options: { message: '名称中不能含有换行、制表符或改变文字方向的隐藏字符', ...options },
      validator: { validate: (v: unknown) => typeof v !== 'string' || !HIDDEN_IN_NAMES.test(v) },
    });
}
