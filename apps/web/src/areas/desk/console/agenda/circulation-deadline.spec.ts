import { describe, expect, it } from '@jest/globals';
import { circulationDeadline, countdownText } from './circulation-deadline.js';

describe('circulationDeadline', () => {
  it('is the end of the Beijing day N days before the session day', () => {
    // Session 2026-12-05 09:00 Beijing = 01:00 UTC; 7 days: all of 11-28 (Beijing) is on time.
    const d = circulationDeadline('2026-12-05T01:00:00.000Z', 7);
    expect(d.toISOString()).toBe('2026-11-28T16:00:00.000Z'); // 11-29 00:00 Beijing
  });

  it('counts the Beijing date, not the UTC one, for an early-morning session', () => {
    // 2026-12-05 07:00 Beijing is still 12-04 in UTC.
    const d = circulationDeadline('2026-12-04T23:00:00.000Z', 7);
    expect(d.toISOString()).toBe('2026-11-28T16:00:00.000Z');
  });
});

describe('countdownText', () => {
  it('says what is left, or how late', () => {
    const deadline = new Date('2026-11-28T16:00:00.000Z');
    expect(countdownText(deadline, new Date('2026-11-25T12:00:00.000Z'))).toBe('还剩 3 天 4 小时');
    expect(countdownText(deadline, new Date('2026-11-30T17:00:00.000Z'))).toBe(
      '已超过 2 天 1 小时',
    );
    expect(countdownText(deadline, new Date('2026-11-28T15:30:00.000Z'))).toBe('还剩 0 小时 30 分');
  });
});
