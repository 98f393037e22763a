import { describe, expect, it } from '@jest/globals';
import { formatShanghai } from './time.js';

describe('formatShanghai', () => {
  // 2026-12-04T16:30Z is already Saturday 5 December, 00:30 in Shanghai (UTC+8).
  const utc = '2026-12-04T16:30:00.000Z';

  it('shows a UTC instant in Shanghai time, across the date line', () => {
    expect(formatShanghai(utc)).toBe('2026-12-05 00:30');
    expect(formatShanghai(new Date(utc), 'date')).toBe('2026-12-05');
    expect(formatShanghai(utc, 'time')).toBe('00:30');
    expect(formatShanghai(utc, 'long')).toBe('2026年12月5日 星期六 00:30');
  });

  it('shows midnight as 00:00, not 24:00', () => {
    expect(formatShanghai('2026-12-04T16:00:00Z', 'time')).toBe('00:00');
  });

  it('gives an empty string for an unreadable value', () => {
    expect(formatShanghai('not a time')).toBe('');
  });
});
