import { getMetadataStorage, type ValidationError } from 'class-validator';

type Args = readonly unknown[];

const list = (values: unknown) =>
  (Array.isArray(values) ? values : Object.values(values ?? {})).join('、');

/**
 * Chinese for every class-validator constraint the DTOs use, by the constraint's name, with the
 * decorator's arguments (a length, a bound, the allowed values). A decorator given its own
 * `message` keeps it (and writes it in Chinese); a constraint missing here falls back to a
 * generic Chinese text, and a unit spec lists every constraint in use so none goes unnoticed.
 */
export const CONSTRAINT_MESSAGES: Record<string, (args: Args) => string> = {
  whitelistValidation: () => '不允许此字段',
  nestedValidation: () => '应为对象',
  isDefined: () => '必须填写',
  isNotEmpty: () => '不能为空',
  isString: () => '应为文本',
  isInt: () => '应为整数',
  isBoolean: () => '应为 true 或 false',
  isArray: () => '应为数组',
  isObject: () => '应为对象',
  isUuid: () => '应为 UUID',
  isNumberString: () => '应为数字',
  isIso8601: () => '应为日期，如 2026-12-05',
  isEnum: ([, values]) => `应为以下之一：${list(values)}`,
  isIn: ([values]) => `应为以下之一：${list(values)}`,
  min: ([n]) => `不能小于 ${String(n)}`,
  max: ([n]) => `不能大于 ${String(n)}`,
  minLength: ([n]) => `不能少于 ${String(n)} 个字符`,
  maxLength: ([n]) => `不能超过 ${String(n)} 个字符`,
  arrayMinSize: ([n]) => `至少 ${String(n)} 项`,
  arrayMaxSize: ([n]) => `最多 ${String(n)} 项`,
  arrayUnique: () => '不能有重复项',
  matches: () => '格式不正确',
};

const FALLBACK = '格式不正确';

/**
 * The Chinese messages of one validation error's failed constraints. The decorators' arguments
 * are read from class-validator's metadata of the object that failed (`target`).
 */
export function chineseMessages(e: ValidationError): string[] {
  const metadata = e.target
    ? getMetadataStorage()
        .getTargetValidationMetadatas(e.target.constructor, '', true, false)
        .filter((m) => m.propertyName === e.property)
    : [];
  return Object.entries(e.constraints ?? {}).map(([name, english]) => {
    const meta = metadata.find((m) => m.name === name);
    if (meta?.message) return english; // the decorator's own (Chinese) message
    const message = CONSTRAINT_MESSAGES[name];
    return message ? message(meta?.constraints ?? []) : FALLBACK;
  });
}
