import { Injectable } from '@nestjs/common';
import { AttendanceErrorCode, AttendanceException } from '../attendance/attendance.exception.js';
import { mayFollow } from '../attendance/attendance.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import type { PollState } from '../common/contracts.js';
import { SessionsService } from '../congress/sessions.service.js';
import { isServingVoter } from '../roster/seat-rules.js';
import { SeatsService } from '../roster/seats.service.js';
import { BoardService } from './board.service.js';
import { GroupBatcher, type Outcome } from './group-batcher.js';
import { PollViews } from './poll-views.js';
import { voterCredential } from './voter-credential.js';

// One batch's seats and receipts are read with one array parameter each.
const BATCH_MAX = 500;

/**
 * `poll:state` for many tablets at once. When the hall's Wi-Fi comes back 2,000 tablets ask
 * within a second or two; each request read the session, its seat, the polls and its receipts
 * (8,000 queries, whose waiting requests V8 moved to the old generation: bench/README.md, "ninth
 * round"). Requests for a session that arrive while one batch is being read wait and are read
 * together in the next: the session and the polls once, the seats and the receipts with one query
 * each. A lone request is read at once, as before.
 */
@Injectable()
export class PollStates {
  private readonly batcher = new GroupBatcher<AuthContext, PollState>({
    commit: (sessionId, accounts) => this.read(sessionId, accounts),
    // Two sockets of one account ask for the same thing; the second simply goes next.
    conflictKey: (auth) => auth.userId,
    max: BATCH_MAX,
  });

  constructor(
    private readonly sessions: SessionsService,
    private readonly seats: SeatsService,
    private readonly views: PollViews,
    private readonly board: BoardService,
  ) {}

  /** The account's state of the session's polls; NO_SEAT when it may not follow the session. */
  of(sessionId: string, auth: AuthContext): Promise<PollState> {
    return this.batcher.submit(sessionId, auth);
  }

  private async read(sessionId: string, accounts: AuthContext[]): Promise<Outcome<PollState>[]> {
    const session = await this.sessions.get(sessionId);
    const seats = await this.seats.seatsOfUsers(
      session.termId,
      accounts.map((a) => a.userId),
    );
    const polls = await this.views.ofSession(session.id);
    const receipts = await this.board.receiptsOfSeats(
      session.id,
      [...seats.values()].map((s) => s.id),
    );
    const open = polls.filter((p) => p.open);
    const decided = polls.filter((p) => p.decided).map((p) => p.view);
    return accounts.map((auth): Outcome<PollState> => {
      const mine = seats.get(auth.userId) ?? null;
      if (!mayFollow(auth, mine))
        return { ok: false, error: new AttendanceException(AttendanceErrorCode.NoSeat) };
      const seat = mine && isServingVoter(mine) ? mine : null;
      return {
        ok: true,
        value: {
          // In a slips poll the tablet derives its credential from the slips drawn (slipVoter).
          open: open.map((p) => ({
            ...p.view,
            voter: seat && !p.withSlips ? voterCredential(p.view.id, seat.id) : null,
          })),
          decided,
          receipts: mine ? (receipts.get(mine.id) ?? []) : [],
        },
      };
    });
  }
}
