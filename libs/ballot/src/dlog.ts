/** Recovering a count n from n·G: baby-step giant-step over 0..max (max = number of ballots). */
import { toHex } from './encoding.js';
import { G, ZERO, mulG, pointToBytes, type Point } from './group.js';

/** The baby steps j·G → j (j < m), and the giant step −m·G, kept for each m. */
interface Steps {
  table: Map<string, number>;
  giant: Point;
}

const babySteps = new Map<number, Steps>();

function babyTable(m: number): Steps {
  let t = babySteps.get(m);
  if (!t) {
    const table = new Map<string, number>();
    let P = ZERO;
    for (let j = 0; j < m; j++) {
      table.set(toHex(pointToBytes(P)), j);
      P = P.add(G);
    }
    t = { table, giant: mulG(BigInt(m)).negate() };
    if (babySteps.size >= 8) babySteps.delete(babySteps.keys().next().value as number);
    babySteps.set(m, t);
  }
  return t;
}

// The baby steps: 4·√(max + 1), rounded up to a power of two so one table serves every poll of
// a similar size (256 for 1,025 to 4,096 ballots). A table costs a point encoding a step, once
// per size (a server builds it when a poll opens); each giant step of the search costs one at
// the close. With √(max + 1) steps a 2,000-ballot count took up to 32 giant steps, and a
// motion's three counts ~20–30 ms of a busy machine's close (its profile); now at most 8 each.
const BABY_STEPS_PER_ROOT = 4;

function stepsFor(max: number): number {
  const wanted = Math.max(1, Math.ceil(BABY_STEPS_PER_ROOT * Math.sqrt(max + 1)));
  return 2 ** Math.ceil(Math.log2(wanted));
}

/** Builds the table a search up to `max` uses (a server does it when a poll opens). */
export function warmCountSearch(max: number): void {
  if (Number.isSafeInteger(max) && max >= 0) babyTable(stepsFor(max));
}

/** n with n·G = M and 0 ≤ n ≤ max, or undefined: at most max / (the baby steps) + 1 encodings. */
export function smallDiscreteLog(M: Point, max: number): number | undefined {
  if (!Number.isSafeInteger(max) || max < 0)
    throw new RangeError('max must be a non-negative integer');
  const m = stepsFor(max);
  const { table, giant } = babyTable(m);
  let Q = M;
  for (let i = 0; i * m <= max; i++) {
    const j = table.get(toHex(pointToBytes(Q)));
    if (j !== undefined) {
      const n = i * m + j;
      return n <= max ? n : undefined;
    }
    Q = Q.add(giant);
  }
  return undefined;
}
