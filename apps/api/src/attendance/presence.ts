import { AttendanceStatus } from './attendance.entity.js';

/**
 * "Checked in" (出席) for raw SQL that must hold it in its own WHERE, like the cast's one-INSERT
 * eligibility check: written here once, from the enum. `session` and `delegate` are SQL
 * expressions (a parameter such as `$8`, a column such as `d.id`).
 */
export function checkedInSql(session: string, delegate: string): string {
  return `EXISTS (SELECT 1 FROM attendance a
                   WHERE a.session_id = ${session} AND a.delegate_id = ${delegate}
                     AND a.status = '${AttendanceStatus.Present}')`;
}
