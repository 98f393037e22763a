import { createHmac, randomBytes } from 'node:crypto';

/**
 * How many opinions one account may drop in the box per window, counted in memory only: the
 * opinion rows carry no identity, so the count cannot live there. Keys are an HMAC of the account
 * id under a key made at start-up and never stored, so even this process's memory holds no
 * account id; the counts are lost at a restart (and each api process counts on its own).
 */
export class OpinionRateLimit {
  private readonly secret = randomBytes(32);
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}

  /**
   * Counts one opinion for the account at `now` and answers 0; past the limit it counts nothing
   * and answers the whole seconds until the oldest opinion in the window leaves it.
   */
  take(userId: string, now: Date): number {
    const key = createHmac('sha256', this.secret).update(userId).digest('base64url');
    const since = now.getTime() - this.windowMs;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (recent.length >= this.max) {
      this.hits.set(key, recent);
      return Math.max(1, Math.ceil((recent[0]! - since) / 1000));
    }
    recent.push(now.getTime());
    this.hits.set(key, recent);
    this.forgetOld(since);
    return 0;
  }

  /** Drops keys with nothing left in the window, so the map does not grow forever. */
  private forgetOld(since: number): void {
    if (this.hits.size < 10_000) return;
    for (const [key, times] of this.hits) if (times.every((t) => t <= since)) this.hits.delete(key);
  }
}
