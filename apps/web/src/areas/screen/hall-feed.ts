import type {
  AttendanceSummary,
  CeremonyProgress,
  PollView,
  Turnout,
} from '@libs/contracts/src/index.js';
import { onScopeDispose, reactive } from 'vue';
import { ApiError } from '@web/shared/api.js';
import { type AppSocket, connectSocket, onEveryConnect, request } from '@web/shared/socket.js';
import { followIncidents } from './hall-incidents.js';

/**
 * What the hall's projector follows, by itself, from the session's socket room: the attendance
 * and quorum, the poll that is open (with its turnout only: there is no running tally, by design)
 * and the latest decided poll. A reconnection (the projector PC's Wi-Fi, a server restart) joins
 * the room again and reloads the state, so the screen never needs a person at the keyboard.
 */
export interface HallState {
  connected: boolean;
  /** A refusal nobody can fix from the projector (wrong role, unknown session, token revoked). */
  error: ApiError | null;
  attendance: AttendanceSummary | null;
  /** The open poll, if any, and its turnout. */
  open: PollView | null;
  turnout: Turnout | null;
  /** Closed, waiting for its tally. */
  counting: boolean;
  /** The latest decided poll, with its result. */
  decided: PollView | null;
  /** The incident line: the latest approved re-issued log-in code, in the hall's words. */
  incident: string | null;
  /** Why the incident list could not be read (null once a read succeeds). */
  incidentsProblem: string | null;
  /** The session's key ceremony as last reported (its fingerprint is shown when ready). */
  ceremony: CeremonyProgress | null;
  /** The agenda items that had a poll (open or decided): the next votable one is shown between polls. */
  polledItemIds: string[];
}

export function followHall(sessionId: string, token: string): HallState {
  const state = reactive<HallState>({
    connected: false,
    error: null,
    attendance: null,
    open: null,
    turnout: null,
    counting: false,
    decided: null,
    incident: null,
    incidentsProblem: null,
    ceremony: null,
    polledItemIds: [],
  });
  const socket: AppSocket = connectSocket(token);
  followIncidents(
    socket,
    sessionId,
    (line) => (state.incident = line),
    (text) => (state.incidentsProblem = text),
  );

  async function resume() {
    try {
      const joined = await request(socket, 'session:join', { sessionId });
      state.attendance = joined.attendance;
      const polls = await request(socket, 'poll:state', { sessionId });
      state.open = polls.open.at(-1) ?? null;
      state.decided = polls.decided.at(-1) ?? null;
      state.polledItemIds = [...polls.open, ...polls.decided].map((p) => p.itemId);
      state.counting = false;
      state.error = null;
    } catch (e) {
      state.error = e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', String(e));
    }
  }

  socket.on('connect', () => (state.connected = true));
  socket.on('disconnect', () => (state.connected = false));
  socket.on('connect_error', (err) => {
    const code = (err as { data?: { code?: string } }).data?.code;
    if (code)
      state.error = new ApiError(
        401,
        code,
        code === 'AUTH_PASSWORD_CHANGE_REQUIRED'
          ? '该账号须先在工作人员控制台修改初始密码'
          : '登录已失效，请重新登录',
      );
  });
  socket.on('attendance', (a) => (state.attendance = a));
  socket.on('ceremony:progress', (c) => (state.ceremony = c));
  socket.on('poll:opened', (p) => {
    state.open = p;
    if (!state.polledItemIds.includes(p.itemId)) state.polledItemIds.push(p.itemId);
    state.turnout = null;
    state.counting = false;
  });
  socket.on('poll:turnout', (t) => {
    if (t.pollId === state.open?.id) state.turnout = t;
  });
  socket.on('poll:closed', ({ pollId }) => {
    if (pollId === state.open?.id) state.counting = true;
  });
  socket.on('poll:result', (p) => {
    state.decided = p;
    if (p.id === state.open?.id) {
      state.open = null;
      state.turnout = null;
      state.counting = false;
    }
  });
  const stop = onEveryConnect(socket, () => void resume());
  onScopeDispose(() => {
    stop();
    socket.disconnect();
  });
  return state;
}
