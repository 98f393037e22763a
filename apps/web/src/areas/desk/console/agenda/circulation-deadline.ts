/**
 * The last moment to circulate on time: the whole Beijing calendar day `days` days before the
 * session's day (the day of the act does not count, 民法典 Art. 201: for a session on 12-05 and
 * 7 days, all of 11-28 is on time). The server decides; this only draws the countdown.
 */
export function circulationDeadline(sessionStartsAt: string, days: number): Date {
  const shanghai = new Date(Date.parse(sessionStartsAt) + 8 * 3600_000);
  const day = Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate());
  // End of (session day − days), Beijing time, as an instant.
  return new Date(day - days * 86_400_000 + 86_400_000 - 8 * 3600_000);
}

/** "还剩 3 天 4 小时" or "已超过 2 天". */
export function countdownText(deadline: Date, now = new Date()): string {
  const ms = deadline.getTime() - now.getTime();
  const abs = Math.abs(ms);
  const days = Math.floor(abs / 86_400_000);
  const hours = Math.floor((abs % 86_400_000) / 3_600_000);
  const span = days
    ? `${days} 天 ${hours} 小时`
    : `${hours} 小时 ${Math.floor((abs % 3_600_000) / 60_000)} 分`;
  return ms >= 0 ? `还剩 ${span}` : `已超过 ${span}`;
}
