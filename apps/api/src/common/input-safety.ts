/**
 * What no field of any request may hold, checked before class-transformer and class-validator
 * see the input (they recurse, and PostgreSQL refuses a NUL byte in text with an error that
 * would become a 500): control characters other than tab and line breaks, and nesting deeper
 * than any DTO of the api. Each problem names its field.
 */
import type { FieldError } from './errors/app.exception.js';

/** Deeper than any request the api takes (a ballot is about 6 levels). */
export const MAX_DEPTH = 32;

/** C0 controls except tab, line feed and carriage return; DEL. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const TOO_DEEP = `嵌套超过 ${MAX_DEPTH} 层`;
const HAS_CONTROL = '含有不允许的控制字符（如 NUL）';

/**
 * The problems of one input (a body, a query object, a path parameter or a socket payload).
 * `root` is the field name of the whole value when it has one (a path parameter's name).
 * Walks without recursion, so no input can exhaust the stack here.
 */
export function unsafeInput(value: unknown, root = ''): FieldError[] {
  const problems = new Map<string, string>();
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: root, depth: 0 }];
  while (stack.length > 0) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (CONTROL.test(v)) problems.set(path, HAS_CONTROL);
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= MAX_DEPTH) {
      // The top-level field: a path thousands of segments long helps nobody.
      problems.set(path.split('.')[0], TOO_DEEP);
      continue;
    }
    for (const [key, child] of Object.entries(v)) {
      const at = path ? `${path}.${key}` : key;
      if (CONTROL.test(key)) problems.set(at, HAS_CONTROL);
      else stack.push({ v: child, path: at, depth: depth + 1 });
    }
  }
  return [...problems].map(([field, error]) => ({ field: field || '(body)', errors: [error] }));
}
