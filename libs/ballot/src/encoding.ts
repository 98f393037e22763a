/**
 * Byte-level encodings shared by every format: strict lowercase hex, RFC 4648 base32, and the
 * length-prefixed writer/reader used for canonical bytes and Fiat–Shamir transcripts.
 * See README.md, "Primitive encodings".
 */
import { BallotError, type BallotErrorDetail } from './errors.js';

const HEX = '0123456789abcdef';
const BYTE_HEX = Array.from({ length: 256 }, (_, i) => HEX[i >> 4] + HEX[i & 15]);
/** Value of a lowercase hex digit by char code, −1 for anything else. */
const NIBBLE = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) NIBBLE[HEX.charCodeAt(i)] = i;

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += BYTE_HEX[bytes[i]];
  return s;
}

/** Strict hex: lowercase only, even length, and exactly `length` bytes when given. */
export function fromHex(
  hex: unknown,
  length: number | undefined,
  what: string,
  detail: BallotErrorDetail = {},
): Uint8Array {
  if (typeof hex !== 'string' || hex.length % 2 !== 0)
    throw new BallotError('BAD_ENCODING', `${what}: expected lowercase hex`, {
      ...detail,
      check: what,
    });
  if (length !== undefined && hex.length !== length * 2)
    throw new BallotError('BAD_ENCODING', `${what}: expected ${length} bytes of hex`, {
      ...detail,
      check: what,
    });
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = NIBBLE[hex.charCodeAt(2 * i)] ?? -1;
    const lo = NIBBLE[hex.charCodeAt(2 * i + 1)] ?? -1;
    if (hi < 0 || lo < 0)
      throw new BallotError('BAD_ENCODING', `${what}: expected lowercase hex`, {
        ...detail,
        check: what,
      });
    out[i] = (hi << 4) | lo;
  }
  return out;
}

/** Little-endian bytes to a non-negative integer. */
export function bytesToBigIntLE(b: Uint8Array): bigint {
  let s = '';
  for (let i = b.length - 1; i >= 0; i--) s += BYTE_HEX[b[i]];
  return s.length === 0 ? 0n : BigInt('0x' + s);
}

/** A non-negative integer < 2^(8·length) to `length` little-endian bytes. */
export function bigIntToBytesLE(n: bigint, length: number): Uint8Array {
  const hex = n.toString(16).padStart(2 * length, '0');
  if (n < 0n || hex.length > 2 * length)
    throw new RangeError(`integer does not fit in ${length} bytes`);
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++)
    out[i] =
      (NIBBLE[hex.charCodeAt(2 * (length - 1 - i))] << 4) |
      NIBBLE[hex.charCodeAt(2 * (length - 1 - i) + 1)];
  return out;
}

export const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32, uppercase, no padding. */
export function toBase32(bytes: Uint8Array): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const byte of bytes) {
    acc = ((acc << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += B32[(acc >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32[(acc << (5 - bits)) & 31];
  return out;
}

/**
 * Decodes base32 typed by a person: case-insensitive, spaces and hyphens ignored, and the digits
 * 0, 1 and 8 read as the letters O, I and B they are mistaken for. Returns undefined when a
 * character is not base32 or the trailing bits are not zero.
 */
export function fromBase32Lenient(text: string): Uint8Array | undefined {
  const clean = normalizeBase32(text);
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const ch of clean) {
    const v = B32.indexOf(ch);
    if (v < 0) return undefined;
    acc = ((acc << 5) | v) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      out.push((acc >> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  if (bits >= 5 || (acc & ((1 << bits) - 1)) !== 0) return undefined;
  return Uint8Array.from(out);
}

/** What a person typed, as base32 characters: upper case, no spaces or hyphens, 0/1/8 as O/I/B. */
export function normalizeBase32(text: string): string {
  return String(text)
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/0/g, 'O')
    .replace(/1/g, 'I')
    .replace(/8/g, 'B');
}

const utf8enc = new TextEncoder();
const utf8dec = new TextDecoder('utf-8', { fatal: true });

export function utf8(s: string): Uint8Array {
  return utf8enc.encode(s);
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i] ^ b[i];
  return d === 0;
}

/**
 * Appends the primitive encodings of the spec: u8, u32 (big-endian), `bytes` (u32 length then the
 * bytes), `str` (bytes of the UTF-8 form), and fixed-width raw bytes (points, scalars, digests).
 */
export class ByteWriter {
  private buf = new Uint8Array(256);
  private len = 0;

  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  u8(v: number): this {
    this.room(1);
    this.buf[this.len++] = v & 0xff;
    return this;
  }

  u32(v: number): this {
    if (!Number.isInteger(v) || v < 0 || v > 0xffffffff)
      throw new RangeError(`u32 out of range: ${v}`);
    this.room(4);
    this.buf[this.len++] = v >>> 24;
    this.buf[this.len++] = (v >>> 16) & 0xff;
    this.buf[this.len++] = (v >>> 8) & 0xff;
    this.buf[this.len++] = v & 0xff;
    return this;
  }

  /** Fixed-width bytes, no length prefix (32-byte points and scalars, digests). */
  raw(b: Uint8Array): this {
    this.room(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
    return this;
  }

  bytes(b: Uint8Array): this {
    return this.u32(b.length).raw(b);
  }

  str(s: string): this {
    return this.bytes(utf8(s));
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

/** Reads what ByteWriter wrote; any overrun or bad UTF-8 is BAD_ENCODING. */
export class ByteReader {
  private pos = 0;
  constructor(private readonly buf: Uint8Array) {}

  private need(n: number, what: string): void {
    if (this.pos + n > this.buf.length)
      throw new BallotError('BAD_ENCODING', `truncated bytes reading ${what}`, { check: what });
  }

  u8(what: string): number {
    this.need(1, what);
    return this.buf[this.pos++];
  }

  u32(what: string): number {
    this.need(4, what);
    const b = this.buf;
    const v =
      ((b[this.pos] << 24) | (b[this.pos + 1] << 16) | (b[this.pos + 2] << 8) | b[this.pos + 3]) >>>
      0;
    this.pos += 4;
    return v;
  }

  raw(n: number, what: string): Uint8Array {
    this.need(n, what);
    const out = this.buf.slice(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  bytes(what: string): Uint8Array {
    return this.raw(this.u32(what), what);
  }

  str(what: string): string {
    try {
      return utf8dec.decode(this.bytes(what));
    } catch (e) {
      if (e instanceof BallotError) throw e;
      throw new BallotError('BAD_ENCODING', `${what}: not UTF-8`, { check: what });
    }
  }

  /** Throws unless every byte was consumed. */
  end(): void {
    if (this.pos !== this.buf.length)
      throw new BallotError('BAD_ENCODING', `${this.buf.length - this.pos} trailing bytes`, {
        check: 'end',
      });
  }
}
