import type { AttendanceSummary, Incident, PollView, Turnout } from '@libs/contracts/src/index.js';
import { onBeforeUnmount, ref } from 'vue';
import { connectSocket, onEveryConnect, request } from '@web/shared/socket.js';
import { deskSession, messageOf } from '../../desk.js';

/**
 * The live console's socket: joins the session's room (again after every reconnection), keeps
 * the attendance summary current and reports poll events and the session's incidents. Names and reasons are not on the
 * socket; the page reloads them over HTTP when the summary changes.
 */
export function useLiveSocket(
  sessionId: string,
  on: {
    attendance?: (a: AttendanceSummary) => void;
    turnout?: (t: Turnout) => void;
    poll?: (p: PollView | { pollId: string }) => void;
    /** 会议异常事项 of this session (the event reaches every staff socket; others are dropped). */
    incident?: (i: Incident) => void;
    /** The session's key ceremony moved on (a round received, ready, failed). */
    ceremony?: () => void;
    /** After every (re)connection, once the room is joined: reload what may have been missed. */
    joined?: () => void;
  },
) {
  const connected = ref(false);
  const error = ref('');
  const token = deskSession.token();
  if (!token) return { connected, error };
  const socket = connectSocket(token);
  const join = () => {
    request(socket, 'session:join', { sessionId })
      .then((r) => {
        error.value = '';
        on.attendance?.(r.attendance);
        on.joined?.();
      })
      .catch((e: unknown) => (error.value = messageOf(e)));
  };
  const stop = onEveryConnect(socket, join);
  socket.on('connect', () => (connected.value = true));
  socket.on('disconnect', () => (connected.value = false));
  socket.on('attendance', (a) => on.attendance?.(a));
  socket.on('poll:turnout', (t) => on.turnout?.(t));
  socket.on('poll:opened', (p) => on.poll?.(p));
  socket.on('poll:closed', (p) => on.poll?.(p));
  socket.on('poll:result', (p) => on.poll?.(p));
  socket.on('ceremony:progress', () => on.ceremony?.());
  socket.on('incident', (i) => {
    if (i.sessionId === sessionId) on.incident?.(i);
  });
  onBeforeUnmount(() => {
    stop();
    socket.disconnect();
  });
  return { connected, error };
}
