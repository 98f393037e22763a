import type { AuthContext } from '../auth/auth-context.js';
import { rooms } from '../realtime/index.js';
import { isServing, watchesAsSeat } from '../roster/seat-rules.js';
import type { DelegateStatus, RosterKind } from '../roster/roster.enums.js';

/** Everyone following the session: the tablets, the screens, the console. */
export const sessionRoom = rooms.session;

/**
 * The session's watchers: the screens and the console (staff, secretaries, the presidium's
 * members). What only they show (the turnout, once a second while a poll is open) goes here, not
 * to the 2,000 tablets of the session's room, which would drop it.
 */
export const watchRoom = rooms.watch;

/**
 * Who may follow a session live, given the account's seat in the session's term (a user has at
 * most one): staff and secretaries, and anyone whose seat is serving (voting or 列席).
 */
export const mayFollow = (auth: AuthContext, seat: { status: DelegateStatus } | null): boolean =>
  auth.role === 'staff' || auth.role === 'secretary' || (seat !== null && isServing(seat));

/**
 * Who also watches the session (the turnout): staff and secretaries, and a serving presidium
 * member (the presidium's screen, docs/rules.md).
 */
export const mayWatch = (
  auth: AuthContext,
  seat: { status: DelegateStatus; kind: RosterKind; presidium: boolean } | null,
): boolean =>
  auth.role === 'staff' || auth.role === 'secretary' || (seat !== null && watchesAsSeat(seat));

/** How far an account follows a session live: not at all, in the hall, or watching it too. */
export type Following = 'none' | 'hall' | 'watch';
