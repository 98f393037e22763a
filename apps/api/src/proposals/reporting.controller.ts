import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { Clock } from '../common/clock.js';
import { shanghaiDay } from '../common/time.js';
import { Role } from '../users/role.enum.js';
import { SessionFilterQuery, StatisticsQuery } from './dto/query.dto.js';
import type { ProposalStatistics } from './proposal-stats.js';
import { type ProposalReport, ReportingService } from './reporting.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Figures of 提案办理情况 for staff and the secretary (minutes). */
@ApiTags('proposals')
@ApiBearerAuth()
@Roles(Role.Staff, Role.Secretary)
@Controller()
export class ReportingController {
  constructor(
    private readonly reporting: ReportingService,
    private readonly clock: Clock,
  ) {}

  /** By category and department; on-time and satisfaction rates as exact counts and %. */
  @Get('terms/:termId/proposals/statistics')
  statistics(
    @Param('termId', ParseUUIDPipe) termId: string,
    @Query() q: StatisticsQuery,
  ): Promise<ProposalStatistics> {
    return this.reporting.statistics(termId, q.sessionId, q.kind);
  }

  /** The proposal list as a spreadsheet. */
  @Get('terms/:termId/proposals/export')
  @ApiProduces(XLSX)
  async export(
    @Param('termId', ParseUUIDPipe) termId: string,
    @Query() q: SessionFilterQuery,
    @Res() res: Response,
  ): Promise<void> {
    const body = await this.reporting.exportXlsx(termId, q.sessionId);
    res.setHeader('Cache-Control', 'no-store');
    res.type(XLSX);
    res.attachment(`提案办理情况-${shanghaiDay(this.clock.now())}.xlsx`);
    res.send(body);
  }

  /** 提案办理情况报告 as data the minutes include. */
  @Get('sessions/:id/proposals/report')
  report(@Param('id', ParseUUIDPipe) id: string): Promise<ProposalReport> {
    return this.reporting.report(id);
  }
}
