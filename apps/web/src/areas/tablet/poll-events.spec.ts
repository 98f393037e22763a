import { describe, expect, it } from '@jest/globals';
import type { OpenPollView, PollState, PollView } from '@libs/contracts/src/index.js';
import { seatVoter } from '@libs/ballot/src/seat-voter.js';
import { votingSeat, withClosed, withOpened, withResult } from './poll-events.js';

const view = (id: string, openedAt: string, result: PollView['result'] = null) =>
  ({ id, openedAt, status: result ? 'closed' : 'open', result }) as PollView;
const open = (id: string, openedAt: string) =>
  ({ ...view(id, openedAt), voter: `voter-${id}` }) as OpenPollView;
const decidedResult = { decision: 'passed' } as unknown as PollView['result'];
const receipt = { pollId: 'a' } as PollState['receipts'][number];

const state: PollState = {
  open: [open('a', '2026-12-03T01:00:00.000Z'), open('c', '2026-12-03T03:00:00.000Z')],
  decided: [view('b', '2026-12-03T02:00:00.000Z', decidedResult)],
  receipts: [receipt],
};

describe("a tablet's polls after a close or a result, without asking the server", () => {
  it('a closed poll leaves the open ones; the rest stays as it was', () => {
    const next = withClosed(state, 'a');
    expect(next.open.map((p) => p.id)).toEqual(['c']);
    expect(next.decided).toEqual(state.decided);
    expect(next.receipts).toEqual([receipt]);
  });

  it('a result moves the poll to the decided ones, in the order the polls opened', () => {
    const next = withResult(state, view('a', '2026-12-03T01:00:00.000Z', decidedResult));
    expect(next.open.map((p) => p.id)).toEqual(['c']);
    expect(next.decided.map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('a released result replaces the held one (no poll twice)', () => {
    const held = withResult(state, view('c', '2026-12-03T03:00:00.000Z'));
    const released = withResult(held, view('c', '2026-12-03T03:00:00.000Z', decidedResult));
    expect(released.decided.map((p) => p.id)).toEqual(['b', 'c']);
    expect(released.decided[1]!.result).toBe(decidedResult);
  });

  it('an event for a poll this tablet does not know changes nothing it showed', () => {
    expect(withClosed(state, 'zzz')).toEqual(state);
  });
});

describe('a poll opened, applied from the event with the credential the tablet derives', () => {
  const seat = { id: 'seat-1', termId: 'term-1', status: 'serving', kind: 'delegate' };

  it("carries this seat's credential, the one the server issued (libs/ballot seatVoter)", () => {
    const next = withOpened(state, view('d', '2026-12-03T04:00:00.000Z'), seat.id);
    expect(next.open.map((p) => p.id)).toEqual(['a', 'c', 'd']);
    expect(next.open[2]!.voter).toBe(seatVoter('d', 'seat-1'));
  });

  it('carries none in a slips poll or without a voting seat, and is listed once', () => {
    const slipsPoll = { ...view('d', '2026-12-03T04:00:00.000Z'), slips: true };
    expect(withOpened(state, slipsPoll, seat.id).open[2]!.voter).toBeNull();
    expect(
      withOpened(state, view('d', '2026-12-03T04:00:00.000Z'), null).open[2]!.voter,
    ).toBeNull();
    const again = withOpened(state, view('a', '2026-12-03T01:00:00.000Z'), seat.id);
    expect(again.open.map((p) => p.id)).toEqual(['a', 'c']);
  });

  it("the voting seat is the term's serving delegate seat, never a 列席 or a lost one", () => {
    const seats = [
      { ...seat, id: 'attendee', kind: 'attendee' },
      { ...seat, id: 'recalled', status: 'recalled' },
      { ...seat, id: 'other-term', termId: 'term-2' },
      seat,
    ];
    expect(votingSeat(seats, 'term-1')?.id).toBe('seat-1');
    expect(votingSeat(seats.slice(0, 3), 'term-1')).toBeNull();
    expect(votingSeat(seats, undefined)).toBeNull();
  });
});
