import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/decorators/public.decorator.js';
import { SessionsService } from '../congress/sessions.service.js';
import { PollResponse } from './dto/ballots.responses.js';
import { pollView } from './poll-view.js';
import { PollsService } from './polls.service.js';

/**
 * 厂务公开: a session's decided polls with their results and the rule applied, for the public
 * board. Only decided polls: while a poll is open nobody, here or anywhere, sees a running tally.
 * A held result is listed without its result (`resultHeld`: 结果待主持人宣布) until released.
 */
@ApiTags('public')
@Public()
@Controller('public/sessions/:sessionId/results')
export class PublicResultsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly polls: PollsService,
  ) {}

  @Get()
  @ApiOperation({ summary: '会议的表决结果（无需登录） · Public results' })
  @ApiOkResponse({ type: [PollResponse] })
  async list(@Param('sessionId', ParseUUIDPipe) sessionId: string): Promise<PollResponse[]> {
    await this.sessions.get(sessionId); // an unknown session is a 404, not an empty list
    return (await this.polls.list(sessionId))
      .filter((p) => p.result !== null)
      .map((p) => PollResponse.of(pollView(p)));
  }
}
