/**
 * Sigma protocols, made non-interactive with Fiat–Shamir (the caller supplies the challenge
 * function, i.e. the transcript). Every proof carries its commitments, so verification is a set of
 * linear equations between points; those equations are built here once, generically over how a
 * point is held (a noble Point, or raw bytes for the libsodium verifier), and then evaluated
 * directly, combined with random weights, or batched over many ballots.
 *
 * - Schnorr proof of knowledge of x with X = x·G: commitment t = w·G, response s = w + c·x.
 *   Check: s·G − t − c·X = 0.
 * - Chaum–Pedersen proof that log_G X = log_A D: t1 = w·G, t2 = w·A, s = w + c·x.
 *   Checks: s·G − t1 − c·X = 0 and s·A − t2 − c·D = 0.
 * - Disjunctive (CDS) proof that the ElGamal ciphertext (α, β) = (r·G, r·Y + m·G) has m ∈ {v_0..v_k}:
 *   branch j has commitments (a_j, b_j), challenge c_j, response s_j, with Σ c_j = c (the hash).
 *   Checks per branch: s_j·G − a_j − c_j·α = 0 and s_j·Y − b_j − c_j·β + c_j·v_j·G = 0.
 */
import { bytesToBigIntLE } from './encoding.js';
import { BallotError, type BallotErrorCode, type BallotErrorDetail } from './errors.js';
import { G, L, ZERO, mod, mul, mulG, mulPublic, sadd, smul, ssub, type Point } from './group.js';
import { randomScalar, type Rng } from './rng.js';

/** g·G + y·Y + Σ coef·(sum of points) = 0, where Y is the election key. */
export interface Eq<P> {
  g: bigint;
  y: bigint;
  terms: Array<[bigint, P | readonly P[]]>;
}

/** An equation with the error to raise when it does not hold. */
export interface CheckedEq<P> extends Eq<P> {
  code: BallotErrorCode;
  detail: BallotErrorDetail;
}

export interface Branch<P> {
  a: P;
  b: P;
  c: bigint;
  s: bigint;
}

const MINUS_ONE = L - 1n;

/** The two equations of each branch of a disjunctive proof over `values`. */
export function disjunctiveEqs<P>(
  alpha: P | readonly P[],
  beta: P | readonly P[],
  branches: readonly Branch<P>[],
  values: readonly number[],
  code: BallotErrorCode,
  detail: BallotErrorDetail,
): CheckedEq<P>[] {
  const out: CheckedEq<P>[] = [];
  branches.forEach((br, j) => {
    const d = { ...detail, check: `branch ${j} (value ${values[j]})` };
    out.push({
      g: br.s,
      y: 0n,
      terms: [
        [MINUS_ONE, br.a],
        [mod(-br.c), alpha],
      ],
      code,
      detail: d,
    });
    out.push({
      g: smul(br.c, BigInt(values[j])),
      y: br.s,
      terms: [
        [MINUS_ONE, br.b],
        [mod(-br.c), beta],
      ],
      code,
      detail: d,
    });
  });
  return out;
}

/** True when Σ c_j equals the transcript's challenge. */
export function challengesAddUp(branches: readonly { c: bigint }[], c: bigint): boolean {
  let sum = 0n;
  for (const br of branches) sum += br.c;
  return mod(sum) === c;
}

export function schnorrEqs<P>(
  X: P,
  t: P,
  c: bigint,
  s: bigint,
  code: BallotErrorCode,
  detail: BallotErrorDetail,
): CheckedEq<P>[] {
  return [
    {
      g: s,
      y: 0n,
      terms: [
        [MINUS_ONE, t],
        [mod(-c), X],
      ],
      code,
      detail,
    },
  ];
}

export function chaumPedersenEqs<P>(
  X: P,
  A: P,
  D: P,
  t1: P,
  t2: P,
  c: bigint,
  s: bigint,
  code: BallotErrorCode,
  detail: BallotErrorDetail,
): CheckedEq<P>[] {
  return [
    {
      g: s,
      y: 0n,
      terms: [
        [MINUS_ONE, t1],
        [mod(-c), X],
      ],
      code,
      detail: { ...detail, check: 'equation 1 (G, share)' },
    },
    {
      g: 0n,
      y: 0n,
      terms: [
        [s, A],
        [MINUS_ONE, t2],
        [mod(-c), D],
      ],
      code,
      detail: { ...detail, check: 'equation 2 (alpha, d)' },
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Evaluating equations with noble points.

const sums = new WeakMap<readonly Point[], Point>();

/** A point, or the sum of a list of points (cached per list: a sum proof reuses its list). */
function sumPoints(p: Point | readonly Point[]): Point {
  if (!Array.isArray(p)) return p as Point;
  const list = p as readonly Point[];
  let acc = sums.get(list);
  if (!acc) {
    acc = ZERO;
    for (const q of list) acc = acc.add(q);
    sums.set(list, acc);
  }
  return acc;
}

/** Evaluates one equation directly; `Y` should carry a precomputed table (group.withTable). */
export function eqHolds(eq: Eq<Point>, Y: Point): boolean {
  let acc = mulPublic(G, eq.g).add(mulPublic(Y, eq.y));
  for (const [coef, pts] of eq.terms) acc = acc.add(mulPublic(sumPoints(pts), coef));
  return acc.is0();
}

/** Throws the BallotError of the first equation that does not hold. */
export function checkEach(eqs: readonly CheckedEq<Point>[], Y: Point): void {
  for (const eq of eqs)
    if (!eqHolds(eq, Y)) throw new BallotError(eq.code, describe(eq), eq.detail);
}

export function describe(eq: CheckedEq<unknown>): string {
  const d = eq.detail;
  const where = [
    d.ballot !== undefined ? `ballot ${d.ballot}` : '',
    d.trustee !== undefined ? `trustee ${d.trustee}` : '',
    d.question !== undefined ? `question ${d.question}` : '',
    d.entry !== undefined ? `entry ${d.entry}` : '',
    d.check ?? '',
  ].filter(Boolean);
  return `verification equation fails (${where.join(', ')})`;
}

/** A random 128-bit weight for combining equations (never 0). */
export function randomWeight(rng: Rng): bigint {
  const w = bytesToBigIntLE(rng(16));
  return w === 0n ? 1n : w;
}

/**
 * Σ weight·equation over many equations, merged per point (by object identity) so each distinct
 * point is multiplied once when the sum is evaluated as one multi-scalar multiplication.
 */
export class EqAccumulator<P = Point> {
  g = 0n;
  y = 0n;
  readonly coef = new Map<P, bigint>();

  add(eq: Eq<P>, weight: bigint): void {
    this.g += weight * eq.g;
    this.y += weight * eq.y;
    for (const [k, pts] of eq.terms) {
      const wk = weight * k;
      if (Array.isArray(pts))
        for (const p of pts as readonly P[]) this.coef.set(p, (this.coef.get(p) ?? 0n) + wk);
      else this.coef.set(pts as P, (this.coef.get(pts as P) ?? 0n) + wk);
    }
  }

  merge(other: EqAccumulator<P>): void {
    this.g += other.g;
    this.y += other.y;
    for (const [p, k] of other.coef) this.coef.set(p, (this.coef.get(p) ?? 0n) + k);
  }

  /** Points (without G and Y) and their non-zero scalars reduced mod l. */
  entries(): { points: P[]; scalars: bigint[] } {
    const points: P[] = [];
    const scalars: bigint[] = [];
    for (const [p, k] of this.coef) {
      const s = mod(k);
      if (s !== 0n) {
        points.push(p);
        scalars.push(s);
      }
    }
    return { points, scalars };
  }
}

// ---------------------------------------------------------------------------------------------
// Provers (noble; secrets are multiplied with the constant-time `multiply`).

export interface SchnorrProof {
  t: Point;
  s: bigint;
}

export function proveSchnorr(x: bigint, challenge: (t: Point) => bigint, rng: Rng): SchnorrProof {
  const w = randomScalar(rng);
  const t = mulG(w);
  const c = challenge(t);
  return { t, s: sadd(w, smul(c, x)) };
}

export interface ChaumPedersenProof {
  t1: Point;
  t2: Point;
  s: bigint;
}

export function proveChaumPedersen(
  x: bigint,
  A: Point,
  challenge: (t1: Point, t2: Point) => bigint,
  rng: Rng,
): ChaumPedersenProof {
  const w = randomScalar(rng);
  const t1 = mulG(w);
  const t2 = mul(A, w);
  const c = challenge(t1, t2);
  return { t1, t2, s: sadd(w, smul(c, x)) };
}

/**
 * Proves that (α, β) = (r·G, r·Y + m·G) has m = values[real]. Simulated branches are computed
 * from r without variable-base multiplications: a_j = (s_j − c_j·r)·G and
 * b_j = (s_j − c_j·r)·Y − c_j·(m − v_j)·G. Which branch is real is not hidden from timing.
 */
export function proveDisjunctive(
  r: bigint,
  m: number,
  values: readonly number[],
  Y: Point,
  challenge: (commitments: readonly { a: Point; b: Point }[]) => bigint,
  rng: Rng,
): Branch<Point>[] {
  const real = values.indexOf(m);
  if (real < 0) throw new RangeError(`value ${m} is not among the allowed values`);
  const cs: bigint[] = [];
  const ss: bigint[] = [];
  const commitments: { a: Point; b: Point }[] = [];
  let w = 0n;
  values.forEach((v, j) => {
    if (j === real) {
      w = randomScalar(rng);
      cs.push(0n);
      ss.push(0n);
      commitments.push({ a: mulG(w), b: mul(Y, w) });
    } else {
      const c = randomScalar(rng);
      const s = randomScalar(rng);
      const t = ssub(s, smul(c, r));
      cs.push(c);
      ss.push(s);
      commitments.push({ a: mulG(t), b: mul(Y, t).add(mulG(mod(-c * BigInt(m - v)))) });
    }
  });
  const c = challenge(commitments);
  let cReal = c;
  cs.forEach((cj, j) => {
    if (j !== real) cReal = ssub(cReal, cj);
  });
  cs[real] = cReal;
  ss[real] = sadd(w, smul(cReal, r));
  return commitments.map((cm, j) => ({ a: cm.a, b: cm.b, c: cs[j], s: ss[j] }));
}
