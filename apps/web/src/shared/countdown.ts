import { onBeforeUnmount, ref } from 'vue';

/**
 * The countdown of a poll with a preset duration, the same on the tablet, the projector and the
 * console. The api fixes when the poll ends (`closesAt`) and closes it itself; screens only draw
 * the time left. A tablet's clock may be off in a hall without internet, so the time left is
 * counted on the server's clock, read once from the `Date` header of `/health`.
 */
let offsetMs = 0;
let synced: Promise<void> | null = null;

/** Server time minus this device's time, estimated from one round trip (±1 s). */
export function syncServerClock(): Promise<void> {
  synced ??= (async () => {
    const sent = Date.now();
    const res = await fetch('/health', { cache: 'no-store' });
    const received = Date.now();
    const date = Date.parse(res.headers.get('date') ?? '');
    // The header has whole seconds: its middle is half a second later.
    if (Number.isFinite(date)) offsetMs = date + 500 - (sent + received) / 2;
  })().catch(() => {
    synced = null; // try again with the next countdown; meanwhile the device's own clock
  });
  return synced;
}

/** Whole seconds from `now` (device time) until `closesAt`, on the server's clock; ≤ 0 when up. */
export function secondsLeft(closesAt: string, now: number, offset = offsetMs): number {
  return Math.ceil((Date.parse(closesAt) - (now + offset)) / 1000);
}

/** 4:05; 0:00 once the time is up. */
export function clockText(seconds: number): string {
  const s = Math.max(0, seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** A ticking "now" for a component (device time; pass it to `secondsLeft`). */
export function useNow(everyMs = 1000) {
  const now = ref(Date.now());
  void syncServerClock();
  const timer = setInterval(() => (now.value = Date.now()), everyMs);
  onBeforeUnmount(() => clearInterval(timer));
  return now;
}
