import { describe, expect, it } from '@jest/globals';
import { addDays, intakeWindow, isCalendarDay, isWindowOpen } from './proposal-days.js';

describe('proposal days (Asia/Shanghai)', () => {
  it('adds days across months and years', () => {
    expect(addDays('2026-12-20', 20)).toBe('2027-01-09');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('rejects impossible days', () => {
    expect(isCalendarDay('2026-02-28')).toBe(true);
    expect(isCalendarDay('2026-02-30')).toBe(false);
    expect(isCalendarDay('2026-2-1')).toBe(false);
  });

  it('opens the window 30 Shanghai days before and closes it at the end of the eve', () => {
    // 2026-12-05 09:00 in Shanghai.
    const w = intakeWindow(new Date('2026-12-05T01:00:00Z'), {
      opensDaysBefore: 30,
      closesDaysBefore: 1,
    });
    expect(w).toMatchObject({ opensOn: '2026-11-05', closesOn: '2026-12-04' });
    expect(w.opensAt.toISOString()).toBe('2026-11-04T16:00:00.000Z');
    expect(w.closesAt.toISOString()).toBe('2026-12-04T16:00:00.000Z');
    expect(isWindowOpen(w, new Date('2026-11-04T15:59:59Z'))).toBe(false);
    expect(isWindowOpen(w, new Date('2026-11-04T16:00:00Z'))).toBe(true);
    expect(isWindowOpen(w, new Date('2026-12-04T15:59:59Z'))).toBe(true);
    expect(isWindowOpen(w, new Date('2026-12-04T16:00:00Z'))).toBe(false);
  });
});
