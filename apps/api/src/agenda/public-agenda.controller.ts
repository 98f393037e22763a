import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/decorators/public.decorator.js';
import { formatShanghai } from '../common/time.js';
import { CongressErrorCode, CongressException } from '../congress/congress.exception.js';
import { SessionsService } from '../congress/sessions.service.js';
import { AGENDA_KIND_LABELS } from './agenda.enums.js';
import { AgendaErrorCode, AgendaException } from './agenda.exception.js';
import { CirculationService } from './circulation.service.js';
import { PublicAgendaResponse } from './dto/agenda.responses.js';

/**
 * 厂务公开: the circulated agenda for every employee, without log-in. Only what an employee needs:
 * no candidates, no persons evaluated, no documents, no delegate data; presenters' names only.
 */
@ApiTags('public')
@Public()
@Controller('public/sessions/:sessionId/agenda')
export class PublicAgendaController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly circulation: CirculationService,
  ) {}

  @Get()
  @ApiOperation({ summary: '公开议程（无需登录） · Public agenda' })
  @ApiOkResponse({ type: PublicAgendaResponse })
  async agenda(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
  ): Promise<PublicAgendaResponse> {
    // An unknown session reads as an unpublished agenda; any other failure stays what it is.
    const session = await this.sessions.get(sessionId).catch((e: unknown) => {
      if (e instanceof CongressException && e.code === CongressErrorCode.SessionNotFound)
        throw new AgendaException(AgendaErrorCode.NotPublished);
      throw e;
    });
    const latest = await this.circulation.latest(sessionId);
    if (!latest) throw new AgendaException(AgendaErrorCode.NotPublished);
    return {
      session: {
        name: session.name,
        startsAtLocal: formatShanghai(session.startsAt),
        place: session.place,
      },
      version: latest.number,
      circulatedAtLocal: formatShanghai(latest.circulatedAt),
      items: latest.snapshot.items.map((i) => ({
        position: i.position,
        kind: i.kind,
        kindLabel: AGENDA_KIND_LABELS[i.kind],
        title: i.title,
        description: i.description,
        presenter: i.presenter,
      })),
    };
  }

  /** The same as a page to open on any phone or to put on the notice board. */
  @Get('page')
  @ApiOperation({ summary: '公开议程网页（HTML，无需登录） · Public agenda page' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'HTML 页面', schema: { type: 'string' } })
  async page(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Res() res: Response,
  ): Promise<void> {
    const a = await this.agenda(sessionId);
    const rows = a.items
      .map(
        (i) =>
          `<li><h2>${i.position}. ${esc(i.title)} <small>${esc(i.kindLabel)}</small></h2>` +
          (i.presenter ? `<p class="who">报告人：${esc(i.presenter)}</p>` : '') +
          (i.description ? `<p>${esc(i.description)}</p>` : '') +
          `</li>`,
      )
      .join('');
    res.type('html').send(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(a.session.name)} 议程</title>
<style>body{font-family:system-ui,"Noto Sans SC",sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.5rem}h2{font-size:1.1rem;margin:.2rem 0}small{color:#666;font-weight:normal;margin-left:.5rem}
ol{list-style:none;padding:0}li{border-top:1px solid #ddd;padding:.8rem 0}.who,.meta{color:#555}</style></head>
<body><h1>${esc(a.session.name)} 议程</h1>
<p class="meta">会议时间：${esc(a.session.startsAtLocal)}（北京时间）&#12288;地点：${esc(a.session.place)}<br>
第 ${a.version} 版，${esc(a.circulatedAtLocal)} 分发</p><ol>${rows}</ol></body></html>`);
  }
}

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
