import { UseFilters, UsePipes } from '@nestjs/common';
import { MessageBody, WebSocketGateway } from '@nestjs/websockets';
import { AttendanceErrorCode, AttendanceException } from '../attendance/attendance.exception.js';
import { mayFollow } from '../attendance/attendance.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { createValidationPipe } from '../common/validation.js';
import { SessionsService } from '../congress/sessions.service.js';
import { isServingVoter } from '../roster/seat-rules.js';
import { SeatsService } from '../roster/seats.service.js';
import { ok, SocketRequest } from '../realtime/socket-request.decorator.js';
import { WsExceptionsFilter } from '../realtime/ws-exceptions.filter.js';
import { Role } from '../users/role.enum.js';
import { BoardService } from './board.service.js';
import { CastService } from './cast.service.js';
import { CastDto, PollRefDto } from './dto/poll.dto.js';
import { PollViews } from './poll-views.js';
import { voterCredential } from './voter-credential.js';

/** Tablets vote here: `poll:cast` answers with the receipt only once the ballot is stored. */
@WebSocketGateway()
@UseFilters(WsExceptionsFilter)
@UsePipes(createValidationPipe())
export class BallotsGateway {
  constructor(
    private readonly cast: CastService,
    private readonly views: PollViews,
    private readonly board: BoardService,
    private readonly sessions: SessionsService,
    private readonly seats: SeatsService,
  ) {}

  @SocketRequest('poll:cast')
  @Roles(Role.Delegate)
  async onCast(@CurrentUser() auth: AuthContext, @MessageBody() dto: CastDto) {
    return ok({
      receipt: await this.cast.cast(dto.pollId, auth, {
        ballot: dto.ballot,
        choice: dto.choice,
        slips: dto.slips,
      }),
    });
  }

  /**
   * Open polls, decided ones, and this tablet's receipts: everything to resume after a reconnect.
   * Every tablet in the hall asks this when a poll opens, so the session and the account's seat
   * are read once and the rules (may follow, may vote) are checked on that seat.
   */
  @SocketRequest('poll:state')
  @Roles(Role.Staff, Role.Secretary, Role.Delegate, Role.Attendee)
  async onState(@CurrentUser() auth: AuthContext, @MessageBody() dto: PollRefDto) {
    const session = await this.sessions.get(dto.sessionId);
    const mine = await this.seats.seatOf(session.termId, auth.userId);
    if (!mayFollow(auth, mine)) throw new AttendanceException(AttendanceErrorCode.NoSeat);
    const polls = await this.views.ofSession(session.id);
    const seat = mine && isServingVoter(mine) ? mine : null;
    return ok({
      // Each open poll with the credential this tablet's ballot must be made for; in a slips
      // poll the tablet derives it from the slips drawn (slipVoter), so none is given.
      open: polls
        .filter((p) => p.open)
        .map((p) => ({
          ...p.view,
          voter: seat && !p.withSlips ? voterCredential(p.view.id, seat.id) : null,
        })),
      decided: polls.filter((p) => p.decided).map((p) => p.view),
      receipts: mine ? await this.board.receipts(session.id, mine.id) : [],
    });
  }
}
