import { once } from 'node:events';

interface Seen {
  reason: unknown;
  promise: Promise<unknown>;
}

/** The real process, put in the spec's globals by test/setup/host-process-environment.mjs. */
export function hostProcess(): NodeJS.Process {
  const host = (globalThis as { hostProcess?: NodeJS.Process }).hostProcess;
  if (!host)
    throw new Error(
      'run this spec with `@jest-environment ./test/setup/host-process-environment.mjs`',
    );
  return host;
}

/**
 * Records every unhandled rejection the real process reports while started: the api under test
 * runs in the spec's process, so a promise it forgets to handle lands here.
 */
export class UnhandledRejections {
  readonly seen: Seen[] = [];
  private readonly host = hostProcess();
  private readonly waiters = new Set<(s: Seen) => void>();
  private readonly listener = (reason: unknown, promise: Promise<unknown>) => {
    const seen = { reason, promise };
    this.seen.push(seen);
    for (const waiter of this.waiters) waiter(seen);
  };

  start(): void {
    this.host.on('unhandledRejection', this.listener);
  }

  stop(): void {
    this.host.off('unhandledRejection', this.listener);
  }

  /** Resolves once `promise` has been reported; rejects after `timeoutMs`. */
  async reported(promise: Promise<unknown>, timeoutMs: number): Promise<void> {
    if (this.seen.some((s) => s.promise === promise)) return;
    let waiter!: (s: Seen) => void;
    let timer!: NodeJS.Timeout;
    try {
      await new Promise<void>((resolve, reject) => {
        waiter = (s) => s.promise === promise && resolve();
        this.waiters.add(waiter);
        timer = setTimeout(() => reject(new Error(`not reported in ${timeoutMs} ms`)), timeoutMs);
      });
    } finally {
      this.waiters.delete(waiter);
      clearTimeout(timer);
    }
  }

  /**
   * Handles a rejection this spec planted on purpose and drops it from the record, once the
   * real process has said it is handled (so Jest, which hears rejections too, lets it go).
   */
  async settle(promise: Promise<unknown>, expectReason: (reason: unknown) => void): Promise<void> {
    const handled = once(this.host, 'rejectionHandled');
    promise.catch(expectReason);
    await handled;
    this.seen.splice(
      this.seen.findIndex((s) => s.promise === promise),
      1,
    );
  }
}
