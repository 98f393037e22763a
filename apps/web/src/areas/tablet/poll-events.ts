import type { PollState, PollView } from '@libs/contracts/src/index.js';

/*
 * A closed or decided poll, applied to the tablet's poll state from the event itself. Asking the
 * server again (poll:state) on every close and result made 2,000 tablets send 4,000 requests in
 * the second the chair closed a poll; only an opened poll needs a request (its credential for
 * this tablet is not in the broadcast).
 */

/** `poll:closed`: no longer open (it shows among the decided once its result comes). */
export function withClosed(state: PollState, pollId: string): PollState {
  return { ...state, open: state.open.filter((p) => p.id !== pollId) };
}

/** `poll:result` (also when a held result is released): decided, in the order polls opened. */
export function withResult(state: PollState, poll: PollView): PollState {
  const decided = [...state.decided.filter((p) => p.id !== poll.id), poll].sort((a, b) =>
    a.openedAt.localeCompare(b.openedAt),
  );
  return { ...state, open: state.open.filter((p) => p.id !== poll.id), decided };
}
