import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Audited } from '../audit/audited.decorator.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Public } from '../auth/decorators/public.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { ApiErrors, ApiFileResponse, DOCX } from '../openapi/api-responses.js';
import { Role } from '../users/role.enum.js';
import { YearQuery } from './dto/openness.dto.js';
import { LinkSatisfactionDto } from './dto/year.dto.js';
import {
  RecordsArchiveResponse,
  SatisfactionPollResponse,
  SatisfactionResponse,
} from './dto/year.responses.js';
import { RecordsService } from './records.service.js';
import { SatisfactionService } from './satisfaction.service.js';
import { SummaryService } from './summary.service.js';

/** 厂务公开's year (staff): the record forms archived, the summary draft, the satisfaction rating. */
@ApiTags('openness')
@Roles(Role.Staff)
@Controller('openness')
export class OpennessYearController {
  constructor(
    private readonly records: RecordsService,
    private readonly summary: SummaryService,
    private readonly satisfaction: SatisfactionService,
  ) {}

  /** Idempotent per year; when the forms changed since, a new entry that corrects the last one. */
  @Post('records/archive')
  @HttpCode(200)
  @Audited('openness.records.archive')
  @ApiOperation({ summary: '厂务公开记录表（PDF）归档 · Archive the year’s records' })
  @ApiOkResponse({ type: RecordsArchiveResponse })
  async archive(@Body() dto: YearQuery): Promise<RecordsArchiveResponse> {
    const { entry, appended } = await this.records.archiveYear(dto.year);
    return RecordsArchiveResponse.of(entry, appended);
  }

  @Get('summary.docx')
  @ApiOperation({ summary: '厂务公开工作总结（草稿，DOCX） · Summary draft' })
  @ApiFileResponse(DOCX)
  async summaryDocx(@Query() q: YearQuery, @Res() res: Response): Promise<void> {
    const body = await this.summary.docx(q.year);
    res.setHeader('Cache-Control', 'no-store');
    res.type(DOCX);
    res.attachment(`厂务公开工作总结-${q.year}（草稿）.docx`);
    res.send(body);
  }

  @Get('satisfaction/polls')
  @ApiOperation({ summary: '可作为满意度测评的表决 · Candidate polls' })
  @ApiOkResponse({ type: [SatisfactionPollResponse] })
  async polls(): Promise<SatisfactionPollResponse[]> {
    return (await this.satisfaction.candidates()).map(SatisfactionPollResponse.of);
  }

  @Get('satisfaction')
  @ApiOperation({ summary: '各年度满意度测评结果 · Satisfaction by year' })
  @ApiOkResponse({ type: [SatisfactionResponse] })
  async all(): Promise<SatisfactionResponse[]> {
    return (await this.satisfaction.all()).map(SatisfactionResponse.of);
  }

  @Post('satisfaction')
  @HttpCode(200)
  @Audited('openness.satisfaction.link')
  @ApiErrors(HttpStatus.NOT_FOUND, HttpStatus.CONFLICT)
  @ApiOperation({ summary: '指定年度满意度测评的表决 · Link the year’s rating poll' })
  @ApiOkResponse({ type: SatisfactionResponse })
  async link(
    @Body() dto: LinkSatisfactionDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<SatisfactionResponse> {
    return SatisfactionResponse.of(await this.satisfaction.link(dto.year, dto.pollId, auth.userId));
  }
}

/** The public board publishes each year's 满意度测评 result. */
@ApiTags('public')
@Public()
@Controller('public/openness')
export class PublicSatisfactionController {
  constructor(private readonly satisfaction: SatisfactionService) {}

  @Get('satisfaction')
  @ApiOperation({ summary: '厂务公开满意度测评结果（无需登录） · Satisfaction results' })
  @ApiOkResponse({ type: [SatisfactionResponse] })
  async all(): Promise<SatisfactionResponse[]> {
    return (await this.satisfaction.all()).map(SatisfactionResponse.of);
  }
}
