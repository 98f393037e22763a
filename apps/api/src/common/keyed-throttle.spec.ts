import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { KeyedThrottle } from './keyed-throttle.js';

describe('KeyedThrottle', () => {
  const errors: unknown[][] = [];
  const logger = { error: (...args: unknown[]) => void errors.push(args) };
  beforeEach(() => {
    jest.useFakeTimers();
    errors.length = 0;
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('runs once per key per window, at its end, and again in the next window', async () => {
    const throttle = new KeyedThrottle(250, logger, 'broadcast');
    const runs: string[] = [];
    const work = (key: string) => async () => void runs.push(key);
    throttle.schedule('a', work('a'));
    throttle.schedule('a', work('a'));
    throttle.schedule('b', work('b'));
    expect(runs).toEqual([]);
    await jest.advanceTimersByTimeAsync(249);
    expect(runs).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(runs).toEqual(['a', 'b']);
    throttle.schedule('a', work('a'));
    await jest.advanceTimersByTimeAsync(250);
    expect(runs).toEqual(['a', 'b', 'a']);
  });

  it('logs a failure with its key, and keeps scheduling that key', async () => {
    const throttle = new KeyedThrottle(100, logger, 'turnout');
    const boom = new Error('database gone');
    throttle.schedule('poll-1', () => Promise.reject(boom));
    await jest.advanceTimersByTimeAsync(100);
    expect(errors).toEqual([[{ key: 'poll-1', err: boom }, 'turnout failed']]);
    let ran = false;
    throttle.schedule('poll-1', async () => void (ran = true));
    await jest.advanceTimersByTimeAsync(100);
    expect(ran).toBe(true);
  });

  it('drops pending runs on clear', async () => {
    const throttle = new KeyedThrottle(100, logger, 'broadcast');
    let ran = false;
    throttle.schedule('a', async () => void (ran = true));
    throttle.clear();
    await jest.advanceTimersByTimeAsync(200);
    expect(ran).toBe(false);
  });
});
