/**
 * Byte helpers: strict lowercase hex, UTF-8, and base32 (RFC 4648, via @scure/base) with a
 * lenient reader for codes typed back by people.
 */
import { base32 } from '@scure/base';
import { MinutesError } from './errors.js';

const HEX_RE = /^(?:[0-9a-f]{2})*$/;

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/** Lowercase hex only; `length` in bytes when given. */
export function fromHex(hex: unknown, length: number | undefined, what: string): Uint8Array {
  if (
    typeof hex !== 'string' ||
    !HEX_RE.test(hex) ||
    (length !== undefined && hex.length !== 2 * length)
  )
    throw new MinutesError(
      'BAD_ENCODING',
      `${what}：应为${length === undefined ? '' : ` ${length} 字节的`}小写十六进制`,
      { field: what },
    );
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export const isHex = (v: unknown, length?: number): v is string =>
  typeof v === 'string' && HEX_RE.test(v) && (length === undefined || v.length === 2 * length);

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export const utf8 = (s: string): Uint8Array => encoder.encode(s);

/** Strict UTF-8 decoding: malformed bytes throw. */
export function fromUtf8(bytes: Uint8Array, what: string): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new MinutesError('BAD_ENCODING', `${what}：不是有效的 UTF-8 文本`, { field: what });
  }
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** RFC 4648 base32 without padding. */
export const toBase32 = (bytes: Uint8Array): string => base32.encode(bytes).replace(/=+$/, '');

/**
 * Base32 typed back by a person: case, spaces and hyphens ignored; 0, 1 and 8 read as O, I and B
 * (they are not in the alphabet and are what people misread those letters as).
 */
export function fromBase32Lenient(text: string): Uint8Array | null {
  const clean = text
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/0/g, 'O')
    .replace(/1/g, 'I')
    .replace(/8/g, 'B');
  if (!/^[A-Z2-7]*$/.test(clean)) return null;
  const padded = clean + '='.repeat((8 - (clean.length % 8)) % 8);
  try {
    return base32.decode(padded);
  } catch {
    return null;
  }
}

/** `ABCDEFGH` → `ABCD-EFGH`. */
export const groupsOf4 = (s: string): string => s.match(/.{1,4}/g)?.join('-') ?? '';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

/** An ISO 8601 UTC time as Date.prototype.toISOString writes it (milliseconds optional). */
export const isIsoUtc = (v: unknown): v is string =>
  typeof v === 'string' && ISO_UTC.test(v) && !Number.isNaN(Date.parse(v));
