import { seatVoter } from '@libs/ballot/src/seat-voter.js';
import type { PollState, PollView } from '@libs/contracts/src/index.js';

/*
 * A poll opened, closed or decided, applied to the tablet's poll state from the event itself.
 * Asking the server again (poll:state) on every such event made 2,000 tablets send 2,000 requests
 * in the second a poll opened and 4,000 more when it closed.
 */

/** The order poll:state lists polls in: as they were opened. */
const byOpening = (a: PollView, b: PollView) => a.openedAt.localeCompare(b.openedAt);

/** `poll:closed`: no longer open (it shows among the decided once its result comes). */
export function withClosed(state: PollState, pollId: string): PollState {
  return { ...state, open: state.open.filter((p) => p.id !== pollId) };
}

/** `poll:result` (also when a held result is released): decided, in the order polls opened. */
export function withResult(state: PollState, poll: PollView): PollState {
  const decided = [...state.decided.filter((p) => p.id !== poll.id), poll].sort(byOpening);
  return { ...state, open: state.open.filter((p) => p.id !== poll.id), decided };
}

/**
 * `poll:opened`: open, with this tablet's voter credential derived from its serving voting seat in
 * the session's term (libs/ballot `seatVoter`), as poll:state would give it; none in a slips poll
 * (the slips make it) or without such a seat. The server still checks every cast against the
 * credentials it issued at opening.
 */
export function withOpened(
  state: PollState,
  poll: PollView,
  votingSeatId: string | null,
): PollState {
  const voter = votingSeatId && !poll.slips ? seatVoter(poll.id, votingSeatId) : null;
  const open = [...state.open.filter((p) => p.id !== poll.id), { ...poll, voter }].sort(byOpening);
  return { ...state, open };
}

/** The seat a tablet votes with in a term: serving, and a voting delegate's (not 列席). */
export const votingSeat = <S extends { termId: string; status: string; kind: string }>(
  seats: readonly S[],
  termId: string | undefined,
): S | null =>
  seats.find((s) => s.termId === termId && s.status === 'serving' && s.kind === 'delegate') ?? null;
