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
import { singleFileUpload, type UploadedFileData } from '../common/upload.js';
import { Role } from '../users/role.enum.js';
import { AgendaErrorCode, AgendaException } from './agenda.exception.js';
import { AgendaDocumentsService, MAX_DOCUMENT_BYTES } from './agenda-documents.service.js';
import { AgendaItemsService } from './agenda-items.service.js';
import {
  CreateAgendaItemDto,
  LateApprovalDto,
  UpdateAgendaItemDto,
} from './dto/agenda-item.dto.js';
import {
  AgendaItemResponse,
  DocumentResponse,
  VotabilityResponse,
} from './dto/agenda.responses.js';
import { LateItemsService } from './late-items.service.js';
import { ApiErrors, ApiFileResponse, XLSX } from '../openapi/api-responses.js';

@ApiTags('agenda')
@ApiErrors(HttpStatus.CONFLICT)
@Controller()
export class AgendaItemsController {
  constructor(
    private readonly items: AgendaItemsService,
    private readonly documents: AgendaDocumentsService,
    private readonly lateItems: LateItemsService,
  ) {}

  /** The working agenda (what the next circulation would send). */
  @Get('sessions/:sessionId/agenda/items')
  @Roles(Role.Staff, Role.Secretary)
  @ApiOperation({ summary: '工作议程（下次分发的内容） · Working agenda' })
  @ApiOkResponse({ type: [AgendaItemResponse] })
  async list(@Param('sessionId', ParseUUIDPipe) sessionId: string): Promise<AgendaItemResponse[]> {
    return (await this.items.list(sessionId)).map(({ item, documents }) =>
      AgendaItemResponse.of(item, documents),
    );
  }

  @Post('sessions/:sessionId/agenda/items')
  @Roles(Role.Staff)
  @ApiOperation({ summary: '新增议程项 · Add agenda item' })
  @ApiCreatedResponse({ type: AgendaItemResponse })
  async create(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() dto: CreateAgendaItemDto,
  ): Promise<AgendaItemResponse> {
    return AgendaItemResponse.of(await this.items.create(sessionId, dto), []);
  }

  @Patch('agenda-items/:id')
  @Roles(Role.Staff)
  @ApiOperation({ summary: '修改议程项 · Update agenda item' })
  @ApiOkResponse({ type: AgendaItemResponse })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateAgendaItemDto,
  ): Promise<AgendaItemResponse> {
    const item = await this.items.update(id, dto);
    const docs =
      (await this.items.list(item.sessionId)).find((x) => x.item.id === id)?.documents ?? [];
    return AgendaItemResponse.of(item, docs);
  }

  @Delete('agenda-items/:id')
  @HttpCode(204)
  @Roles(Role.Staff)
  @ApiOperation({ summary: '撤下议程项 · Withdraw agenda item' })
  @ApiNoContentResponse({ description: '已撤下' })
  async withdraw(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.items.withdraw(id);
  }

  /** Whether the item may be put to a vote now (the N-day rule, or the presidium's approval). */
  @Get('agenda-items/:id/votability')
  @Roles(Role.Staff, Role.Secretary)
  @ApiOperation({ summary: '能否付诸表决（提前分发规则或主席团批准） · Votability' })
  @ApiOkResponse({ type: VotabilityResponse })
  async votability(@Param('id', ParseUUIDPipe) id: string): Promise<VotabilityResponse> {
    return VotabilityResponse.of(await this.lateItems.votability(await this.items.get(id)));
  }

  @Post('agenda-items/:id/late-approval')
  @Roles(Role.Staff, Role.Delegate)
  @ApiOperation({ summary: '主席团批准迟分发的议程项付诸表决 · Approve late item' })
  @ApiCreatedResponse({ type: VotabilityResponse })
  async approveLate(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: LateApprovalDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<VotabilityResponse> {
    await this.lateItems.approve(id, dto.reason, dto.presidiumDelegateId, auth);
    return VotabilityResponse.of(await this.lateItems.votability(await this.items.get(id)));
  }

  /** PDF, DOCX, XLSX, PNG or JPEG up to 20 MB; the type is read from the content. */
  @Post('agenda-items/:id/documents')
  @Roles(Role.Staff)
  @ApiOperation({ summary: '上传议程文件（≤ 20 MB） · Upload document' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiCreatedResponse({ type: DocumentResponse })
  @ApiErrors(HttpStatus.PAYLOAD_TOO_LARGE, HttpStatus.UNSUPPORTED_MEDIA_TYPE)
  @UseInterceptors(FileInterceptor('file', singleFileUpload(MAX_DOCUMENT_BYTES)))
  async upload(
    @Param('id', ParseUUIDPipe) id: string,
    @UploadedFile() file: UploadedFileData | undefined,
    @CurrentUser() auth: AuthContext,
  ): Promise<DocumentResponse> {
    if (!file) throw new AgendaException(AgendaErrorCode.FileMissing);
    return DocumentResponse.of(await this.documents.upload(id, file, auth));
  }

  @Delete('agenda-documents/:id')
  @HttpCode(204)
  @Roles(Role.Staff)
  @ApiOperation({ summary: '移除议程文件 · Detach document' })
  @ApiNoContentResponse({ description: '已移除' })
  async detach(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.documents.detach(id);
  }

  @Get('agenda-documents/:id')
  @Roles(Role.Staff, Role.Secretary, Role.Delegate, Role.Attendee)
  @ApiOperation({ summary: '下载议程文件 · Download document' })
  @ApiFileResponse(
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    XLSX,
    'image/png',
    'image/jpeg',
  )
  async download(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() auth: AuthContext,
    @Res() res: Response,
  ) {
    const doc = await this.documents.download(id, auth);
    res.setHeader('X-Content-SHA256', doc.sha256);
    res.setHeader('ETag', `"${doc.sha256}"`);
    res.type(doc.contentType).attachment(doc.filename).send(doc.data);
  }
}
