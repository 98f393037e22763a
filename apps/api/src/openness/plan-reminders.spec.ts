import { describe, expect, it } from '@jest/globals';
import { remindersDue, type ReminderLine } from './plan-reminders.js';

// Instants in UTC; the rule reads the Shanghai calendar day (UTC+8).
const at = (iso: string) => new Date(iso);
const nov = (over: Partial<ReminderLine> = {}): ReminderLine => ({
  id: 'nov',
  year: 2026,
  month: 11,
  published: false,
  sent: [],
  ...over,
});

describe('厂务公开 plan reminders (which line needs which reminder at time t)', () => {
  it('says nothing before the lead days, then "due soon" from 7 days before the month’s last day', () => {
    // 2026-11-22 23:59 in Shanghai: 8 days before 11-30.
    expect(remindersDue([nov()], at('2026-11-22T15:59:00Z'))).toEqual([]);
    // 2026-11-23 00:00 in Shanghai.
    expect(remindersDue([nov()], at('2026-11-22T16:00:00Z'))).toEqual([
      { planEntryId: 'nov', kind: 'due_soon', dueOn: '2026-11-30' },
    ]);
    // Its last day is still "due soon", not late.
    expect(remindersDue([nov()], at('2026-11-30T15:59:00Z'))[0]!.kind).toBe('due_soon');
  });

  it('says "overdue" once the Shanghai day is past the last day of the month', () => {
    expect(remindersDue([nov({ sent: ['due_soon'] })], at('2026-11-30T16:00:00Z'))).toEqual([
      { planEntryId: 'nov', kind: 'overdue', dueOn: '2026-11-30' },
    ]);
  });

  it('sends each kind once: a kind already sent is not due again', () => {
    expect(remindersDue([nov({ sent: ['due_soon'] })], at('2026-11-25T02:00:00Z'))).toEqual([]);
    expect(
      remindersDue([nov({ sent: ['due_soon', 'overdue'] })], at('2026-12-05T02:00:00Z')),
    ).toEqual([]);
  });

  it('gives a line first seen after its month only the overdue reminder', () => {
    expect(remindersDue([nov()], at('2026-12-05T02:00:00Z'))).toEqual([
      { planEntryId: 'nov', kind: 'overdue', dueOn: '2026-11-30' },
    ]);
  });

  it('reminds nobody of a published line, and honours another lead time and February', () => {
    expect(remindersDue([nov({ published: true })], at('2026-12-05T02:00:00Z'))).toEqual([]);
    const feb = nov({ id: 'feb', year: 2027, month: 2 });
    expect(remindersDue([feb], at('2027-02-24T02:00:00Z'), 3)).toEqual([]);
    expect(remindersDue([feb], at('2027-02-25T02:00:00Z'), 3)).toEqual([
      { planEntryId: 'feb', kind: 'due_soon', dueOn: '2027-02-28' },
    ]);
  });
});
