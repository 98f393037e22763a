import { execFileSync } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import {
  type Collected,
  IDLE_COLLECTION,
  oldGenerationBytes,
  REDUCING,
  reducingCollection,
  shouldCollect,
  startIdleCollector,
} from './idle-collector.js';

const MB = 2 ** 20;

describe('the idle collection rule', () => {
  it('collects when the main thread was idle and the old generation grew enough', () => {
    expect(shouldCollect(0.01, 30 * MB, IDLE_COLLECTION)).toBe(true);
  });

  it('waits while the main thread is busy (a casting, a hall reading its polls)', () => {
    expect(shouldCollect(0.06, 300 * MB, IDLE_COLLECTION)).toBe(false);
    expect(shouldCollect(0.9, 300 * MB, IDLE_COLLECTION)).toBe(false);
  });

  it('leaves a little growth alone, however idle', () => {
    expect(shouldCollect(0, 23 * MB, IDLE_COLLECTION)).toBe(false);
  });
});

describe('startIdleCollector', () => {
  /** Resolves with the first collection, or rejects after `ms`. */
  const firstCollection = (gc: () => void, grownBytes: number, ms: number) =>
    new Promise<Collected>((resolve, reject) => {
      const timeout = setTimeout(() => {
        stop();
        reject(new Error(`no collection within ${ms} ms`));
      }, ms);
      const stop = startIdleCollector(
        gc,
        (c) => {
          clearTimeout(timeout);
          stop();
          resolve(c);
        },
        { everyMs: 20, idleBelow: 0.9, grownBytes },
      );
    });

  it('collects once the old generation has grown while the process idles', async () => {
    let calls = 0;
    const kept: number[][] = [];
    const collected = firstCollection(() => void calls++, 8 * MB, 30_000);
    // Long-lived arrays (~16 MB), kept until the collector has run.
    const before = oldGenerationBytes();
    for (let i = 0; i < 64; i++) kept.push(Array.from({ length: 32_768 }, (_, j) => j + 0.5));
    // They reach the old generation only when young collections promote them, and a process
    // that allocates nothing more has none: short-lived garbage until they have (bounded).
    const junk: number[][] = [];
    for (let n = 0; oldGenerationBytes() - before < 8 * MB && n < 200_000; n++)
      junk[n % 2] = new Array<number>(1_000).fill(n);
    expect(oldGenerationBytes() - before).toBeGreaterThanOrEqual(8 * MB);
    const c = await collected;
    expect(calls).toBe(1);
    expect(c.grownBytes).toBeGreaterThanOrEqual(8 * MB);
    expect(kept).toHaveLength(64);
  });
});

describe('the collection it runs', () => {
  it("is V8's memory-reducing one", () => {
    const calls: unknown[] = [];
    reducingCollection((o) => calls.push(o))();
    expect(calls).toEqual([{ type: 'major', execution: 'sync', flavor: 'last-resort' }]);
  });

  // Why (node-flags.ts): a regular full collection leaves the freed pages resident; this one gives
  // them back. A node of its own (--expose-gc) makes ~300 MB of old-generation garbage and reads
  // its resident memory after each collection. Should a later V8 return the pages on a regular
  // collection too, this fails, and the idle collector's second collection may no longer be needed.
  it('returns to the system the pages a regular collection keeps', () => {
    const script = `
      const rss = () => process.memoryUsage.rss() / 2 ** 20;
      const kept = [];
      for (let r = 0; r < 4; r++) {
        let a = [];
        for (let i = 0; i < 1.5e6; i++) a.push({ i, s: 'x' + i, b: [i, i + 1] });
        kept.push(a.filter((_, i) => i % 50 === 0));
        a = null;
      }
      gc();
      const afterRegular = rss();
      gc(${JSON.stringify(REDUCING)});
      console.log(JSON.stringify({ afterRegular, afterReducing: rss(), kept: kept.length }));
    `;
    const out = execFileSync(
      process.execPath,
      ['--expose-gc', '--max-semi-space-size=16', '--input-type=module', '-e', script],
      { encoding: 'utf8' },
    );
    const { afterRegular, afterReducing } = JSON.parse(out) as Record<string, number>;
    expect(afterRegular - afterReducing).toBeGreaterThan(150);
  });
});
