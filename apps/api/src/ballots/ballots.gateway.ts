import { UseFilters, UsePipes } from '@nestjs/common';
import { MessageBody, WebSocketGateway } from '@nestjs/websockets';
import { AttendanceErrorCode, AttendanceException } from '../attendance/attendance.exception.js';
import { AttendanceService } from '../attendance/attendance.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { createValidationPipe } from '../common/validation.js';
import { ok, SocketRequest } from '../realtime/socket-request.decorator.js';
import { WsExceptionsFilter } from '../realtime/ws-exceptions.filter.js';
import { Role } from '../users/role.enum.js';
import { BoardService } from './board.service.js';
import { CastService } from './cast.service.js';
import { CastDto, PollRefDto } from './dto/poll.dto.js';
import { PollStatus } from './poll.entity.js';
import { pollView } from './poll-view.js';
import { PollsService } from './polls.service.js';
import { voterCredential } from './voter-credential.js';

/** Tablets vote here: `poll:cast` answers with the receipt only once the ballot is stored. */
@WebSocketGateway()
@UseFilters(WsExceptionsFilter)
@UsePipes(createValidationPipe())
export class BallotsGateway {
  constructor(
    private readonly cast: CastService,
    private readonly polls: PollsService,
    private readonly board: BoardService,
    private readonly attendance: AttendanceService,
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

  /** Open polls, decided ones, and this tablet's receipts: everything to resume after a reconnect. */
  @SocketRequest('poll:state')
  @Roles(Role.Staff, Role.Secretary, Role.Delegate, Role.Attendee)
  async onState(@CurrentUser() auth: AuthContext, @MessageBody() dto: PollRefDto) {
    if (!(await this.attendance.mayJoin(dto.sessionId, auth)))
      throw new AttendanceException(AttendanceErrorCode.NoSeat);
    const polls = await this.polls.list(dto.sessionId);
    const seat = await this.polls.seatOf(dto.sessionId, auth.userId);
    return ok({
      // Each open poll with the credential this tablet's ballot must be made for; in a slips
      // poll the tablet derives it from the slips drawn (slipVoter), so none is given.
      open: polls
        .filter((p) => p.status === PollStatus.Open)
        .map((p) => ({
          ...pollView(p),
          voter: seat && !p.withSlips ? voterCredential(p.id, seat.id) : null,
        })),
      decided: polls.filter((p) => p.result).map((p) => pollView(p)),
      receipts: await this.board.receipts(dto.sessionId, auth.userId),
    });
  }
}
