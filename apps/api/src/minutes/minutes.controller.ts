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
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { ApiErrors, ApiFileResponse } from '../openapi/api-responses.js';
import { Role } from '../users/role.enum.js';
import { ChairsService } from './chairs.service.js';
import { CorrectionDto, SaveDraftDto, SetChairsDto } from './dto/minutes.dto.js';
import { ChairResponse, MinutesResponse, MinutesSummaryResponse } from './dto/minutes.responses.js';
import {
  DOCX,
  ExportsService,
  MINUTES_JSON,
  PDF,
  ZIP,
  type ExportFile,
} from './exports.service.js';
import type { Minutes } from './minutes.entity.js';
import { MinutesErrorCode, MinutesException } from './minutes.exception.js';
import { MinutesService } from './minutes.service.js';
import { SigningService } from './signing.service.js';

/** The secretary's minutes: draft from the record, text, finalise, corrections, exports. */
@ApiTags('minutes')
@ApiErrors(HttpStatus.CONFLICT)
@Controller()
export class MinutesController {
  constructor(
    private readonly minutes: MinutesService,
    private readonly chairs: ChairsService,
    private readonly signing: SigningService,
    private readonly exports: ExportsService,
  ) {}

  @Get('sessions/:sessionId/minutes')
  @Roles(Role.Staff, Role.Secretary)
  @ApiOperation({ summary: '会议的会议记录（含更正） · List minutes' })
  @ApiOkResponse({ type: [MinutesSummaryResponse] })
  async list(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
  ): Promise<MinutesSummaryResponse[]> {
    return (await this.minutes.listForSession(sessionId)).map((m) => MinutesSummaryResponse.of(m));
  }

  /** The secretary starts the minutes of a session and becomes their recorder. */
  @Post('sessions/:sessionId/minutes')
  @Roles(Role.Secretary)
  @ApiOperation({ summary: '建立会议记录（由记录整理草稿） · Start minutes' })
  @ApiCreatedResponse({ type: MinutesResponse })
  async start(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<MinutesResponse> {
    return this.view(await this.minutes.start(sessionId, auth));
  }

  @Get('sessions/:sessionId/chairs')
  @Roles(Role.Staff, Role.Secretary)
  @ApiOperation({ summary: '会议的执行主席 · Chairs' })
  @ApiOkResponse({ type: [ChairResponse] })
  async listChairs(@Param('sessionId', ParseUUIDPipe) sessionId: string): Promise<ChairResponse[]> {
    return chairsOut(await this.chairs.list(sessionId));
  }

  @Put('sessions/:sessionId/chairs')
  @Roles(Role.Staff, Role.Secretary)
  @ApiOperation({ summary: '指定执行主席（主席团成员） · Set chairs' })
  @ApiOkResponse({ type: [ChairResponse] })
  async setChairs(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() dto: SetChairsDto,
  ): Promise<ChairResponse[]> {
    return chairsOut(await this.chairs.set(sessionId, dto.delegateIds, dto.title));
  }

  /** Staff and secretaries; a delegate only as a chair or teller of the session (to sign). */
  @Get('minutes/:id')
  @Roles(Role.Staff, Role.Secretary, Role.Delegate)
  @ApiOperation({ summary: '会议记录（草稿或定稿）与签名状态 · Minutes' })
  @ApiOkResponse({ type: MinutesResponse })
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<MinutesResponse> {
    const m = await this.minutes.get(id);
    if (!(await this.signing.mayRead(m, auth)))
      throw new MinutesException(MinutesErrorCode.NotSigner);
    return this.view(m);
  }

  @Put('minutes/:id/draft')
  @Roles(Role.Secretary)
  @ApiOperation({ summary: '保存记录人撰写的内容（讨论摘要、决议、代表团意见） · Save text' })
  @ApiOkResponse({ type: MinutesResponse })
  async save(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SaveDraftDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<MinutesResponse> {
    return this.view(await this.minutes.save(id, dto, auth));
  }

  @Post('minutes/:id/finalise')
  @HttpCode(200)
  @Roles(Role.Secretary)
  @ApiOperation({ summary: '定稿（冻结内容并计算文档哈希） · Finalise' })
  @ApiOkResponse({ type: MinutesResponse })
  async finalise(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<MinutesResponse> {
    return this.view(await this.minutes.finalise(id, auth));
  }

  /** A correction of archived minutes: a new draft linked to them (the archive is never edited). */
  @Post('minutes/:id/corrections')
  @Roles(Role.Secretary)
  @ApiOperation({ summary: '更正已归档的会议记录（新建关联的更正记录） · Correct' })
  @ApiCreatedResponse({ type: MinutesResponse })
  async correct(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CorrectionDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<MinutesResponse> {
    return this.view(await this.minutes.correct(id, dto.reason, auth));
  }

  @Get('minutes/:id/export/minutes.pdf')
  @Roles(Role.Staff, Role.Secretary)
  @ApiOperation({ summary: '导出 PDF/A（内嵌签名的 JSON） · Export PDF' })
  @ApiFileResponse(PDF)
  async pdf(@Param('id', ParseUUIDPipe) id: string, @Res() res: Response): Promise<void> {
    send(res, await this.exports.pdf(await this.minutes.get(id)));
  }

  @Get('minutes/:id/export/minutes.docx')
  @Roles(Role.Staff, Role.Secretary)
  @ApiOperation({ summary: '导出 DOCX（可编辑副本） · Export DOCX' })
  @ApiFileResponse(DOCX)
  async docx(@Param('id', ParseUUIDPipe) id: string, @Res() res: Response): Promise<void> {
    send(res, await this.exports.docx(await this.minutes.get(id)));
  }

  @Get('minutes/:id/export/minutes.json')
  @Roles(Role.Staff, Role.Secretary)
  @ApiOperation({ summary: '导出规范化 JSON（RFC 8785，即所签内容） · Export JSON' })
  @ApiFileResponse(MINUTES_JSON)
  async json(@Param('id', ParseUUIDPipe) id: string, @Res() res: Response): Promise<void> {
    send(res, this.exports.json(await this.minutes.get(id)));
  }

  /** Once archived: the zip `npm run verify-bundle` verifies offline. */
  @Get('minutes/:id/export/bundle.zip')
  @Roles(Role.Staff, Role.Secretary)
  @ApiOperation({ summary: '导出可离线验证的归档包（zip） · Export bundle' })
  @ApiFileResponse(ZIP)
  async bundle(@Param('id', ParseUUIDPipe) id: string, @Res() res: Response): Promise<void> {
    send(res, await this.exports.bundle(await this.minutes.get(id)));
  }

  private async view(m: Minutes): Promise<MinutesResponse> {
    return MinutesResponse.from(await this.minutes.state(m), await this.signing.status(m));
  }
}

const chairsOut = (rows: { delegateId: string; name: string; title: string }[]): ChairResponse[] =>
  rows.map((c) => ({ delegateId: c.delegateId, name: c.name, title: c.title }));

function send(res: Response, file: ExportFile): void {
  res.setHeader('Cache-Control', 'no-store');
  res.type(file.contentType);
  res.attachment(file.filename);
  res.send(Buffer.from(file.bytes));
}
