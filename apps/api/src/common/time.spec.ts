import { describe, expect, it } from '@jest/globals';
import {
  daysBetween,
  endOfShanghaiDay,
  formatShanghai,
  parseShanghaiDateTime,
  shanghaiDay,
} from './time.js';

describe('Shanghai time', () => {
  it('reads a local time as UTC+8', () => {
    expect(parseShanghaiDateTime('2026-12-05T09:00')?.toISOString()).toBe(
      '2026-12-05T01:00:00.000Z',
    );
    expect(parseShanghaiDateTime('2026-12-05 00:30')?.toISOString()).toBe(
      '2026-12-04T16:30:00.000Z',
    );
  });

  it('takes an explicit offset as given', () => {
    expect(parseShanghaiDateTime('2026-12-05T01:00:00Z')?.toISOString()).toBe(
      '2026-12-05T01:00:00.000Z',
    );
    expect(parseShanghaiDateTime('2026-12-05T09:00:00+08:00')?.toISOString()).toBe(
      '2026-12-05T01:00:00.000Z',
    );
  });

  it('refuses impossible or unreadable times', () => {
    expect(parseShanghaiDateTime('2026-02-30 09:00')).toBeNull();
    expect(parseShanghaiDateTime('2026-12-05 25:00')).toBeNull();
    expect(parseShanghaiDateTime('next monday')).toBeNull();
    expect(parseShanghaiDateTime('2026-12-05')).toBeNull();
  });

  it('shows UTC instants in Shanghai, including across midnight', () => {
    const lateUtc = new Date('2026-12-04T16:30:00Z');
    expect(formatShanghai(lateUtc)).toBe('2026-12-05 00:30');
    expect(shanghaiDay(lateUtc)).toBe('2026-12-05');
    expect(shanghaiDay(new Date('2026-12-04T15:59:59Z'))).toBe('2026-12-04');
  });
});

describe('Shanghai calendar days', () => {
  it('counts whole days between two days, across months and years', () => {
    expect(daysBetween('2026-12-05', '2026-12-05')).toBe(0);
    expect(daysBetween('2026-11-28', '2026-12-05')).toBe(7);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-12-05', '2026-11-25')).toBe(-10);
  });

  it('ends a day at 23:59:59.999 Beijing time', () => {
    expect(endOfShanghaiDay('2026-12-05').toISOString()).toBe('2026-12-05T15:59:59.999Z');
    expect(shanghaiDay(endOfShanghaiDay('2026-12-05'))).toBe('2026-12-05');
    expect(shanghaiDay(new Date(endOfShanghaiDay('2026-12-05').getTime() + 1))).toBe('2026-12-06');
  });
});
