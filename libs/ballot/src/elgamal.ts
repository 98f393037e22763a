/**
 * Exponential ElGamal on ristretto255: Enc(m; r) = (α, β) = (r·G, r·Y + m·G). Ciphertexts add:
 * Enc(m1; r1) + Enc(m2; r2) = Enc(m1 + m2; r1 + r2), which is how ballots are tallied.
 */
import { ZERO, mul, mulG, type Point } from './group.js';

export interface Ciphertext {
  alpha: Point;
  beta: Point;
}

/** Encrypts a small non-negative integer m with randomness r to the key Y (give Y a table). */
export function encrypt(Y: Point, m: number, r: bigint): Ciphertext {
  return { alpha: mulG(r), beta: mul(Y, r).add(mulG(BigInt(m))) };
}

export function addCiphertexts(x: Ciphertext, y: Ciphertext): Ciphertext {
  return { alpha: x.alpha.add(y.alpha), beta: x.beta.add(y.beta) };
}

export const ZERO_CIPHERTEXT: Ciphertext = { alpha: ZERO, beta: ZERO };
