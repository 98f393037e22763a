/**
 * Randomness. By default `crypto.getRandomValues` (Node ≥ 20 and every browser, also over plain
 * HTTP). Every function that draws randomness takes an optional `Rng` so known-answer tests can
 * replay a run; `deterministicRng` is for tests and vectors only, never for real ballots.
 */
import { ByteWriter } from './encoding.js';
import { TAGS, sha512Of } from './hash.js';
import { scalarFromWide } from './group.js';

/** Returns `length` fresh random bytes. */
export type Rng = (length: number) => Uint8Array;

export const defaultRng: Rng = (length) => {
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (!c?.getRandomValues) throw new Error('libs/ballot: crypto.getRandomValues is not available');
  return c.getRandomValues(new Uint8Array(length));
};

/** A uniformly random non-zero scalar: 64 random bytes reduced mod l (bias < 2^-250). */
export function randomScalar(rng: Rng = defaultRng): bigint {
  for (;;) {
    const b = rng(64);
    if (b.length !== 64) throw new Error('libs/ballot: rng returned the wrong number of bytes');
    const s = scalarFromWide(b);
    if (s !== 0n) return s;
  }
}

/**
 * A reproducible byte stream for tests and known-answer vectors: block i is
 * SHA-512(str(tag) ‖ str(seed) ‖ u32(i)). Not for real ballots.
 */
export function deterministicRng(seed: string): Rng {
  let counter = 0;
  let pool: Uint8Array = new Uint8Array(0);
  return (length) => {
    const out = new Uint8Array(length);
    let filled = 0;
    while (filled < length) {
      if (pool.length === 0)
        pool = sha512Of(new ByteWriter().str(TAGS.rng).str(seed).u32(counter++).finish());
      const n = Math.min(pool.length, length - filled);
      out.set(pool.subarray(0, n), filled);
      pool = pool.subarray(n);
      filled += n;
    }
    return out;
  };
}
