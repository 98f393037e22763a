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
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/index.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { ApiErrors } from '../openapi/api-responses.js';
import { Role } from '../users/role.enum.js';
import { PollResponse, PresidiumViewResponse } from './dto/ballots.responses.js';
import { ChairPolls } from './chair.service.js';
import { StartChairPollDto } from './dto/poll.dto.js';
import { pollView } from './poll-view.js';
import { ResultRelease } from './release.service.js';

/**
 * The chair's side (GB 50799 §6.2): the chair starts a poll on the next item and closes it, a
 * held result is released here, and the presidium's screen reads what the hall display does not
 * show. Staff, or a delegate who is a presidium member of the session's term (POLL_NOT_PRESIDIUM
 * otherwise); what a delegate does here is audit-logged like staff actions.
 */
@ApiTags('ballots')
@ApiErrors(HttpStatus.CONFLICT, HttpStatus.FORBIDDEN)
@Controller()
export class PresidiumController {
  constructor(
    private readonly release: ResultRelease,
    private readonly chair: ChairPolls,
  ) {}

  @Post('sessions/:sessionId/presidium/polls')
  @Roles(Role.Staff, Role.Delegate)
  @Audited('poll.start.presidium', { everyRole: true })
  @ApiOperation({
    summary: '主持人对下一项议程开始表决（无记名、监票人密钥、默认规则） · Chair starts poll',
  })
  @ApiCreatedResponse({ type: PollResponse })
  async start(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() dto: StartChairPollDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<PollResponse> {
    return PollResponse.of(pollView(await this.chair.start(sessionId, dto.itemId, auth), true));
  }

  @Post('polls/:id/presidium-close')
  @HttpCode(200)
  @Roles(Role.Staff, Role.Delegate)
  @Audited('poll.close.presidium', { everyRole: true })
  @ApiOperation({ summary: '主持人结束表决并计票 · Chair closes poll' })
  @ApiOkResponse({ type: PollResponse })
  async close(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<PollResponse> {
    return PollResponse.of(pollView(await this.chair.close(id, auth), true));
  }

  @Post('polls/:id/release')
  @HttpCode(200)
  @Roles(Role.Staff, Role.Delegate)
  @Audited('poll.release', { everyRole: true })
  @ApiOperation({ summary: '主持人宣布表决结果（公布暂缓公布的结果） · Release held result' })
  @ApiOkResponse({ type: PollResponse })
  async releaseResult(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<PollResponse> {
    return PollResponse.of(pollView(await this.release.release(id, auth), true));
  }

  @Get('sessions/:sessionId/presidium-view')
  @Roles(Role.Staff, Role.Delegate)
  @ApiOperation({ summary: '主席团屏幕：出席、表决（含待宣布结果）与议程 · Presidium view' })
  @ApiOkResponse({ type: PresidiumViewResponse })
  async view(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<PresidiumViewResponse> {
    return (await this.release.presidiumView(sessionId, auth)) as unknown as PresidiumViewResponse;
  }
}
