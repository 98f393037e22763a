import type { Turnout } from '@libs/contracts/src/index.js';
import { onScopeDispose, reactive } from 'vue';
import type { components } from '../../api/schema.js';
import { ApiError, apiOf, unwrap } from '@web/shared/api.js';
import type { Area } from '@web/shared/session.js';
import { type AppSocket, connectSocket, onEveryConnect, request } from '@web/shared/socket.js';

export type PresidiumView = components['schemas']['PresidiumViewResponse'];

/**
 * What the presidium's screen follows (GB 50799 §6.2: not what the hall display shows): the
 * chair's view from `GET /api/sessions/:id/presidium-view` (attendance, every poll with held
 * results, the agenda), reloaded on every poll event, with the live attendance and turnout from
 * the session's socket room; the chair's actions (start, close, release).
 */
export interface PresidiumState {
  connected: boolean;
  error: ApiError | null;
  view: PresidiumView | null;
  turnout: Turnout | null;
}

export function followPresidium(sessionId: string, area: Area, token: string) {
  const state = reactive<PresidiumState>({
    connected: false,
    error: null,
    view: null,
    turnout: null,
  });
  const socket: AppSocket = connectSocket(token);

  async function reload() {
    try {
      state.view = await unwrap(
        apiOf(area).GET('/api/sessions/{sessionId}/presidium-view', {
          params: { path: { sessionId } },
        }),
      );
      state.error = null;
    } catch (e) {
      state.error = e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', String(e));
    }
  }
  async function resume() {
    try {
      await request(socket, 'session:join', { sessionId });
    } catch (e) {
      state.error = e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', String(e));
    }
    await reload();
  }

  socket.on('connect', () => (state.connected = true));
  socket.on('disconnect', () => (state.connected = false));
  socket.on('attendance', (a) => {
    if (state.view) state.view.attendance = a as PresidiumView['attendance'];
  });
  socket.on('poll:turnout', (t) => (state.turnout = t));
  socket.on('poll:opened', () => {
    state.turnout = null;
    void reload();
  });
  socket.on('poll:closed', () => void reload());
  socket.on('poll:result', () => void reload());
  const stop = onEveryConnect(socket, () => void resume());
  onScopeDispose(() => {
    stop();
    socket.disconnect();
  });

  async function release(pollId: string): Promise<void> {
    await unwrap(apiOf(area).POST('/api/polls/{id}/release', { params: { path: { id: pollId } } }));
    await reload();
  }
  /** GB 50799 §6.2: the chair starts a poll on the next item (the defaults) and closes it. */
  async function start(itemId: string): Promise<void> {
    await unwrap(
      apiOf(area).POST('/api/sessions/{sessionId}/presidium/polls', {
        params: { path: { sessionId } },
        body: { itemId },
      }),
    );
    await reload();
  }
  async function close(pollId: string): Promise<void> {
    await unwrap(
      apiOf(area).POST('/api/polls/{id}/presidium-close', { params: { path: { id: pollId } } }),
    );
    await reload();
  }
  return { state, release, start, close };
}
