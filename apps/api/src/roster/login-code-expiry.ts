/**
 * How long a batch of tablet log-in codes lives (docs/rules.md, "Tablet log-in codes"). Sheets
 * are printed when the agenda is circulated, 7 days or more before the session, and handed out
 * at the door: a code must still work on the session's day, and stop working after it.
 *
 * 1. `validHours` given: that many hours from the issue.
 * 2. Else the session the codes are printed for: to the end of its day in Beijing time
 *    (sessions have a start, not an end; a session is held on its date).
 * 3. No session given: the term's next session (the earliest not yet closed whose day has not
 *    ended), to the end of its day.
 * 4. No such session: FALLBACK_HOURS from the issue.
 *
 * Pure: "now" and the sessions come from the caller.
 */
import { endOfShanghaiDay, shanghaiDay } from '../common/time.js';

export const FALLBACK_HOURS = 72;

export type ExpiryBasis = 'session' | 'hours';

export interface ExpirySession {
  id: string;
  startsAt: Date;
}

export interface CodeExpiry {
  expiresAt: Date;
  basis: ExpiryBasis;
  /** The session the codes are for (chosen, or the next one); null when none. */
  sessionId: string | null;
}

/** The end of the session's day, Beijing time. */
export const sessionEnd = (session: ExpirySession): Date =>
  endOfShanghaiDay(shanghaiDay(session.startsAt));

/** The first of the (start-ordered or not) sessions whose day has not ended at `now`. */
export function nextSession<S extends ExpirySession>(sessions: readonly S[], now: Date): S | null {
  const ahead = sessions.filter((s) => sessionEnd(s) > now);
  ahead.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return ahead[0] ?? null;
}

export function codeExpiry(input: {
  now: Date;
  validHours?: number;
  /** The session chosen by staff, if any. */
  session?: ExpirySession | null;
  /** The term's sessions not yet closed, for the fallback. */
  upcoming?: readonly ExpirySession[];
}): CodeExpiry {
  const { now, validHours } = input;
  const session = input.session ?? nextSession(input.upcoming ?? [], now);
  if (validHours !== undefined) {
    return {
      expiresAt: new Date(now.getTime() + validHours * 3_600_000),
      basis: 'hours',
      sessionId: session?.id ?? null,
    };
  }
  if (session) return { expiresAt: sessionEnd(session), basis: 'session', sessionId: session.id };
  return {
    expiresAt: new Date(now.getTime() + FALLBACK_HOURS * 3_600_000),
    basis: 'hours',
    sessionId: null,
  };
}
