import { SHANGHAI_OFFSET_MS, shanghaiDay } from '../common/time.js';

/**
 * Calendar arithmetic in Asia/Shanghai days, for the intake window and handling deadlines.
 * Days are `YYYY-MM-DD` strings, which compare correctly as strings.
 */
const DAY_MS = 24 * 60 * 60 * 1000;

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 00:00 of that day in Shanghai, as an instant. */
export function startOfShanghaiDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS);
}

/** True for a real calendar day written `YYYY-MM-DD` (not 2026-02-30). */
export function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const t = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === text;
}

export interface IntakeWindow {
  /** First and last Shanghai day on which proposals are taken for the session. */
  opensOn: string;
  closesOn: string;
  opensAt: Date;
  /** The instant the window has closed (00:00 after `closesOn`). */
  closesAt: Date;
}

/**
 * The session's intake window: from `opensDaysBefore` days before the session's day to
 * `closesDaysBefore` days before it, both days included (defaults 30 and 1: from a month
 * before to the eve of the session).
 */
export function intakeWindow(
  sessionStartsAt: Date,
  window: { opensDaysBefore: number; closesDaysBefore: number },
): IntakeWindow {
  const day = shanghaiDay(sessionStartsAt);
  const opensOn = addDays(day, -window.opensDaysBefore);
  const closesOn = addDays(day, -window.closesDaysBefore);
  return {
    opensOn,
    closesOn,
    opensAt: startOfShanghaiDay(opensOn),
    closesAt: startOfShanghaiDay(addDays(closesOn, 1)),
  };
}

export function isWindowOpen(window: IntakeWindow, now: Date): boolean {
  const today = shanghaiDay(now);
  return window.opensOn <= today && today <= window.closesOn;
}
