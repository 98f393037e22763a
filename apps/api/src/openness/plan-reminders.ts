import { shanghaiDay } from '../common/time.js';
import type { ReminderKind } from '../common/contracts.js';
import { addDays, lastDayOfMonth } from './openness-rules.js';

/** How many days before the last day of its month a plan line's department is reminded. */
export const REMINDER_LEAD_DAYS = 7;

export interface ReminderLine {
  id: string;
  year: number;
  month: number;
  /** Whether an item fulfilling the line has been published. */
  published: boolean;
  /** The kinds already sent for this line. */
  sent: readonly ReminderKind[];
}

export interface ReminderDue {
  planEntryId: string;
  kind: ReminderKind;
  dueOn: string;
}

/**
 * Which plan lines need which reminder on `now` (the Shanghai calendar day, as planState reads
 * it): a line not published gets 即将到期 (`due_soon`) from `leadDays` before the last day of its
 * month up to that day, and 已逾期 (`overdue`) once that day is past; each kind once. A line first
 * seen after its month is over gets only the overdue one: "due soon" would be untrue by then.
 */
export function remindersDue(
  lines: readonly ReminderLine[],
  now: Date,
  leadDays = REMINDER_LEAD_DAYS,
): ReminderDue[] {
  const today = shanghaiDay(now);
  const due: ReminderDue[] = [];
  for (const line of lines) {
    if (line.published) continue;
    const dueOn = lastDayOfMonth(line.year, line.month);
    const kind: ReminderKind | null =
      today > dueOn ? 'overdue' : today >= addDays(dueOn, -leadDays) ? 'due_soon' : null;
    if (kind && !line.sent.includes(kind)) due.push({ planEntryId: line.id, kind, dueOn });
  }
  return due;
}
