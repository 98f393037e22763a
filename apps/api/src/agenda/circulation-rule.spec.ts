import { describe, expect, it } from '@jest/globals';
import { checkCirculation } from './circulation-rule.js';

// The session: 2026-12-05 09:00 in Shanghai = 01:00 UTC.
const SESSION = new Date('2026-12-05T01:00:00Z');
const at = (iso: string) => checkCirculation(new Date(iso), SESSION, 7);

describe('the 7-day circulation rule (Shanghai calendar days)', () => {
  it('is on time exactly 7 days before', () => {
    expect(at('2026-11-28T01:00:00Z')).toMatchObject({
      daysBefore: 7,
      onTime: true,
      lateByDays: 0,
    });
  });

  it('is on time 6 days 23 hours before when that is still the 7th calendar day before', () => {
    // 2026-11-28 10:00 Shanghai: the day of circulation does not count.
    expect(at('2026-11-28T02:00:00Z')).toMatchObject({ daysBefore: 7, onTime: true });
  });

  it('is late 6 days 23 hours before when that falls on the 6th day before', () => {
    const lateSession = new Date('2026-12-05T15:00:00Z'); // 2026-12-05 23:00 Shanghai
    // 6 d 23 h earlier: 2026-11-28T16:00Z = 2026-11-29 00:00 Shanghai, the 6th day before.
    expect(checkCirculation(new Date('2026-11-28T16:00:00Z'), lateSession, 7)).toMatchObject({
      daysBefore: 6,
      onTime: false,
      lateByDays: 1,
    });
  });

  it('counts midnight in Shanghai, not in UTC', () => {
    // 23:59 on 11-28 in Shanghai: on time.
    expect(at('2026-11-28T15:59:00Z')).toMatchObject({ daysBefore: 7, onTime: true });
    // 00:00 on 11-29 in Shanghai is still 11-28 in UTC, but it is one day late.
    expect(at('2026-11-28T16:00:00Z')).toMatchObject({
      daysBefore: 6,
      onTime: false,
      lateByDays: 1,
    });
  });

  it('gives the deadline as the end of the last on-time day in Shanghai', () => {
    expect(at('2026-11-20T00:00:00Z').deadline.toISOString()).toBe('2026-11-28T15:59:59.999Z');
  });

  it('says how many days late, and follows the configured number of days', () => {
    expect(at('2026-12-03T01:00:00Z')).toMatchObject({ daysBefore: 2, lateByDays: 5 });
    expect(checkCirculation(new Date('2026-12-03T01:00:00Z'), SESSION, 2).onTime).toBe(true);
    expect(at('2026-12-05T00:30:00Z')).toMatchObject({ daysBefore: 0, lateByDays: 7 });
  });
});
