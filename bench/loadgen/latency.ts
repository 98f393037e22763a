// Acknowledgement latencies from several generator processes, merged exactly: each process sends
// its raw samples (2,000 numbers are a few kB over IPC), the parent concatenates and sorts them.
// Percentiles of the merged samples, never an average of per-process percentiles.

/** One process's share of a cast run: raw latencies and the wall-clock span it saw (epoch ms). */
export interface ShareResult {
  latenciesMs: number[];
  /** Epoch ms of this process's first send and last acknowledgement (NaN when it sent nothing). */
  firstSendAt: number;
  lastAckAt: number;
  acked: string[];
  errors: Record<string, number>;
}

export interface MergedRun {
  sent: number;
  acknowledged: number;
  errors: Record<string, number>;
  /** From the first send of any process to the last acknowledgement of any process. */
  wallMs: number;
  ackedPerSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Trackers acknowledged, for the lost / doubled check against the database. */
  trackers: string[];
}

/** The nearest-rank percentile of ascending `sorted` samples (NaN when empty). */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function mergeShares(shares: readonly ShareResult[]): MergedRun {
  const all = shares.flatMap((s) => s.latenciesMs).sort((a, b) => a - b);
  const errors: Record<string, number> = {};
  for (const s of shares)
    for (const [code, n] of Object.entries(s.errors)) errors[code] = (errors[code] ?? 0) + n;
  const started = shares.map((s) => s.firstSendAt).filter(Number.isFinite);
  const ended = shares.map((s) => s.lastAckAt).filter(Number.isFinite);
  const wallMs = started.length && ended.length ? Math.max(...ended) - Math.min(...started) : NaN;
  const trackers = shares.flatMap((s) => s.acked);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    sent: all.length,
    acknowledged: trackers.length,
    errors,
    wallMs: round(wallMs),
    ackedPerSecond: wallMs > 0 ? Math.round(trackers.length / (wallMs / 1000)) : NaN,
    p50Ms: round(percentile(all, 50)),
    p90Ms: round(percentile(all, 90)),
    p99Ms: round(percentile(all, 99)),
    maxMs: round(all.at(-1) ?? NaN),
    trackers,
  };
}
