import { describe, expect, it } from '@jest/globals';
import { mergeShares, percentile, type ShareResult } from './latency.js';

const share = (latenciesMs: number[], firstSendAt: number, lastAckAt: number): ShareResult => ({
  latenciesMs,
  firstSendAt,
  lastAckAt,
  acked: latenciesMs.map((_, i) => `${firstSendAt}-${i}`),
  errors: {},
});

describe('load generator latencies', () => {
  it('takes the nearest-rank percentile', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile(xs, 100)).toBe(100);
    expect(percentile([], 50)).toBeNaN();
  });

  it('merges raw samples: the p99 of the whole, not the mean of per-process p99s', () => {
    // Process A is fast (99 samples of 1 ms), process B holds the whole tail.
    const a = share(Array<number>(99).fill(1), 1000, 1100);
    const b = share([...Array<number>(97).fill(2), 500, 600, 700], 1010, 2000);
    const merged = mergeShares([a, b]);
    expect(merged.sent).toBe(199);
    expect(merged.acknowledged).toBe(199);
    // Nearest rank 198 of 199 sorted samples is 600; the mean of the two p99s would be 350.5.
    expect(merged.p99Ms).toBe(600);
    expect(merged.p50Ms).toBe(2);
    expect(merged.maxMs).toBe(700);
    expect(merged.wallMs).toBe(1000);
    expect(merged.ackedPerSecond).toBe(199);
  });

  it('adds the refusals of every process by code', () => {
    const a = { ...share([1], 0, 1), errors: { TIMEOUT: 1 } };
    const b = { ...share([1], 0, 1), errors: { TIMEOUT: 2, NOT_OPEN: 1 } };
    expect(mergeShares([a, b]).errors).toEqual({ TIMEOUT: 3, NOT_OPEN: 1 });
  });
});
