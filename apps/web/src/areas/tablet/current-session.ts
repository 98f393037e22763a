import type { components } from '../../api/schema.js';

export type SessionInfo = components['schemas']['SessionResponse'];

/** Statuses in which a delegate's tablet has something to do, most urgent first. */
const ACTIVE = ['in_session', 'circulated', 'preparing'] as const;

/**
 * The session the tablet's home shows: the one in session; else the next one circulated or in
 * preparation (the soonest to start); else the latest one held. Drafts are the union's own.
 */
export function currentSession(sessions: readonly SessionInfo[], now: Date): SessionInfo | null {
  const live = sessions.find((s) => s.status === 'in_session');
  if (live) return live;
  const start = (s: SessionInfo) => Date.parse(s.startsAt);
  const upcoming = sessions
    .filter((s) => (ACTIVE as readonly string[]).includes(s.status))
    .sort((a, b) => Math.abs(start(a) - now.getTime()) - Math.abs(start(b) - now.getTime()));
  if (upcoming[0]) return upcoming[0];
  const held = sessions.filter((s) => s.status !== 'draft').sort((a, b) => start(b) - start(a));
  return held[0] ?? null;
}
