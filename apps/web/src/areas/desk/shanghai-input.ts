import { formatShanghai } from '@web/shared/time.js';

/**
 * Date pickers hand over "YYYY-MM-DD HH:mm" as typed; the congress's times are Beijing time
 * whatever the zone of the staff member's computer, so the offset is written out.
 */
export function shanghaiToIso(local: string): string {
  const [date, time = '00:00'] = local.trim().split(/\s+/);
  return new Date(`${date}T${time}:00+08:00`).toISOString();
}

/** The reverse, to fill a picker from an api time. */
export function isoToShanghai(iso: string): string {
  return formatShanghai(iso, 'datetime');
}
