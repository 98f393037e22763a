import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Res,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Audited } from '../audit/index.js';
import { type AuthContext, CurrentUser, Roles } from '../auth/index.js';
import { Clock } from '../common/clock.js';
import { TermsService } from '../congress/index.js';
import { ApiErrors, ApiFileResponse, DOCX } from '../openapi/api-responses.js';
import { Role } from '../users/role.enum.js';
import { assessmentTitle, renderAssessmentDocx } from './assessment-docx.js';
import { AssessmentErrorCode, AssessmentException } from './assessment.exception.js';
import { AssessmentsService } from './assessments.service.js';
import { CreateAssessmentDto, JudgeCriterionDto } from './dto/assessment.dto.js';
import { AssessmentResponse } from './dto/assessment.responses.js';
import { AssessmentStatus } from './verdict.js';

/** 职代会质量评估: staff write; the supervision group and the administrator read. */
@ApiTags('assessment')
@ApiErrors(HttpStatus.CONFLICT)
@Roles(Role.Staff)
@Controller()
export class AssessmentsController {
  constructor(
    private readonly assessments: AssessmentsService,
    private readonly terms: TermsService,
    private readonly clock: Clock,
  ) {}

  @Get('terms/:termId/assessments')
  @Roles(Role.Staff, Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: '本届各年度质量评估（新版本在前） · List assessments' })
  @ApiOkResponse({ type: [AssessmentResponse] })
  list(@Param('termId', ParseUUIDPipe) termId: string): Promise<AssessmentResponse[]> {
    return this.assessments.list(termId);
  }

  @Post('terms/:termId/assessments')
  @Audited('assessment.create')
  @ApiOperation({ summary: '建立年度质量评估（自动评估可判定的项目） · Create an assessment' })
  @ApiCreatedResponse({ type: AssessmentResponse })
  create(
    @Param('termId', ParseUUIDPipe) termId: string,
    @Body() dto: CreateAssessmentDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<AssessmentResponse> {
    return this.assessments.create(termId, dto.year, auth.userId);
  }

  @Get('assessments/:id')
  @Roles(Role.Staff, Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: '质量评估详情（各项结论、依据、说明） · Assessment' })
  @ApiOkResponse({ type: AssessmentResponse })
  detail(@Param('id', ParseUUIDPipe) id: string): Promise<AssessmentResponse> {
    return this.assessments.detail(id);
  }

  @Post('assessments/:id/refresh')
  @HttpCode(HttpStatus.OK)
  @Audited('assessment.refresh')
  @ApiOperation({ summary: '按当前记录重新自动评估 · Refresh the automatic verdicts' })
  @ApiOkResponse({ type: AssessmentResponse })
  refresh(@Param('id', ParseUUIDPipe) id: string): Promise<AssessmentResponse> {
    return this.assessments.refresh(id);
  }

  @Put('assessments/:id/criteria/:code')
  @Audited('assessment.judge')
  @ApiOperation({ summary: '评定一项（改变自动结论须说明理由） · Judge a criterion' })
  @ApiOkResponse({ type: AssessmentResponse })
  judge(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('code') code: string,
    @Body() dto: JudgeCriterionDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<AssessmentResponse> {
    return this.assessments.judge(id, code, dto, auth.userId);
  }

  @Post('assessments/:id/complete')
  @HttpCode(HttpStatus.OK)
  @Audited('assessment.complete')
  @ApiOperation({ summary: '完成评估（此后不能修改） · Complete' })
  @ApiOkResponse({ type: AssessmentResponse })
  complete(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<AssessmentResponse> {
    return this.assessments.complete(id, auth.userId);
  }

  @Post('assessments/:id/revise')
  @Audited('assessment.revise')
  @ApiOperation({ summary: '更正已完成的评估（建立新版本） · Correct as a new version' })
  @ApiCreatedResponse({ type: AssessmentResponse })
  revise(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<AssessmentResponse> {
    return this.assessments.revise(id, auth.userId);
  }

  @Get('assessments/:id/export.docx')
  @Roles(Role.Staff, Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: '导出已完成的质量评估（DOCX） · Export' })
  @ApiFileResponse(DOCX)
  async export(@Param('id', ParseUUIDPipe) id: string, @Res() res: Response): Promise<void> {
    const assessment = await this.assessments.detail(id);
    if (assessment.status !== AssessmentStatus.Completed)
      throw new AssessmentException(AssessmentErrorCode.NotCompleted);
    const term = await this.terms.get(assessment.termId);
    const body = await renderAssessmentDocx({
      assessment,
      termName: term.name,
      generatedAt: this.clock.now(),
    });
    res.setHeader('Cache-Control', 'no-store');
    res.type(DOCX);
    res.attachment(`${assessmentTitle(assessment)}-第${assessment.version}版.docx`);
    res.send(body);
  }
}
