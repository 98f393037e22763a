import { computed, reactive, watch } from 'vue';
import type { components } from '../../api/schema.js';
import { deskApi, unwrap } from './desk.js';

export type Term = components['schemas']['TermResponse'];
export type CongressSession = components['schemas']['SessionResponse'];

const KEY = 'congress.desk.current';

/**
 * The term and session the desk is working on, chosen once in the header and kept across pages
 * and reloads: a staff member running one congress should not pick it again on every screen.
 */
const saved = (() => {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '{}') as { termId?: string; sessionId?: string };
  } catch {
    return {};
  }
})();

export const current = reactive({
  terms: [] as Term[],
  sessions: [] as CongressSession[],
  termId: saved.termId ?? '',
  sessionId: saved.sessionId ?? '',
  loaded: false,
});

watch(
  () => [current.termId, current.sessionId],
  () =>
    localStorage.setItem(
      KEY,
      JSON.stringify({ termId: current.termId, sessionId: current.sessionId }),
    ),
);

export const currentTerm = computed(() => current.terms.find((t) => t.id === current.termId));
export const currentSession = computed(() =>
  current.sessions.find((s) => s.id === current.sessionId),
);

/** Reloads the terms and the chosen term's sessions, keeping the choice when it still exists. */
export async function refreshCurrent() {
  current.terms = await unwrap(deskApi.GET('/api/terms'));
  if (!current.terms.some((t) => t.id === current.termId))
    current.termId = current.terms.at(-1)?.id ?? '';
  await refreshSessions();
  current.loaded = true;
}

export async function refreshSessions() {
  current.sessions = current.termId
    ? await unwrap(
        deskApi.GET('/api/terms/{termId}/sessions', {
          params: { path: { termId: current.termId } },
        }),
      )
    : [];
  if (!current.sessions.some((s) => s.id === current.sessionId))
    current.sessionId = pickSession(current.sessions);
}

/** The session in progress if any, else the next to come, else the latest. */
function pickSession(sessions: CongressSession[]): string {
  const live = sessions.find((s) => s.status === 'in_session');
  if (live) return live.id;
  const now = Date.now();
  const ahead = sessions
    .filter((s) => Date.parse(s.startsAt) >= now)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return ahead[0]?.id ?? sessions.at(-1)?.id ?? '';
}

export async function chooseTerm(termId: string) {
  current.termId = termId;
  current.sessionId = '';
  await refreshSessions();
}
