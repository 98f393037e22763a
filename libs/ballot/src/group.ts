/**
 * The group: ristretto255 (RFC 9496) from @noble/curves, its scalar field Z_l, and their canonical
 * 32-byte encodings. Points and scalars cross every API boundary as lowercase hex of these bytes.
 */
import { ristretto255 } from '@noble/curves/ed25519.js';
import { BallotError, type BallotErrorDetail } from './errors.js';
import { bigIntToBytesLE, bytesToBigIntLE, fromHex, toHex } from './encoding.js';

export const RistrettoPoint = ristretto255.Point;
export type Point = InstanceType<typeof ristretto255.Point>;

/** The prime order l = 2^252 + 27742317777372353535851937790883648493 of ristretto255. */
export const L: bigint = RistrettoPoint.Fn.ORDER;
export const G: Point = RistrettoPoint.BASE;
export const ZERO: Point = RistrettoPoint.ZERO;

export function mod(a: bigint): bigint {
  const r = a % L;
  return r < 0n ? r + L : r;
}

export const sadd = (a: bigint, b: bigint): bigint => mod(a + b);
export const ssub = (a: bigint, b: bigint): bigint => mod(a - b);
export const smul = (a: bigint, b: bigint): bigint => mod(a * b);

/** Scalar to its 32-byte little-endian encoding. */
export function scalarToBytes(s: bigint): Uint8Array {
  return bigIntToBytesLE(s, 32);
}

/** 32 little-endian bytes to a scalar; values ≥ l are refused (non-canonical). */
export function scalarFromBytes(
  b: Uint8Array,
  what: string,
  detail: BallotErrorDetail = {},
): bigint {
  const s = bytesToBigIntLE(b);
  if (b.length !== 32 || s >= L)
    throw new BallotError('BAD_ENCODING', `${what}: not a canonical scalar (must be < l)`, {
      ...detail,
      check: what,
    });
  return s;
}

export const scalarToHex = (s: bigint): string => toHex(scalarToBytes(s));

export function scalarFromHex(hex: unknown, what: string, detail: BallotErrorDetail = {}): bigint {
  return scalarFromBytes(fromHex(hex, 32, what, detail), what, detail);
}

/** 64 bytes (e.g. a SHA-512 digest) reduced mod l, little-endian: "wide reduction". */
export function scalarFromWide(b: Uint8Array): bigint {
  return mod(bytesToBigIntLE(b));
}

export const pointToBytes = (p: Point): Uint8Array => p.toBytes();

/**
 * The points last encoded or decoded, by encoding: decoding (and encoding) a ristretto255 point
 * costs a field square root, ~1 ms in a browser or a busy server, and a close decodes again what it
 * has just encoded (the tally, then the partial decryption and its proof). Points are immutable,
 * so the same one can be handed out again; only valid encodings ever enter.
 */
const recent = new Map<string, Point>();
const RECENT_KEPT = 256;

function remember(hex: string, p: Point): Point {
  if (recent.size >= RECENT_KEPT) recent.delete(recent.keys().next().value!);
  recent.set(hex, p);
  return p;
}

export function pointToHex(p: Point): string {
  const hex = toHex(p.toBytes());
  remember(hex, p);
  return hex;
}

/** Canonical RFC 9496 decoding; anything else (including non-canonical bytes) is BAD_ENCODING. */
export function pointFromBytes(b: Uint8Array, what: string, detail: BallotErrorDetail = {}): Point {
  try {
    return RistrettoPoint.fromBytes(b);
  } catch {
    throw new BallotError('BAD_ENCODING', `${what}: not a valid ristretto255 encoding`, {
      ...detail,
      check: what,
    });
  }
}

export function pointFromHex(hex: unknown, what: string, detail: BallotErrorDetail = {}): Point {
  const known = typeof hex === 'string' ? recent.get(hex) : undefined;
  if (known) return known;
  return remember(hex as string, pointFromBytes(fromHex(hex, 32, what, detail), what, detail));
}

/** s·G for any scalar 0 ≤ s < l (noble's multiply refuses 0). Constant-time for s ≠ 0. */
export function mulG(s: bigint): Point {
  return s === 0n ? ZERO : G.multiply(s);
}

/** s·P for a secret scalar, constant-time for s ≠ 0. */
export function mul(p: Point, s: bigint): Point {
  return s === 0n ? ZERO : p.multiply(s);
}

/** s·P for public scalars (verification): variable-time, uses P's precomputed table if it has one. */
export function mulPublic(p: Point, s: bigint): Point {
  if (s === 0n) return ZERO;
  if (s === 1n) return p;
  if (s === L - 1n) return p.negate();
  return p.multiplyUnsafe(s);
}

const precomputed = new Map<string, Point>();

/**
 * A copy of the point with a window-8 precomputed table, cached by encoding (at most 16 kept),
 * for points multiplied many times: the election key Y, trustee shares.
 */
export function withTable(p: Point): Point {
  const k = pointToHex(p);
  let q = precomputed.get(k);
  if (!q) {
    if (precomputed.size >= 16) precomputed.delete(precomputed.keys().next().value as string);
    q = RistrettoPoint.fromBytes(p.toBytes());
    q.precompute(8, false);
    precomputed.set(k, q);
  }
  return q;
}
