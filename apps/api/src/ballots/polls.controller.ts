import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { AttendanceService } from '../attendance/attendance.service.js';
import { AttendanceErrorCode, AttendanceException } from '../attendance/attendance.exception.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Public } from '../auth/decorators/public.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { Role } from '../users/role.enum.js';
import { BallotsErrorCode, BallotsException } from './ballots.exception.js';
import { BoardService } from './board.service.js';
import {
  ElectionRecordV2Response,
  PollRecordResponse,
  PollResponse,
} from './dto/ballots.responses.js';
import { ApiErrors } from '../openapi/api-responses.js';
import { OpenPollDto } from './dto/poll.dto.js';
import { isHeld, pollView } from './poll-view.js';
import { PollsService } from './polls.service.js';
import { BallotsClose } from './close.service.js';

@ApiTags('ballots')
@ApiErrors(HttpStatus.CONFLICT)
@Controller()
export class PollsController {
  constructor(
    private readonly polls: PollsService,
    private readonly closing: BallotsClose,
    private readonly board: BoardService,
    private readonly attendance: AttendanceService,
  ) {}

  /** Opens a poll on a circulated agenda item (secret unless `secret: false`). */
  @Post('polls')
  @Roles(Role.Staff)
  @ApiOperation({ summary: '对已分发的议程项发起表决 · Open poll' })
  @ApiCreatedResponse({ type: PollResponse })
  async open(@Body() dto: OpenPollDto, @CurrentUser() auth: AuthContext): Promise<PollResponse> {
    return PollResponse.of(
      pollView(
        await this.polls.open(dto.itemId, dto.secret, auth, {
          keyMode: dto.keyMode,
          slips: dto.slips ?? false,
          durationSeconds: dto.durationSeconds ?? null,
          pressRule: dto.pressRule,
          resultRelease: dto.resultRelease,
        }),
        true,
      ),
    );
  }

  @Post('polls/:id/close')
  @HttpCode(200)
  @Roles(Role.Staff)
  @ApiOperation({ summary: '结束表决并计票 · Close and tally' })
  @ApiOkResponse({ type: PollResponse })
  async close(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<PollResponse> {
    return PollResponse.of(pollView(await this.closing.close(id, auth), true));
  }

  /** Decides a closed poll again if the result is missing (after a crash during the close). */
  @Post('polls/:id/tally')
  @HttpCode(200)
  @Roles(Role.Staff)
  @ApiOperation({ summary: '补做计票（结束时中断后） · Re-run tally' })
  @ApiOkResponse({ type: PollResponse })
  async retally(@Param('id', ParseUUIDPipe) id: string): Promise<PollResponse> {
    return PollResponse.of(pollView(await this.closing.tally(id), true));
  }

  /** A held result (GB 50799 §6.2) is in it for staff only until the chair releases it. */
  @Get('sessions/:sessionId/polls')
  @ApiOperation({ summary: '会议的表决列表 · List polls' })
  @ApiOkResponse({ type: [PollResponse] })
  async list(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<PollResponse[]> {
    if (!(await this.attendance.mayJoin(sessionId, auth)))
      throw new AttendanceException(AttendanceErrorCode.NoSeat);
    const staff = auth.role === Role.Staff;
    return (await this.polls.list(sessionId)).map((p) => PollResponse.of(pollView(p, staff)));
  }

  /**
   * What anyone needs to check an audited ballot (Benaloh) on the public board: the poll's
   * labels, its ballot shape and its election public key, from the server rather than from the
   * tablet that made the ballot. Never a running count: `result` stays null until decided.
   */
  @Public()
  @Get('public/polls/:id')
  @ApiOperation({ summary: '表决的公开信息：选项、选票格式与选举公钥（无需登录） · Public poll' })
  @ApiOkResponse({ type: PollResponse })
  async publicPoll(@Param('id', ParseUUIDPipe) id: string): Promise<PollResponse> {
    return PollResponse.of(pollView(await this.polls.get(id)));
  }

  /**
   * The published election record of a decided poll. A secret poll's is the version 2 record
   * (libs/ballot/RECORD.md): the poll with its labels and rule, the key, the ballots issued, the
   * board as a hash chain, the exclusions with their reasons, the encrypted tally, the decryption
   * with its proof and the result; `npm run verify-poll -- <this URL>` recomputes it. Open polls
   * and polls decided before the board existed keep their version 1 form.
   */
  @Public()
  @Get('public/polls/:id/record')
  @ApiOperation({ summary: '公开的选举记录（可离线验证，无需登录） · Election record' })
  @ApiExtraModels(ElectionRecordV2Response, PollRecordResponse)
  @ApiOkResponse({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(ElectionRecordV2Response) },
        { $ref: getSchemaPath(PollRecordResponse) },
      ],
    },
  })
  async record(
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ElectionRecordV2Response | PollRecordResponse> {
    const poll = await this.polls.get(id);
    if (!poll.result) throw new BallotsException(BallotsErrorCode.NotOpen, { reason: '尚未计票' });
    // The record holds the decrypted sum: nothing of it before the chair releases a held result.
    if (isHeld(poll))
      throw new BallotsException(BallotsErrorCode.NotOpen, { reason: '结果待主持人宣布' });
    const record = await this.board.record(poll);
    return 'version' in record
      ? ElectionRecordV2Response.of(record)
      : PollRecordResponse.of(record);
  }
}
