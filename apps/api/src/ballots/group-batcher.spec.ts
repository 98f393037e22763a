import { describe, expect, it } from '@jest/globals';
import { GroupBatcher, type Outcome } from './group-batcher.js';

interface Item {
  voter: string;
  n: number;
}

/** A commit the test finishes by hand, recording each batch it was given. */
function manualCommit() {
  const batches: { key: string; items: Item[]; finish(o?: Outcome<string>[] | Error): void }[] = [];
  const waiters: (() => void)[] = [];
  const commit = (key: string, items: Item[]) =>
    new Promise<Outcome<string>[]>((resolve, reject) => {
      batches.push({
        key,
        items,
        finish: (o) =>
          o instanceof Error
            ? reject(o)
            : resolve(o ?? items.map((i) => ({ ok: true, value: `${key}:${i.n}` }))),
      });
      waiters.splice(0).forEach((w) => w());
    });
  /** Resolves once the commit has been given its `n`th batch (1-based). */
  const batch = async (n: number) => {
    while (batches.length < n) await new Promise<void>((r) => waiters.push(r));
    return batches[n - 1]!;
  };
  return { commit, batches, batch };
}

const batcherWith = (commit: ReturnType<typeof manualCommit>['commit'], max = 200) =>
  new GroupBatcher<Item, string>({ commit, conflictKey: (i) => i.voter, max });

describe('GroupBatcher (group commit of casts)', () => {
  it('commits a lone item at once, and what arrives meanwhile together in the next batch', async () => {
    const m = manualCommit();
    const b = batcherWith(m.commit);
    const first = b.submit('poll', { voter: 'a', n: 1 });
    const first1 = await m.batch(1);
    expect(first1.items.map((i) => i.n)).toEqual([1]);
    const later = [2, 3, 4].map((n) => b.submit('poll', { voter: `v${n}`, n }));
    expect(b.waiting('poll')).toBe(3);
    expect(m.batches).toHaveLength(1); // nothing else starts while the first batch commits
    first1.finish();
    await expect(first).resolves.toBe('poll:1');
    const second = await m.batch(2);
    expect(second.items.map((i) => i.n)).toEqual([2, 3, 4]);
    second.finish();
    await expect(Promise.all(later)).resolves.toEqual(['poll:2', 'poll:3', 'poll:4']);
    expect(b.waiting('poll')).toBe(0);
  });

  it('answers no caller before its batch has committed', async () => {
    const m = manualCommit();
    const b = batcherWith(m.commit);
    let settled = false;
    const p = b.submit('poll', { voter: 'a', n: 1 }).then(() => (settled = true));
    const batch = await m.batch(1);
    await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false);
    batch.finish();
    await p;
    expect(settled).toBe(true);
  });

  it('gives each caller its own outcome: one refusal does not fail the others', async () => {
    const m = manualCommit();
    const b = batcherWith(m.commit);
    const blocker = b.submit('poll', { voter: 'x', n: 0 });
    (await m.batch(1)).finish();
    await blocker;
    const hold = b.submit('poll', { voter: 'h', n: 9 });
    const held = await m.batch(2);
    const [ok1, refused, ok2] = [1, 2, 3].map((n) => b.submit('poll', { voter: `v${n}`, n }));
    held.finish();
    await hold;
    const batch = await m.batch(3);
    batch.finish([
      { ok: true, value: 'r1' },
      { ok: false, error: new Error('NOT_CHECKED_IN') },
      { ok: true, value: 'r3' },
    ]);
    await expect(ok1).resolves.toBe('r1');
    await expect(refused).rejects.toThrow('NOT_CHECKED_IN');
    await expect(ok2).resolves.toBe('r3');
  });

  it('fails every caller of a batch whose commit throws, and goes on with the next batch', async () => {
    const m = manualCommit();
    const b = batcherWith(m.commit);
    const a = b.submit('poll', { voter: 'a', n: 1 });
    const first = await m.batch(1);
    const c = b.submit('poll', { voter: 'c', n: 2 });
    first.finish(new Error('connection lost'));
    await expect(a).rejects.toThrow('connection lost');
    (await m.batch(2)).finish();
    await expect(c).resolves.toBe('poll:2');
  });

  it('never puts two items of one voter in the same batch: the later one waits for the next', async () => {
    const m = manualCommit();
    const b = batcherWith(m.commit);
    const hold = b.submit('poll', { voter: 'h', n: 0 });
    const held = await m.batch(1);
    const casts = [
      { voter: 'a', n: 1 },
      { voter: 'a', n: 2 },
      { voter: 'b', n: 3 },
      { voter: 'a', n: 4 },
    ].map((i) => b.submit('poll', i));
    held.finish();
    await hold;
    const second = await m.batch(2);
    expect(second.items.map((i) => i.n)).toEqual([1, 3]);
    second.finish();
    const third = await m.batch(3);
    expect(third.items.map((i) => i.n)).toEqual([2]);
    third.finish();
    (await m.batch(4)).finish();
    await expect(Promise.all(casts)).resolves.toEqual(['poll:1', 'poll:2', 'poll:3', 'poll:4']);
    expect(m.batches.map((x) => x.items.length)).toEqual([1, 2, 1, 1]);
  });

  it('caps a batch at max items, in arrival order', async () => {
    const m = manualCommit();
    const b = batcherWith(m.commit, 3);
    const hold = b.submit('poll', { voter: 'h', n: 0 });
    const held = await m.batch(1);
    const casts = [1, 2, 3, 4, 5, 6, 7].map((n) => b.submit('poll', { voter: `v${n}`, n }));
    held.finish();
    await hold;
    for (const [i, expected] of [[1, 2, 3], [4, 5, 6], [7]].entries()) {
      const batch = await m.batch(i + 2);
      expect(batch.items.map((x) => x.n)).toEqual(expected);
      batch.finish();
    }
    await expect(Promise.all(casts)).resolves.toHaveLength(7);
  });

  it('keeps polls apart: one poll waiting does not hold another', async () => {
    const m = manualCommit();
    const b = batcherWith(m.commit);
    const one = b.submit('one', { voter: 'a', n: 1 });
    const two = b.submit('two', { voter: 'a', n: 2 });
    const [first, second] = [await m.batch(1), await m.batch(2)];
    expect([first.key, second.key]).toEqual(['one', 'two']);
    second.finish();
    await expect(two).resolves.toBe('two:2');
    first.finish();
    await expect(one).resolves.toBe('one:1');
  });

  it('fails the whole batch when the commit answers the wrong number of items', async () => {
    const b = new GroupBatcher<Item, string>({
      commit: async () => [],
      conflictKey: (i) => i.voter,
      max: 10,
    });
    await expect(b.submit('poll', { voter: 'a', n: 1 })).rejects.toThrow('got 0 outcomes');
  });
});
