import type {
  AgendaDelivery,
  AttendanceSummary,
  CastRequest,
  PollState,
} from '@libs/contracts/src/index.js';
import { reactive } from 'vue';
import type { components } from '../../api/schema.js';
import type { SessionInfo } from './current-session.js';
import type { KeptReceipt } from './receipts.js';

type Seat = components['schemas']['DelegateResponse'];

/**
 * The tablet's live state: who is logged in, the session on the home page, its attendance, the
 * polls and this tablet's receipts, filled over one socket that re-joins by itself after Wi-Fi drops (live.ts). One instance for the
 * tablet area (the delegate's device). Kept apart from live.ts so that the log-in screen, which
 * shows none of it, does not load the socket client (socket.io-client) on a fresh device.
 */
export const live = reactive({
  started: false,
  connected: false,
  /** Why the tablet could not load (Chinese), or null. */
  problem: null as string | null,
  seats: [] as Seat[],
  session: null as SessionInfo | null,
  attendance: null as AttendanceSummary | null,
  /** Kept on the device once the delegate checked in here (check-in itself is on the server). */
  checkedIn: false,
  polls: { open: [], decided: [], receipts: [] } as PollState,
  receipts: {} as Record<string, KeptReceipt>,
  deliveries: [] as AgendaDelivery[],
  unread: 0,
  /** Why the unread count could not be read (Chinese), or null: the badge then shows "!". */
  unreadProblem: null as string | null,
  /** A cast handed to the server and not yet acknowledged (in memory only, never stored). */
  pending: null as CastRequest | null,
  /** What happened to the pending cast (Chinese), for the vote screen. */
  castProblem: null as string | null,
});
