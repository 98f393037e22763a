/** One caller's answer out of a batch: its own value, or its own error. */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

interface Waiting<T, R> {
  item: T;
  resolve(value: R): void;
  reject(error: unknown): void;
}

export interface GroupBatcherOptions<T, R> {
  /**
   * Commits one batch (one transaction) and answers each item, in the order given. A throw fails
   * every item of the batch with that error; an item's own `{ ok: false }` fails only that caller.
   */
  commit(key: string, items: T[]): Promise<Outcome<R>[]>;
  /** Items with the same conflict key never share a batch: the later waits for the next one. */
  conflictKey(item: T): string;
  /** At most this many items per batch, so one batch does not hold the poll's lock for long. */
  max: number;
}

/**
 * Group commit, per key (a poll for casts, a session for `poll:state`): the first item goes at
 * once; items that arrive while a batch of that key is being committed wait, and go together in
 * the next batch when it is done. So with one item at a time each goes alone (no added wait), and
 * at a burst each transaction — for casts one lock, one INSERT, one fsync — carries everything
 * that queued meanwhile. A caller's promise settles only after its batch's commit has returned,
 * i.e. after COMMIT; and a batch starts after each of its items arrived, so what it reads is never
 * older than the request.
 */
export class GroupBatcher<T, R> {
  private readonly queues = new Map<string, Waiting<T, R>[]>();
  /** Keys with a batch being committed now. */
  private readonly busy = new Set<string>();

  constructor(private readonly options: GroupBatcherOptions<T, R>) {
    if (!(options.max >= 1)) throw new Error('a batch holds at least one item');
  }

  submit(key: string, item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const queue = this.queues.get(key) ?? [];
      queue.push({ item, resolve, reject });
      this.queues.set(key, queue);
      if (!this.busy.has(key)) void this.drain(key);
    });
  }

  /** Items waiting (not yet in a batch) for a key. */
  waiting(key: string): number {
    return this.queues.get(key)?.length ?? 0;
  }

  /** Commits batches for `key` until its queue is empty; one batch at a time per key. */
  private async drain(key: string): Promise<void> {
    this.busy.add(key);
    try {
      for (let batch = this.take(key); batch.length > 0; batch = this.take(key)) {
        let outcomes: Outcome<R>[];
        try {
          outcomes = await this.options.commit(
            key,
            batch.map((w) => w.item),
          );
          if (outcomes.length !== batch.length)
            throw new Error(`a batch of ${batch.length} got ${outcomes.length} outcomes`);
        } catch (error) {
          batch.forEach((w) => w.reject(error));
          continue;
        }
        batch.forEach((w, i) => {
          const o = outcomes[i]!;
          if (o.ok) w.resolve(o.value);
          else w.reject(o.error);
        });
      }
    } catch (error) {
      // Only a throwing `conflictKey` gets here: fail whoever waits rather than leave them hanging.
      this.queues.get(key)?.forEach((w) => w.reject(error));
    } finally {
      this.busy.delete(key);
      this.queues.delete(key);
    }
  }

  /** The next batch: up to `max` waiting items in arrival order, one per conflict key. */
  private take(key: string): Waiting<T, R>[] {
    const queue = this.queues.get(key) ?? [];
    const batch: Waiting<T, R>[] = [];
    const rest: Waiting<T, R>[] = [];
    const seen = new Set<string>();
    for (const w of queue) {
      const conflict = this.options.conflictKey(w.item);
      if (batch.length < this.options.max && !seen.has(conflict)) {
        seen.add(conflict);
        batch.push(w);
      } else {
        rest.push(w);
      }
    }
    this.queues.set(key, rest);
    return batch;
  }
}
