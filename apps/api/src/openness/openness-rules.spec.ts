import { describe, expect, it } from '@jest/globals';
import { PlanState } from './openness.enums.js';
import { addDays, isOverdue, lastDayOfMonth, planState, publicationDue } from './openness-rules.js';

// Times are UTC instants; the rules read the Shanghai calendar day (UTC+8).
const at = (iso: string) => new Date(iso);

describe('厂务公开 time rules', () => {
  it('knows the last day of each month, February included', () => {
    expect(lastDayOfMonth(2027, 2)).toBe('2027-02-28');
    expect(lastDayOfMonth(2028, 2)).toBe('2028-02-29');
    expect(lastDayOfMonth(2026, 12)).toBe('2026-12-31');
    expect(addDays('2026-12-30', 5)).toBe('2027-01-04');
  });

  describe('a plan entry for March 2027', () => {
    const march = { year: 2027, month: 3 };
    it('is not due during March, nor on its last day in Shanghai', () => {
      expect(planState(march, null, at('2027-03-15T02:00:00Z'))).toBe(PlanState.NotDue);
      // 2027-03-31 23:59 in Shanghai
      expect(planState(march, null, at('2027-03-31T15:59:00Z'))).toBe(PlanState.NotDue);
    });
    it('is missing from the first Shanghai minute of April', () => {
      // 2027-04-01 00:00 in Shanghai is still 31 March in UTC
      expect(planState(march, null, at('2027-03-31T16:00:00Z'))).toBe(PlanState.Missing);
    });
    it('is on time when published by the end of March (Shanghai), late after', () => {
      const now = at('2027-06-01T00:00:00Z');
      expect(planState(march, at('2027-03-31T15:59:00Z'), now)).toBe(PlanState.OnTime);
      expect(planState(march, at('2027-03-31T16:00:00Z'), now)).toBe(PlanState.Late);
      expect(planState(march, at('2027-02-10T02:00:00Z'), now)).toBe(PlanState.OnTime);
    });
  });

  it('dates an event item by the event plus its days, a planned one by its month', () => {
    expect(publicationDue({ plan: null, eventOn: '2026-12-28', withinDays: 7 })).toBe('2027-01-04');
    expect(
      publicationDue({ plan: { year: 2027, month: 2 }, eventOn: null, withinDays: null }),
    ).toBe('2027-02-28');
  });

  it('flags an open measure overdue from the day after its deadline, a done one never', () => {
    const m = { status: 'open', dueOn: '2026-12-10' };
    expect(isOverdue(m, at('2026-12-10T15:59:00Z'))).toBe(false);
    expect(isOverdue(m, at('2026-12-10T16:00:00Z'))).toBe(true);
    expect(isOverdue({ ...m, status: 'done' }, at('2027-01-10T00:00:00Z'))).toBe(false);
  });
});
