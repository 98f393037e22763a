import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/decorators/public.decorator.js';
import { formatShanghai } from '../common/time.js';
import { SESSION_STATUS_LABELS } from '../congress/session-status.js';
import { SessionsService } from '../congress/sessions.service.js';
import { CirculationService } from './circulation.service.js';
import { PublicSessionResponse } from './dto/public-sessions.responses.js';

/**
 * 厂务公开: the sessions whose agenda has been circulated, newest first, for the public board.
 * A session appears once its agenda is published (the same moment its agenda page answers), so
 * nothing in preparation is shown.
 */
@ApiTags('public')
@Public()
@Controller('public/sessions')
export class PublicSessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly circulation: CirculationService,
  ) {}

  @Get()
  @ApiOperation({ summary: '已公开议程的会议列表（无需登录） · Public sessions' })
  @ApiOkResponse({ type: [PublicSessionResponse] })
  async list(): Promise<PublicSessionResponse[]> {
    const sessions = await this.sessions.byIds(await this.circulation.circulatedSessionIds());
    return sessions
      .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime())
      .map((s) => ({
        id: s.id,
        name: s.name,
        startsAt: s.startsAt.toISOString(),
        startsAtLocal: formatShanghai(s.startsAt),
        place: s.place,
        status: s.status,
        statusLabel: SESSION_STATUS_LABELS[s.status],
      }));
  }
}
