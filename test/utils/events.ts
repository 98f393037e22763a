import type { TabletSocket } from './test-app.js';

export interface Feed<T> {
  /** Every payload received so far, in order. */
  readonly seen: T[];
  /**
   * The first payload, already received or still to come, that passes `test`; fails after `ms`
   * with what was seen (a limit on waiting, not a timing assertion).
   */
  until(test: (payload: T) => boolean, ms?: number): Promise<T>;
}

/** Records every `event` the socket receives from now on, to wait for a state instead of sleeping. */
export function feed<T>(socket: TabletSocket, event: string): Feed<T> {
  const seen: T[] = [];
  const waiting = new Set<(payload: T) => void>();
  socket.on(event, (payload: T) => {
    seen.push(payload);
    waiting.forEach((check) => check(payload));
  });
  return {
    seen,
    until(test, ms = 10_000) {
      const hit = seen.find(test);
      if (hit !== undefined) return Promise.resolve(hit);
      return new Promise<T>((resolve, reject) => {
        const check = (payload: T) => {
          if (!test(payload)) return;
          clearTimeout(timer);
          waiting.delete(check);
          resolve(payload);
        };
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(
            new Error(`no matching '${event}' within ${ms} ms; seen: ${JSON.stringify(seen)}`),
          );
        }, ms);
        waiting.add(check);
      });
    },
  };
}

/**
 * Asks `check` again every 100 ms until it answers true; fails after `ms` naming `what` (a limit
 * on waiting for a state that has no event, such as a readiness probe — not a timing assertion).
 */
export async function waitFor(
  check: () => Promise<boolean>,
  ms: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not reached within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
