import { shanghaiDay } from '../common/time.js';
import { PlanState } from './openness.enums.js';

/**
 * The time rules of 厂务公开, pure so they can be tested with any "now": a planned item is due by
 * the last day of its month (Asia/Shanghai); an event item within its days of the event; a
 * measure is overdue once its deadline day has passed and it is not done.
 */

/** The last calendar day of a month, `2027-02-28`. */
export function lastDayOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** `2026-12-05` plus n days. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A plan entry's state on `now`: published on or before its due day (on time) or after (late);
 * not published and the due day is past (missing), or not yet (not due).
 */
export function planState(
  entry: { year: number; month: number },
  firstPublishedAt: Date | null,
  now: Date,
): PlanState {
  const due = lastDayOfMonth(entry.year, entry.month);
  if (firstPublishedAt)
    return shanghaiDay(firstPublishedAt) <= due ? PlanState.OnTime : PlanState.Late;
  return shanghaiDay(now) > due ? PlanState.Missing : PlanState.NotDue;
}

/** The last day an item may be published: its plan month's end, or the event day plus its days. */
export function publicationDue(item: {
  plan: { year: number; month: number } | null;
  eventOn: string | null;
  withinDays: number | null;
}): string | null {
  if (item.plan) return lastDayOfMonth(item.plan.year, item.plan.month);
  if (item.eventOn !== null && item.withinDays !== null)
    return addDays(item.eventOn, item.withinDays);
  return null;
}

/** Overdue: still open after its deadline day (Asia/Shanghai). */
export function isOverdue(measure: { status: string; dueOn: string }, now: Date): boolean {
  return measure.status === 'open' && shanghaiDay(now) > measure.dueOn;
}
