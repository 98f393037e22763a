import { describe, expect, it } from '@jest/globals';
import { OpinionRateLimit } from './opinion-rate-limit.js';

describe('the opinion box rate limit', () => {
  it('lets an account drop `max` opinions per window, then refuses until the window moves on', () => {
    const limit = new OpinionRateLimit(3, 60_000);
    const t0 = new Date('2026-12-01T02:00:00Z');
    const later = (ms: number) => new Date(t0.getTime() + ms);
    expect([0, 1, 2].map((i) => limit.take('u1', later(i * 1000)))).toEqual([0, 0, 0]);
    // Refused: the first opinion (at 0 s) leaves the 60 s window in 57 s.
    expect(limit.take('u1', later(3000))).toBe(57);
    expect(limit.take('u2', later(3000))).toBe(0);
    expect(limit.take('u1', later(60_001))).toBe(0);
  });
});
