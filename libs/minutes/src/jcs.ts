/**
 * Canonical JSON (RFC 8785, JSON Canonicalization Scheme) and SHA-256 over it.
 *
 * The serialisation itself is the `canonicalize` package (the RFC co-author's implementation):
 * object members sorted by UTF-16 code units, no whitespace, numbers as ECMAScript
 * Number.prototype.toString, strings escaped as JSON.stringify does. jcs.spec.ts checks it against
 * the RFC's examples and every number of its Appendix B. This wrapper adds the strictness a signed
 * record needs: only plain JSON values (no undefined members, no toJSON objects such as Date, no
 * NaN/Infinity, no lone surrogates), so what is hashed is exactly what a verifier parses back.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import canonicalize from 'canonicalize';
import { equalBytes, fromUtf8, toHex, utf8 } from './bytes.js';
import { MinutesError } from './errors.js';

/** A plain JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function assertPlain(v: unknown, path: string, seen: Set<object>): void {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return;
  if (typeof v === 'number') {
    if (!Number.isFinite(v))
      throw new MinutesError('NOT_CANONICAL_JSON', `${path}：数值不是有限数`, { path });
    return;
  }
  if (typeof v !== 'object')
    throw new MinutesError('NOT_CANONICAL_JSON', `${path}：${typeof v} 不是 JSON 值`, { path });
  if (seen.has(v)) throw new MinutesError('NOT_CANONICAL_JSON', `${path}：循环引用`, { path });
  const proto = Object.getPrototypeOf(v) as unknown;
  // A plain object of any realm (structuredClone in a VM context makes one of another realm).
  if (!Array.isArray(v) && proto !== null && Object.getPrototypeOf(proto) !== null)
    throw new MinutesError(
      'NOT_CANONICAL_JSON',
      `${path}：不是普通对象（如 Date），请先转为字符串`,
      { path },
    );
  seen.add(v);
  if (Array.isArray(v)) v.forEach((x, i) => assertPlain(x, `${path}[${i}]`, seen));
  else for (const [k, x] of Object.entries(v)) assertPlain(x, `${path}.${k}`, seen);
  seen.delete(v);
}

/** The RFC 8785 text of a plain JSON value; throws NOT_CANONICAL_JSON for anything else. */
export function canonicalJson(value: unknown): string {
  assertPlain(value, '$', new Set());
  try {
    const text = canonicalize(value);
    if (text === undefined) throw new Error('undefined');
    return text;
  } catch (e) {
    if (e instanceof MinutesError) throw e;
    throw new MinutesError('NOT_CANONICAL_JSON', `无法规范化：${(e as Error).message}`);
  }
}

/** UTF-8 bytes of the canonical text: what is hashed, signed and stored in bundles. */
export const canonicalBytes = (value: unknown): Uint8Array => utf8(canonicalJson(value));

export const sha256Hex = (bytes: Uint8Array): string => toHex(sha256(bytes));

/** SHA-256 (lowercase hex) of a value's canonical bytes. */
export const hashJson = (value: unknown): string => sha256Hex(canonicalBytes(value));

/**
 * Parses bytes that must already be canonical JSON: the parsed value re-serialises to the very same
 * bytes (so no whitespace, no reordered or duplicate members, no other spelling of a number).
 */
export function parseCanonical(bytes: Uint8Array, what: string): Json {
  const text = fromUtf8(bytes, what);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new MinutesError('NOT_CANONICAL_BYTES', `${what}：不是 JSON`, { file: what });
  }
  if (!equalBytes(canonicalBytes(value), bytes))
    throw new MinutesError('NOT_CANONICAL_BYTES', `${what}：不是规范化 JSON（RFC 8785）`, {
      file: what,
    });
  return value as Json;
}
