import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AttendanceService } from '../attendance/attendance.service.js';
import { AttendanceErrorCode, AttendanceException } from '../attendance/attendance.exception.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Public } from '../auth/decorators/public.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { Role } from '../users/role.enum.js';
import { BallotsErrorCode, BallotsException } from './ballots.exception.js';
import { BoardService } from './board.service.js';
import { OpenPollDto } from './dto/poll.dto.js';
import { pollView } from './poll-view.js';
import { PollsService } from './polls.service.js';
import { TallyService } from './tally.service.js';

@ApiTags('ballots')
@ApiBearerAuth()
@Controller()
export class PollsController {
  constructor(
    private readonly polls: PollsService,
    private readonly tally: TallyService,
    private readonly board: BoardService,
    private readonly attendance: AttendanceService,
  ) {}

  /** Opens a poll on a circulated agenda item (secret unless `secret: false`). */
  @Post('polls')
  @Roles(Role.Staff)
  async open(@Body() dto: OpenPollDto, @CurrentUser() auth: AuthContext) {
    return pollView(await this.polls.open(dto.itemId, dto.secret, auth));
  }

  @Post('polls/:id/close')
  @HttpCode(200)
  @Roles(Role.Staff)
  async close(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() auth: AuthContext) {
    return pollView(await this.tally.close(id, auth));
  }

  /** Decides a closed poll again if the result is missing (after a crash during the close). */
  @Post('polls/:id/tally')
  @HttpCode(200)
  @Roles(Role.Staff)
  async retally(@Param('id', ParseUUIDPipe) id: string) {
    return pollView(await this.tally.tally(id));
  }

  @Get('sessions/:sessionId/polls')
  async list(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @CurrentUser() auth: AuthContext,
  ) {
    if (!(await this.attendance.mayJoin(sessionId, auth)))
      throw new AttendanceException(AttendanceErrorCode.NoSeat);
    return (await this.polls.list(sessionId)).map(pollView);
  }

  /**
   * The published election record of a decided poll: key, every ballot with its proofs under
   * its tracker, the encrypted tally, the decryption with its proof, the result. Anyone can
   * recompute it (libs/ballot `verifyElectionRecord`).
   */
  @Public()
  @Get('public/polls/:id/record')
  async record(@Param('id', ParseUUIDPipe) id: string) {
    const poll = await this.polls.get(id);
    if (!poll.result)
      throw new BallotsException(BallotsErrorCode.NotOpen, { reason: 'not decided yet' });
    return this.board.record(poll);
  }
}
