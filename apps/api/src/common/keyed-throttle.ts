import type { LoggerService } from '@nestjs/common';

/**
 * Runs work for a key at most once per `everyMs`: the first `schedule` for a key starts a timer,
 * and further calls for that key until it fires are absorbed. The work runs once, at the end of
 * the window, so it must read the latest state itself (a broadcast counts again when it runs).
 * A failure is logged with the key, never thrown into the timer or lost.
 */
export class KeyedThrottle {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly everyMs: number,
    private readonly logger: Pick<LoggerService, 'error'>,
    /** Names the work in the log line, e.g. `attendance broadcast`. */
    private readonly what: string,
  ) {}

  schedule(key: string, work: () => Promise<unknown>): void {
    if (this.timers.has(key)) return;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        work().catch((err: unknown) => this.logger.error({ key, err }, `${this.what} failed`));
      }, this.everyMs),
    );
  }

  /** Drops every pending run (at shutdown). */
  clear(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.timers.clear();
  }
}
