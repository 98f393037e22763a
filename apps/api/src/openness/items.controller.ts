import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { Clock } from '../common/clock.js';
import { MAX_DOCUMENT_BYTES } from '../common/document-type.js';
import { singleFileUpload, type UploadedFileData } from '../common/upload.js';
import { ApiErrors, ApiFileResponse } from '../openapi/api-responses.js';
import { Role } from '../users/role.enum.js';
import { BoardService } from './board.service.js';
import { DraftingService } from './drafting.service.js';
import {
  AnswerOpinionDto,
  CreateItemDto,
  CreateMeasureDto,
  MeasureDoneDto,
  UpdateItemDto,
} from './dto/openness.dto.js';
import {
  ItemResponse,
  MeasureResponse,
  OpennessAttachmentResponse,
  OpinionResponse,
  RecordResponse,
} from './dto/openness.responses.js';
import { ItemStore } from './item-store.js';
import type { OpennessMeasure } from './measure.entity.js';
import { OpennessErrorCode, OpennessException } from './openness.exception.js';
import { PUBLISHED } from './openness-status.js';
import { OpennessViews } from './openness-views.js';
import { OpinionsService } from './opinions.service.js';

/** A file download, never rendered inline. */
export function sendFile(
  res: Response,
  file: { contentType: string; filename: string; sha256: string; data: Buffer },
) {
  res.setHeader('X-Content-SHA256', file.sha256);
  res.setHeader('Cache-Control', 'no-cache');
  res.type(file.contentType).attachment(file.filename).send(file.data);
}

/**
 * 提出 and 整改, by the item's department (staff may do the same on any item): drafts, files,
 * answers to questions, rectification measures, the item's record.
 */
@ApiTags('openness')
@ApiErrors(HttpStatus.CONFLICT)
@Roles(Role.Staff, Role.Department)
@Controller('openness')
export class OpennessItemsController {
  constructor(
    private readonly store: ItemStore,
    private readonly drafting: DraftingService,
    private readonly opinions: OpinionsService,
    private readonly views: OpennessViews,
    private readonly board: BoardService,
    private readonly clock: Clock,
  ) {}

  @Get('items')
  @Roles(Role.Staff, Role.Department, Role.Supervisor)
  @ApiOperation({ summary: '公开事项（员工部门：本部门的） · Items' })
  @ApiOkResponse({ type: [ItemResponse] })
  async list(@CurrentUser() auth: AuthContext): Promise<ItemResponse[]> {
    return (await this.views.list(await this.store.list(auth))).map(ItemResponse.of);
  }

  @Post('items')
  @Roles(Role.Department)
  @ApiOperation({ summary: '提出公开事项（草稿） · Draft item' })
  @ApiCreatedResponse({ type: ItemResponse })
  async create(
    @Body() dto: CreateItemDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<ItemResponse> {
    return this.present(await this.drafting.create(auth, dto));
  }

  @Get('items/:id')
  @Roles(Role.Staff, Role.Department, Role.Supervisor)
  @ApiOperation({ summary: '公开事项详情 · Item' })
  @ApiOkResponse({ type: ItemResponse })
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<ItemResponse> {
    return this.present(await this.store.readable(auth, id));
  }

  @Patch('items/:id')
  @Roles(Role.Department)
  @ApiOperation({ summary: '修改草稿或退回的事项 · Edit item' })
  @ApiOkResponse({ type: ItemResponse })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateItemDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<ItemResponse> {
    return this.present(await this.drafting.update(auth, id, dto));
  }

  @Post('items/:id/submit')
  @HttpCode(200)
  @Roles(Role.Department)
  @ApiOperation({ summary: '提交领导小组审查 · Submit for review' })
  @ApiOkResponse({ type: ItemResponse })
  async submit(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<ItemResponse> {
    return this.present(await this.drafting.submit(auth, id));
  }

  /** PDF, DOCX, XLSX, PNG or JPEG up to 20 MB; the type is read from the content. */
  @Post('items/:id/attachments')
  @Roles(Role.Department)
  @ApiOperation({ summary: '上传附件（≤ 20 MB） · Upload attachment' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiCreatedResponse({ type: OpennessAttachmentResponse })
  @ApiErrors(HttpStatus.PAYLOAD_TOO_LARGE, HttpStatus.UNSUPPORTED_MEDIA_TYPE)
  @UseInterceptors(FileInterceptor('file', singleFileUpload(MAX_DOCUMENT_BYTES)))
  async attach(
    @Param('id', ParseUUIDPipe) id: string,
    @UploadedFile() file: UploadedFileData | undefined,
    @CurrentUser() auth: AuthContext,
  ): Promise<OpennessAttachmentResponse> {
    return OpennessAttachmentResponse.of(await this.drafting.attach(auth, id, file));
  }

  @Delete('attachments/:id')
  @HttpCode(204)
  @Roles(Role.Department)
  @ApiOperation({ summary: '删除未公开事项的附件 · Remove attachment' })
  @ApiNoContentResponse({ description: '已删除' })
  async detach(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<void> {
    await this.drafting.detach(auth, id);
  }

  @Get('attachments/:id')
  @Roles(Role.Staff, Role.Department, Role.Supervisor)
  @ApiOperation({ summary: '下载附件 · Download attachment' })
  @ApiFileResponse('application/octet-stream')
  async download(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() auth: AuthContext,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.drafting.readableFile(auth, id);
    sendFile(res, await this.board.withData(file.id));
  }

  @Get('items/:id/opinions')
  @Roles(Role.Staff, Role.Department, Role.Supervisor)
  @ApiOperation({ summary: '意见箱：该事项的全部意见（匿名意见不含姓名） · Opinions' })
  @ApiOkResponse({ type: [OpinionResponse] })
  async opinionsOf(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<OpinionResponse[]> {
    return (await this.opinions.ofItem(auth, id)).map(OpinionResponse.of);
  }

  @Post('opinions/:id/answer')
  @HttpCode(200)
  @ApiOperation({ summary: '答复职工提问（答复随事项公开） · Answer a question' })
  @ApiOkResponse({ type: OpinionResponse })
  async answer(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AnswerOpinionDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<OpinionResponse> {
    return OpinionResponse.of(await this.opinions.answer(auth, id, dto));
  }

  @Post('items/:id/measures')
  @ApiOperation({ summary: '整改措施（责任人、期限） · Add measure' })
  @ApiCreatedResponse({ type: MeasureResponse })
  async addMeasure(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateMeasureDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<MeasureResponse> {
    return this.presentMeasure(await this.opinions.addMeasure(auth, id, dto));
  }

  @Post('measures/:id/done')
  @HttpCode(200)
  @ApiOperation({ summary: '整改完成（写明结果） · Measure done' })
  @ApiOkResponse({ type: MeasureResponse })
  async measureDone(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: MeasureDoneDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<MeasureResponse> {
    return this.presentMeasure(await this.opinions.measureDone(auth, id, dto));
  }

  @Get('items/:id/record')
  @Roles(Role.Staff, Role.Department, Role.Supervisor)
  @ApiOperation({ summary: '厂务公开记录表 · Record form' })
  @ApiOkResponse({ type: RecordResponse })
  async record(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<RecordResponse> {
    const item = await this.store.readable(auth, id);
    if (!PUBLISHED.includes(item.status))
      throw new OpennessException(OpennessErrorCode.InvalidTransition, {
        status: item.status,
        action: 'record',
      });
    return RecordResponse.of(await this.views.one(item), this.clock.now());
  }

  private async presentMeasure(m: OpennessMeasure): Promise<MeasureResponse> {
    const names = await this.views.departmentNames([m.departmentId]);
    return MeasureResponse.of(
      { ...m, departmentName: names.get(m.departmentId) ?? '' },
      this.clock.now(),
    );
  }

  private async present(item: Parameters<OpennessViews['one']>[0]): Promise<ItemResponse> {
    return ItemResponse.of(await this.views.one(item));
  }
}
