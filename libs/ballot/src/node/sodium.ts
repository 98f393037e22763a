/**
 * Server-side verification with libsodium's WebAssembly build (libsodium-wrappers-sumo), which
 * multiplies ristretto255 points several times faster than @noble/curves. Same equations as the
 * noble verifier (planBallot builds them over raw 32-byte encodings); only the arithmetic
 * differs. Node-only by choice (it is WebAssembly, not Node APIs), kept out of the browser entry.
 */
import sodiumModule from 'libsodium-wrappers-sumo';
import { BallotError, type BallotErrorDetail } from '../errors.js';
import { equalBytes } from '../encoding.js';
import { L, scalarToBytes } from '../group.js';
import { describe, type CheckedEq, type Eq, type EqAccumulator } from '../proofs.js';
import type { BatchEngine } from '../batch.js';
import { ballotTracker, planBallot, toParsed, type BallotInput, type Decoder } from '../ballot.js';
import type { KeyInfo } from '../keys.js';
import type { BallotShape } from '../shape.js';

export type Sodium = typeof sodiumModule;

let loaded: Promise<Sodium> | undefined;

/** libsodium, once its WebAssembly is ready. */
export function loadSodium(): Promise<Sodium> {
  loaded ??= sodiumModule.ready.then(() => sodiumModule);
  return loaded;
}

let group: Promise<SodiumGroup> | undefined;

/** One SodiumGroup for the process (its arithmetic holds no state but a cache of sums). */
export function sodiumGroup(): Promise<SodiumGroup> {
  group ??= loadSodium().then((s) => new SodiumGroup(s));
  return group;
}

const ID: Uint8Array = new Uint8Array(32);
const isId = (p: Uint8Array): boolean => equalBytes(p, ID);
const HALF_L = L >> 1n;

/** Ristretto255 arithmetic on 32-byte encodings. */
export class SodiumGroup {
  constructor(readonly s: Sodium) {}

  add(p: Uint8Array, q: Uint8Array): Uint8Array {
    if (isId(p)) return q;
    if (isId(q)) return p;
    return this.s.crypto_core_ristretto255_add(p, q);
  }

  sub(p: Uint8Array, q: Uint8Array): Uint8Array {
    if (isId(q)) return p;
    return this.s.crypto_core_ristretto255_sub(p, q);
  }

  /** k·P for a public scalar 0 ≤ k < l. */
  mul(k: bigint, p: Uint8Array): Uint8Array {
    if (k === 0n || isId(p)) return ID;
    if (k === 1n) return p;
    if (k === L - 1n) return this.sub(ID, p);
    return this.s.crypto_scalarmult_ristretto255(scalarToBytes(k), p);
  }

  mulBase(k: bigint): Uint8Array {
    return k === 0n ? ID : this.s.crypto_scalarmult_ristretto255_base(scalarToBytes(k));
  }

  valid(p: Uint8Array): boolean {
    return this.s.crypto_core_ristretto255_is_valid_point(p);
  }

  private readonly sums = new WeakMap<readonly Uint8Array[], Uint8Array>();

  /** Σ of a list of points; cached per list (a sum proof uses the same list in every branch). */
  sum(ps: readonly Uint8Array[]): Uint8Array {
    let acc = this.sums.get(ps);
    if (acc) return acc;
    acc = ID;
    for (const p of ps) acc = this.add(acc, p);
    this.sums.set(ps, acc);
    return acc;
  }

  /**
   * Is g·G + y·Y + Σ k·P the identity? Evaluated as "left = right": a coefficient k > l/2 is read
   * as −(l − k) and its term moved to the right-hand side, so the typical proof equation
   * s·G = a + c·α costs one addition and no negation; the sides are compared as encodings.
   */
  isZero(
    g: bigint,
    y: bigint,
    Y: Uint8Array,
    terms: Iterable<readonly [Uint8Array, bigint]>,
  ): boolean {
    let left: Uint8Array | undefined;
    let right: Uint8Array | undefined;
    const put = (k: bigint, term: (k: bigint) => Uint8Array) => {
      k = k % L;
      if (k < 0n) k += L;
      if (k === 0n) return;
      if (k > HALF_L) right = right ? this.add(right, term(L - k)) : term(L - k);
      else left = left ? this.add(left, term(k)) : term(k);
    };
    put(g, (k) => this.mulBase(k));
    put(y, (k) => this.mul(k, Y));
    for (const [P, k] of terms) put(k, (k) => this.mul(k, P));
    return equalBytes(left ?? ID, right ?? ID);
  }

  /** One equation, directly. */
  holds(eq: Eq<Uint8Array>, Y: Uint8Array): boolean {
    const terms = eq.terms.map(
      ([k, pts]) =>
        [
          Array.isArray(pts) ? this.sum(pts as readonly Uint8Array[]) : (pts as Uint8Array),
          k,
        ] as const,
    );
    return this.isZero(eq.g, eq.y, Y, terms);
  }

  /** A random combination of many equations: one scalar multiplication per distinct point. */
  accumulatorIsZero(acc: EqAccumulator<Uint8Array>, Y: Uint8Array): boolean {
    return this.isZero(acc.g, acc.y, Y, acc.coef);
  }

  /** The batch engine (batch.ts) on libsodium. */
  engine(info: KeyInfo): BatchEngine<Uint8Array> {
    return {
      decode: this.decoder(),
      isZero: (acc) => this.accumulatorIsZero(acc, info.Ybytes),
      checkEach: (eqs) => this.checkEach(eqs, info.Ybytes),
    };
  }

  checkEach(eqs: readonly CheckedEq<Uint8Array>[], Y: Uint8Array): void {
    for (const eq of eqs)
      if (!this.holds(eq, Y)) throw new BallotError(eq.code, describe(eq), eq.detail);
  }

  decoder(): Decoder<Uint8Array> {
    return (b: Uint8Array, what: string, detail: BallotErrorDetail) => {
      if (!this.valid(b))
        throw new BallotError('BAD_ENCODING', `${what}: not a valid ristretto255 encoding`, {
          ...detail,
          check: what,
        });
      return b;
    };
  }
}

export interface SodiumVerified {
  tracker: string;
  /** Encoded ciphertexts [question][entry]. */
  ciphertexts: { alpha: Uint8Array; beta: Uint8Array }[][];
}

/** Verifies one ballot equation by equation with libsodium; throws a BallotError. */
export function verifyBallotSodium(
  group: SodiumGroup,
  ballot: BallotInput,
  info: KeyInfo,
  shape: BallotShape,
  voter?: string,
): SodiumVerified {
  const pb = toParsed(ballot);
  const plan = planBallot(pb, info, shape, voter, group.decoder());
  group.checkEach(plan.eqs, info.Ybytes);
  return { tracker: ballotTracker(pb), ciphertexts: plan.ciphertexts };
}
