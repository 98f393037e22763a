import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';

/**
 * When the api collects its old generation: in a quiet moment, not in the middle of a casting.
 *
 * V8 starts a full collection when the old generation reaches its limit, wherever that falls.
 * In a congress the busy moments come in bursts (the hall logging in, 2,000 tablets reading the
 * poll, a casting) with quiet ones between (the delegates reading the question), and a full
 * collection that falls inside a casting costs its slowest acknowledgements 60–120 ms
 * (bench/README.md, "ninth round"). So, once a second: if the main thread was nearly idle over
 * the last second and the old generation has grown since it was last collected, the api
 * collects it now, and the casting that follows starts with the room a casting needs.
 */
export interface IdleCollection {
  /** How often the event loop's use is read (ms). */
  everyMs: number;
  /** The share of the last interval the main thread was busy, under which it counts as idle. */
  idleBelow: number;
  /** How much the old generation must have grown since its last collection (bytes). */
  grownBytes: number;
}

export const IDLE_COLLECTION: IdleCollection = {
  everyMs: 1000,
  idleBelow: 0.05,
  grownBytes: 24 * 1024 * 1024,
};

/** The rule itself: collect when idle and grown enough. */
export function shouldCollect(busy: number, grown: number, rule: IdleCollection): boolean {
  return busy < rule.idleBelow && grown >= rule.grownBytes;
}

/** The bytes in the old generation's spaces (young objects left out: a scavenge takes those). */
export function oldGenerationBytes(): number {
  return v8
    .getHeapSpaceStatistics()
    .filter((s) => !s.space_name.startsWith('new_'))
    .reduce((n, s) => n + s.space_used_size, 0);
}

export interface Collected {
  grownBytes: number;
  pauseMs: number;
  afterBytes: number;
}

/** V8's `gc` as `--expose-gc` gives it, with the options its extension reads. */
export type ExposedGc = (options?: {
  type?: 'major' | 'minor';
  execution?: 'sync' | 'async';
  flavor?: 'regular' | 'last-resort';
}) => void;

/**
 * The collection the idle collector runs: V8's memory-reducing one ('last-resort', the collection
 * it runs when memory is low), not a regular full collection. A regular one frees the old
 * generation's pages but V8 keeps them mapped, and resident, for its next allocations: over twelve
 * 2,000-ballot polls the api's resident memory rose by ~13 MB a poll (314 → 469 MB) while what was
 * live after each collection stayed at 105–115 MB. The memory-reducing one returns those pages:
 * 337–360 MB over six polls (bench/README.md, twelfth round). It collects twice (170–280 ms
 * each here), which is why it runs only in a quiet moment.
 */
export const REDUCING: Parameters<ExposedGc>[0] = {
  type: 'major',
  execution: 'sync',
  flavor: 'last-resort',
};

export function reducingCollection(gc: ExposedGc): () => void {
  return () => gc(REDUCING);
}

/**
 * Starts the idle collector; `gc` runs the collection (`reducingCollection` of V8's, exposed by
 * `--expose-gc`: API_NODE_FLAGS). Returns the function that stops it. The timer does not keep the
 * process alive.
 */
export function startIdleCollector(
  gc: () => void,
  onCollected: (c: Collected) => void,
  rule: IdleCollection = IDLE_COLLECTION,
): () => void {
  let base = oldGenerationBytes();
  let last = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    const busy = performance.eventLoopUtilization(now, last).utilization;
    last = now;
    const used = oldGenerationBytes();
    // V8 collected on its own since: what survived that is the new base.
    if (used < base) base = used;
    const grown = used - base;
    if (!shouldCollect(busy, grown, rule)) return;
    const t0 = performance.now();
    gc();
    const pauseMs = performance.now() - t0;
    base = oldGenerationBytes();
    // The collection's own pause is not the next interval's work.
    last = performance.eventLoopUtilization();
    onCollected({ grownBytes: grown, pauseMs, afterBytes: base });
  }, rule.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
