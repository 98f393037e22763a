import { onBeforeUnmount, ref } from 'vue';

/**
 * The preset duration of an open poll, kept in this browser only (the api has no duration yet:
 * closing stays manual). Keyed by poll id so a reload of the console keeps the countdown.
 */
const KEY = (pollId: string) => `congress.desk.poll-duration.${pollId}`;

export function setPollDuration(pollId: string, seconds: number) {
  if (seconds > 0) localStorage.setItem(KEY(pollId), String(seconds));
}

export function pollDuration(pollId: string): number {
  return Number(localStorage.getItem(KEY(pollId)) ?? 0);
}

/** Seconds left until `openedAt + seconds` (negative once past), ticking every second. */
export function useSecondsLeft(openedAt: () => string, seconds: () => number) {
  const now = ref(Date.now());
  const timer = setInterval(() => (now.value = Date.now()), 1000);
  onBeforeUnmount(() => clearInterval(timer));
  return () => Math.round((Date.parse(openedAt()) + seconds() * 1000 - now.value) / 1000);
}

/** 4:05, -0:12 */
export function clock(seconds: number): string {
  const s = Math.abs(seconds);
  return `${seconds < 0 ? '-' : ''}${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
