import type {
  AgendaDelivery,
  CastRequest,
  NotificationPayload,
  PollView,
  Receipt,
  ServerEvents,
} from '@libs/contracts/src/index.js';
import { ApiError, apiOf, unwrap } from '@web/shared/api.js';
import { sessionOf } from '@web/shared/session.js';
import { type AppSocket, connectSocket, onEveryConnect, request } from '@web/shared/socket.js';
import { currentSession } from './current-session.js';
import { live } from './live-state.js';
import { votingSeat, withClosed, withOpened, withResult } from './poll-events.js';
import { keepReceipt, keptReceipts, type KeptReceipt } from './receipts.js';
import { dropSlips } from './slips/slips.js';

export { live };

const tablet = sessionOf('tablet');
let socket: AppSocket | null = null;
const castWaiters: ((r: Receipt | ApiError) => void)[] = [];
const notificationHandlers = new Set<(n: NotificationPayload) => void>();

/** The teller's events (sent to the account's own room: no session needs to be joined). */
type TellerEvent = 'ceremony:progress' | 'decryption:requested';
const tellerHandlers = {
  'ceremony:progress': new Set<(e: ServerEvents['ceremony:progress']) => void>(),
  'decryption:requested': new Set<(e: ServerEvents['decryption:requested']) => void>(),
};
const connectHandlers = new Set<() => void>();
/** 会议异常事项 (sent to the term's presidium members and tellers: requests they may approve). */
const incidentHandlers = new Set<(i: ServerEvents['incident']) => void>();

const userId = () => tablet.user.value?.id ?? '';
const checkInKey = () => `congress.checkin.${userId()}.${live.session?.id ?? ''}`;

/** Starts (once) after log-in: loads the seat and session, connects the socket. */
export async function startLive(): Promise<void> {
  if (live.started) return;
  const token = tablet.token();
  if (!token) return;
  live.started = true;
  live.receipts = keptReceipts(userId());
  await refreshSession();
  void refreshUnread();
  socket = connectSocket(token);
  socket.on('disconnect', () => (live.connected = false));
  socket.on('connect_error', (err: Error & { data?: { code?: string } }) => {
    if (err.data?.code === 'AUTH_UNAUTHENTICATED') signOutTablet();
  });
  socket.on('attendance', (a) => {
    if (a.sessionId === live.session?.id) live.attendance = a;
  });
  socket.on('poll:opened', (poll) => {
    if (poll.sessionId !== live.session?.id) return;
    const seat = votingSeat(live.seats, live.session.termId);
    live.polls = withOpened(live.polls, poll, seat?.id ?? null);
  });
  // An opening, a close or a result is applied from the event itself (poll-events.ts): the hall's
  // tablets send no request each.
  socket.on('poll:closed', ({ pollId }) => (live.polls = withClosed(live.polls, pollId)));
  socket.on('poll:result', (poll) => {
    if (poll.sessionId === live.session?.id) live.polls = withResult(live.polls, poll);
  });
  socket.on('notification', (n) => {
    live.unread++;
    if (n.kind === 'agenda.circulated') void refreshDeliveries();
    notificationHandlers.forEach((h) => h(n));
  });
  socket.on('incident', (i) => incidentHandlers.forEach((h) => h(i)));
  socket.on('ceremony:progress', (e) => tellerHandlers['ceremony:progress'].forEach((h) => h(e)));
  socket.on('decryption:requested', (e) =>
    tellerHandlers['decryption:requested'].forEach((h) => h(e)),
  );
  onEveryConnect(socket, () => {
    void resume();
    connectHandlers.forEach((h) => h());
  });
}

/**
 * Reads the seat and the session to show again (the session's status changes on the staff's
 * side: circulated, in session, closed); a new session re-joins its room.
 */
export async function refreshSession(): Promise<void> {
  const api = apiOf('tablet');
  try {
    live.seats = await unwrap(api.GET('/api/delegates/me'));
    const seat = live.seats.find((s) => s.status === 'serving') ?? live.seats[0];
    const before = live.session?.id;
    if (seat) {
      const sessions = await unwrap(
        api.GET('/api/terms/{termId}/sessions', { params: { path: { termId: seat.termId } } }),
      );
      live.session = currentSession(sessions, new Date());
    }
    live.checkedIn = localStorage.getItem(checkInKey()) === '1';
    live.problem = null;
    if (socket?.connected && live.session && live.session.id !== before) void resume();
  } catch (e) {
    live.problem = e instanceof ApiError ? e.message : '加载失败，请稍后重试';
    // An admin reset the password since this log-in: the layout shows the password page.
    if (e instanceof ApiError && e.code === 'AUTH_PASSWORD_CHANGE_REQUIRED' && tablet.user.value)
      tablet.updateUser({ ...tablet.user.value, mustChangePassword: true });
  }
}

/** After every (re)connection: rooms, state, and the ballot that was waiting for the network. */
async function resume(): Promise<void> {
  live.connected = true;
  if (!socket) return;
  await refreshDeliveries();
  if (!live.session) return;
  try {
    const joined = await request(socket, 'session:join', { sessionId: live.session.id });
    live.attendance = joined.attendance;
  } catch (e) {
    live.problem = e instanceof ApiError ? e.message : String(e);
    return;
  }
  await refreshPolls();
  if (live.pending) void sendPending();
}

export async function refreshPolls(): Promise<void> {
  if (!socket?.connected || !live.session) return;
  const { ok: _ok, ...state } = await request(socket, 'poll:state', { sessionId: live.session.id });
  live.polls = state;
  for (const r of state.receipts) live.receipts = keepReceipt(userId(), withTitle(r));
}

async function refreshDeliveries(): Promise<void> {
  if (!socket?.connected) return;
  try {
    live.deliveries = (await request(socket, 'agenda:inbox', {})).deliveries;
  } catch {
    // Attendees and delegates only; the agenda page reads the same over HTTP and says why.
  }
}

/** The badge on 消息. A failed read keeps the last count and says so (never a false 0). */
export async function refreshUnread(): Promise<void> {
  try {
    const list = await unwrap(apiOf('tablet').GET('/api/notifications'));
    live.unread = list.filter((n) => !n.readAt).length;
    live.unreadProblem = null;
  } catch (e) {
    live.unreadProblem = `无法读取消息：${e instanceof ApiError ? e.message : String(e)}`;
  }
}

/** 签到 for the current session. */
export async function checkIn(): Promise<void> {
  if (!socket || !live.session) throw new ApiError(0, 'NO_SESSION', '当前没有可签到的会议');
  const r = await request(socket, 'session:check-in', { sessionId: live.session.id });
  live.attendance = r.attendance;
  live.checkedIn = true;
  localStorage.setItem(checkInKey(), '1');
}

/** 签收 an agenda version. */
export async function signAgenda(versionId: string): Promise<AgendaDelivery> {
  if (!socket?.connected) throw new ApiError(0, 'OFFLINE', '网络已断开，恢复连接后再签收');
  const { delivery } = await request(socket, 'agenda:sign', { versionId });
  live.deliveries = live.deliveries.map((d) => (d.versionId === versionId ? delivery : d));
  return delivery;
}

export function onNotification(handler: (n: NotificationPayload) => void): () => void {
  notificationHandlers.add(handler);
  return () => notificationHandlers.delete(handler);
}

/** Calls `handler` on each teller event this tablet's socket receives; returns the unsubscribe. */
export function onTellerEvent<E extends TellerEvent>(
  event: E,
  handler: (e: ServerEvents[E]) => void,
): () => void {
  const set = tellerHandlers[event] as Set<(e: ServerEvents[E]) => void>;
  set.add(handler);
  return () => set.delete(handler);
}

/** Calls `handler` on each `incident` this tablet receives (presidium members, tellers). */
export function onIncident(handler: (i: ServerEvents['incident']) => void): () => void {
  incidentHandlers.add(handler);
  return () => incidentHandlers.delete(handler);
}

/** Calls `handler` after every (re)connection: events sent while the socket was down are lost. */
export function onReconnect(handler: () => void): () => void {
  connectHandlers.add(handler);
  return () => connectHandlers.delete(handler);
}

const titleOf = (pollId: string) =>
  [...live.polls.open, ...live.polls.decided].find((p: PollView) => p.id === pollId)?.title;
const withTitle = (r: Receipt): KeptReceipt => ({ ...r, title: titleOf(r.pollId) });

/**
 * Casts an encrypted ballot (or an open poll's choice) and resolves with its receipt. Offline, it
 * waits in memory and is sent when the socket is back; sending it again is safe (the server
 * answers a second cast of the same ballot with the first receipt).
 */
export function castBallot(cast: CastRequest): Promise<Receipt> {
  live.pending = cast;
  live.castProblem = null;
  const answer = new Promise<Receipt>((resolve, reject) =>
    castWaiters.push((r) => (r instanceof ApiError ? reject(r) : resolve(r))),
  );
  void sendPending();
  return answer;
}

async function sendPending(): Promise<void> {
  const p = live.pending;
  if (!p) return;
  if (!socket?.connected) {
    live.castProblem = '网络已断开：您的选择已保留，恢复连接后将自动投出';
    return;
  }
  try {
    const { receipt } = await request(socket, 'poll:cast', p);
    settle(receipt);
  } catch (e) {
    const err = e instanceof ApiError ? e : new ApiError(0, 'INTERNAL_ERROR', String(e));
    if (err.code === 'TIMEOUT' || err.code === 'SERVICE_UNAVAILABLE' || !socket.connected) {
      // Not answered, or the server's database is restarting: the ballot may or may not be
      // stored. Send it again (the same ballot gets the same receipt).
      live.castProblem =
        err.code === 'SERVICE_UNAVAILABLE'
          ? '服务器暂时无法保存选票：您的选择已保留，将自动重新投出'
          : '服务器未及时响应：您的选择已保留，将自动重新投出';
      if (socket.connected) setTimeout(() => void sendPending(), 3_000);
      return;
    }
    if (err.code === 'POLL_ALREADY_VOTED') {
      await refreshPolls();
      const kept = live.receipts[p.pollId];
      if (kept) return settle(kept);
    }
    live.pending = null;
    live.castProblem = null;
    castWaiters.splice(0).forEach((w) => w(err));
  }
}

function settle(receipt: Receipt): void {
  live.receipts = keepReceipt(userId(), withTitle(receipt));
  live.pending = null;
  live.castProblem = null;
  castWaiters.splice(0).forEach((w) => w(receipt));
}

/** Logs the tablet out (also when the server says the token is no longer valid). */
export function signOutTablet(): void {
  socket?.disconnect();
  socket = null;
  // The ballot slips' secrets leave the tablet with the log-in (the delegate keeps the paper).
  dropSlips(userId());
  tablet.signOut();
  Object.assign(live, {
    started: false,
    connected: false,
    problem: null,
    seats: [],
    session: null,
    attendance: null,
    checkedIn: false,
    polls: { open: [], decided: [], receipts: [] },
    receipts: {},
    deliveries: [],
    unread: 0,
    unreadProblem: null,
    pending: null,
    castProblem: null,
  });
}
