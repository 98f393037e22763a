import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  UploadedFile,
  UseFilters,
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
import { ApiErrors, ApiFileResponse } from '../openapi/api-responses.js';
import type { Response } from 'express';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { Clock } from '../common/clock.js';
import { shanghaiDay } from '../common/time.js';
import { Role } from '../users/role.enum.js';
import { AttachmentTooLargeFilter } from './attachment-too-large.filter.js';
import { MAX_ATTACHMENT_BYTES } from './attachment-types.js';
import {
  AttachmentsService,
  sendAttachment,
  type UploadedFileData,
} from './attachments.service.js';
import { AnswerDto, RateDto, SendBackDto } from './dto/handling.dto.js';
import {
  AssignmentWithProposalResponse,
  AttachmentResponse,
  ProposalResponse,
} from './dto/proposals.responses.js';
import { DepartmentAssignmentsQuery } from './dto/query.dto.js';
import { HandlingService } from './handling.service.js';
import { ProposalReadsService } from './proposal-reads.service.js';

/** Handling: departments answer, the proposer rates or sends back, staff chase the overdue. */
@ApiTags('proposals')
@ApiErrors(HttpStatus.CONFLICT)
@Controller()
export class HandlingController {
  constructor(
    private readonly handling: HandlingService,
    private readonly attachments: AttachmentsService,
    private readonly reads: ProposalReadsService,
    private readonly clock: Clock,
  ) {}

  /** The department's own assignments, soonest deadline first. */
  @Get('proposal-assignments/mine')
  @Roles(Role.Department)
  @ApiOperation({ summary: '本部门承办的提案（期限近者在前） · My assignments' })
  @ApiOkResponse({ type: [AssignmentWithProposalResponse] })
  async mine(
    @Query() q: DepartmentAssignmentsQuery,
    @CurrentUser() auth: AuthContext,
  ): Promise<AssignmentWithProposalResponse[]> {
    const viewer = await this.reads.viewer(auth);
    return (await this.reads.forDepartment(viewer, q.status)).map((l) =>
      AssignmentWithProposalResponse.ofBundle(l.bundle, l.assignmentId, viewer),
    );
  }

  @Get('terms/:termId/proposals/overdue')
  @Roles(Role.Staff, Role.Secretary)
  @ApiOperation({ summary: '逾期未答复的承办 · Overdue assignments' })
  @ApiOkResponse({ type: [AssignmentWithProposalResponse] })
  async overdue(
    @Param('termId', ParseUUIDPipe) termId: string,
  ): Promise<AssignmentWithProposalResponse[]> {
    const ctx = { today: shanghaiDay(this.clock.now()) };
    return (await this.reads.overdue(termId)).map((l) =>
      AssignmentWithProposalResponse.ofBundle(l.bundle, l.assignmentId, ctx),
    );
  }

  /** Uploads one attachment (PDF, DOCX, XLSX, PNG or JPEG, ≤ 10 MB) for the coming answer. */
  @Post('proposal-assignments/:id/attachments')
  @Roles(Role.Department)
  @ApiOperation({ summary: '上传答复附件（≤ 10 MB） · Upload attachment' })
  @ApiErrors(HttpStatus.PAYLOAD_TOO_LARGE, HttpStatus.UNSUPPORTED_MEDIA_TYPE)
  @UseFilters(AttachmentTooLargeFilter)
  @UseInterceptors(
    FileInterceptor('file', {
      limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 },
      defParamCharset: 'utf8',
    }),
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary' } },
      required: ['file'],
    },
  })
  @ApiCreatedResponse({ type: AttachmentResponse })
  async upload(
    @Param('id', ParseUUIDPipe) id: string,
    @UploadedFile() file: UploadedFileData | undefined,
    @CurrentUser() auth: AuthContext,
  ): Promise<AttachmentResponse> {
    return AttachmentResponse.of(await this.attachments.upload(auth, id, file));
  }

  @Delete('proposal-attachments/:id')
  @HttpCode(204)
  @Roles(Role.Department)
  @ApiOperation({ summary: '删除未发出的附件 · Remove attachment' })
  @ApiNoContentResponse({ description: '已删除' })
  async removeAttachment(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<void> {
    await this.attachments.remove(auth, id);
  }

  @Get('proposal-attachments/:id')
  @Roles(Role.Staff, Role.Secretary, Role.Delegate, Role.Department)
  @ApiOperation({ summary: '下载附件 · Download attachment' })
  @ApiFileResponse('application/octet-stream')
  async download(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() auth: AuthContext,
    @Res() res: Response,
  ): Promise<void> {
    sendAttachment(res, await this.attachments.download(auth, id), 'private, no-store');
  }

  /** 书面答复, with the attachments uploaded for it. */
  @Post('proposal-assignments/:id/answer')
  @HttpCode(200)
  @Roles(Role.Department)
  @ApiOperation({ summary: '书面答复 · Answer' })
  @ApiOkResponse({ type: ProposalResponse })
  async answer(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AnswerDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<ProposalResponse> {
    return this.reads.present(
      auth,
      await this.handling.answer(auth, id, dto.body, dto.attachmentIds ?? []),
    );
  }

  /** The proposer rates a department's answer: 满意 / 基本满意 / 不满意 (final). */
  @Post('proposal-assignments/:id/rating')
  @HttpCode(200)
  @Roles(Role.Delegate)
  @ApiOperation({ summary: '评价答复（满意/基本满意/不满意） · Rate answer' })
  @ApiOkResponse({ type: ProposalResponse })
  async rate(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RateDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<ProposalResponse> {
    return this.reads.present(auth, await this.handling.rate(auth, id, dto.rating, dto.comment));
  }

  /** 不满意: sends the answer back for re-handling, once, with a reason. */
  @Post('proposal-assignments/:id/send-back')
  @HttpCode(200)
  @Roles(Role.Delegate)
  @ApiOperation({ summary: '不满意，退回重办 · Send back' })
  @ApiOkResponse({ type: ProposalResponse })
  async sendBack(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SendBackDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<ProposalResponse> {
    return this.reads.present(auth, await this.handling.sendBack(auth, id, dto.reason));
  }
}
