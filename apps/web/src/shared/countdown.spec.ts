import { describe, expect, it } from '@jest/globals';
import { clockText, secondsLeft } from './countdown.js';

const END = '2026-12-05T02:05:00.000Z';
const at = (iso: string) => Date.parse(iso);

describe('the poll countdown', () => {
  it('counts whole seconds left, rounding up, on the server’s clock', () => {
    expect(secondsLeft(END, at('2026-12-05T02:00:00.000Z'), 0)).toBe(300);
    expect(secondsLeft(END, at('2026-12-05T02:04:59.200Z'), 0)).toBe(1);
    // A tablet 30 s behind the server still ends with the server.
    expect(secondsLeft(END, at('2026-12-05T02:00:00.000Z'), 30_000)).toBe(270);
  });

  it('draws minutes and seconds, and 0:00 once the time is up', () => {
    expect(clockText(245)).toBe('4:05');
    expect(clockText(0)).toBe('0:00');
    expect(clockText(-12)).toBe('0:00');
  });
});
