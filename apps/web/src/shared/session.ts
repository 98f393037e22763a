import { computed, reactive } from 'vue';
import type { components } from '../api/schema.js';

export type SessionUser = components['schemas']['UserResponse'];

/**
 * Who is logged in, per area of the app. A tablet, the console and the projector each keep their
 * own log-in, so a staff member who opens the console on the hall's projector PC does not log
 * the projector out, and a delegate's tablet never holds a staff token.
 *
 * The token is opaque (the server can revoke it at once); it is kept in localStorage so that a
 * tablet that reloads or sleeps stays logged in until the token expires or is revoked.
 */
export type Area = 'tablet' | 'desk' | 'screen' | 'board';

interface Stored {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

const KEY = (area: Area) => `congress.session.${area}`;

function read(area: Area): Stored | null {
  try {
    const raw = localStorage.getItem(KEY(area));
    if (!raw) return null;
    const s = JSON.parse(raw) as Stored;
    return Date.parse(s.expiresAt) > Date.now() ? s : null;
  } catch {
    // A damaged entry (another app version, a manual edit) is the same as no log-in.
    return null;
  }
}

export function createSession(area: Area) {
  const state = reactive<{ current: Stored | null }>({ current: read(area) });
  return {
    area,
    token: () => state.current?.token ?? null,
    user: computed(() => state.current?.user ?? null),
    loggedIn: computed(() => state.current !== null),
    signIn(s: Stored) {
      state.current = s;
      localStorage.setItem(KEY(area), JSON.stringify(s));
    },
    /** Keeps the token, replaces what we know of the user (after a password change, /auth/me). */
    updateUser(user: SessionUser) {
      if (!state.current) return;
      state.current = { ...state.current, user };
      localStorage.setItem(KEY(area), JSON.stringify(state.current));
    },
    signOut() {
      state.current = null;
      localStorage.removeItem(KEY(area));
    },
  };
}

export type Session = ReturnType<typeof createSession>;

const sessions = new Map<Area, Session>();

/** The one session of an area (created on first use). */
export function sessionOf(area: Area): Session {
  let s = sessions.get(area);
  if (!s) sessions.set(area, (s = createSession(area)));
  return s;
}
