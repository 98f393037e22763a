/**
 * Times come from the api in UTC (ISO 8601) and are shown in Asia/Shanghai, whatever the time
 * zone of the device showing them.
 */
const parts = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const weekday = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', weekday: 'long' });

export type TimeStyle = 'datetime' | 'date' | 'time' | 'long';

/**
 * `datetime` 2026-12-05 09:00 · `date` 2026-12-05 · `time` 09:00 ·
 * `long` 2026年12月5日 星期六 09:00 (for headings a delegate reads at a glance).
 */
export function formatShanghai(value: Date | string, style: TimeStyle = 'datetime'): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  const p = Object.fromEntries(parts.formatToParts(date).map((x) => [x.type, x.value]));
  const day = `${p.year}-${p.month}-${p.day}`;
  const time = `${p.hour}:${p.minute}`;
  switch (style) {
    case 'date':
      return day;
    case 'time':
      return time;
    case 'long':
      return `${p.year}年${Number(p.month)}月${Number(p.day)}日 ${weekday.format(date)} ${time}`;
    default:
      return `${day} ${time}`;
  }
}
