/**
 * Times are stored in UTC and shown in Asia/Shanghai. China has no daylight saving time since
 * 1991, so Shanghai is always UTC+08:00 and a fixed offset is exact.
 */
export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Reads a time as staff type it: `2026-12-05T09:00` or `2026-12-05 09:00` is Shanghai time;
 * a full ISO string with `Z` or an offset is taken as it says. Returns null if unreadable.
 */
export function parseShanghaiDateTime(text: string): Date | null {
  const m = LOCAL.exec(text.trim());
  if (m) {
    const [y, mo, d, h, mi, s] = m.slice(1).map((part) => Number(part ?? 0)) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const utc = Date.UTC(y, mo - 1, d, h, mi, s) - SHANGHAI_OFFSET_MS;
    const date = new Date(utc);
    // Reject 2026-02-30 and friends, which Date.UTC would roll over.
    return formatShanghai(date).startsWith(`${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}`) ? date : null;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text.trim()))
    return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `2026-12-05 09:00` in Shanghai time. */
export function formatShanghai(date: Date): string {
  return new Date(date.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** The calendar day in Shanghai, `2026-12-05`. */
export function shanghaiDay(date: Date): string {
  return new Date(date.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;

/** Whole calendar days from Shanghai day `from` to Shanghai day `to` (`2026-12-05`, `2026-12-07` → 2). */
export function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;
}

/** The last millisecond of a Shanghai calendar day (`2026-12-05` → 2026-12-05T15:59:59.999Z). */
export function endOfShanghaiDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS - SHANGHAI_OFFSET_MS - 1);
}
