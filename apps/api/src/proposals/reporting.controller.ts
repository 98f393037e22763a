import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiFileResponse, CSV, XLSX } from '../openapi/api-responses.js';
import type { Response } from 'express';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { Clock } from '../common/clock.js';
import { shanghaiDay } from '../common/time.js';
import { Role } from '../users/role.enum.js';
import { ProposalExportQuery, StatisticsQuery } from './dto/query.dto.js';
import { ProposalReportResponse, ProposalStatisticsResponse } from './dto/proposals.responses.js';
import { ReportingService } from './reporting.service.js';

/** Figures of 提案办理情况 for staff and the secretary (minutes). */
@ApiTags('proposals')
@Roles(Role.Staff, Role.Secretary)
@Controller()
export class ReportingController {
  constructor(
    private readonly reporting: ReportingService,
    private readonly clock: Clock,
  ) {}

  /** By category and department; on-time and satisfaction rates as exact counts and %. */
  @Get('terms/:termId/proposals/statistics')
  @ApiOperation({ summary: '提案办理统计（按类别、部门；按时率、满意率） · Statistics' })
  @ApiOkResponse({ type: ProposalStatisticsResponse })
  statistics(
    @Param('termId', ParseUUIDPipe) termId: string,
    @Query() q: StatisticsQuery,
  ): Promise<ProposalStatisticsResponse> {
    return this.reporting.statistics(termId, q.sessionId, q.kind);
  }

  /** The proposal list as a spreadsheet. */
  @Get('terms/:termId/proposals/export')
  @ApiOperation({ summary: '导出提案办理情况（XLSX 或 CSV） · Export proposals' })
  @ApiFileResponse(XLSX, CSV)
  async export(
    @Param('termId', ParseUUIDPipe) termId: string,
    @Query() q: ProposalExportQuery,
    @Res() res: Response,
  ): Promise<void> {
    const format = q.format ?? 'xlsx';
    const body =
      format === 'csv'
        ? await this.reporting.exportCsv(termId, q.sessionId)
        : await this.reporting.exportXlsx(termId, q.sessionId);
    res.setHeader('Cache-Control', 'no-store');
    res.type(format === 'csv' ? CSV : XLSX);
    res.attachment(`提案办理情况-${shanghaiDay(this.clock.now())}.${format}`);
    res.send(body);
  }

  /** 提案办理情况报告 as data the minutes include. */
  @Get('sessions/:id/proposals/report')
  @ApiOperation({ summary: '提案办理情况报告（供会议记录） · Proposal report' })
  @ApiOkResponse({ type: ProposalReportResponse })
  report(@Param('id', ParseUUIDPipe) id: string): Promise<ProposalReportResponse> {
    return this.reporting.report(id);
  }
}
