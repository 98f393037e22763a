import {
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
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
import type { Response } from 'express';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { singleFileUpload } from '../common/upload.js';
import { ApiErrors, ApiFileResponse } from '../openapi/api-responses.js';
import { Role } from '../users/role.enum.js';
import { AttachmentTooLargeFilter } from './attachment-too-large.filter.js';
import { MAX_ATTACHMENT_BYTES } from './attachment-types.js';
import { sendAttachment, type UploadedFileData } from './attachments.service.js';
import { AttachmentResponse, ProposalResponse } from './dto/proposals.responses.js';
import { FollowsService } from './follows.service.js';
import { ProposalFilesService } from './proposal-files.service.js';
import { ProposalReadsService } from './proposal-reads.service.js';

/** The delegate's tablet: the proposer's own files (材料) and following a proposal (关注). */
@ApiTags('proposals')
@ApiErrors(HttpStatus.CONFLICT)
@Controller()
export class FilesController {
  constructor(
    private readonly files: ProposalFilesService,
    private readonly follows: FollowsService,
    private readonly reads: ProposalReadsService,
  ) {}

  /** One file (PDF, DOCX, XLSX, PNG or JPEG, ≤ 10 MB) for the proposer's own draft. */
  @Post('proposals/:id/files')
  @Roles(Role.Delegate)
  @ApiOperation({ summary: '为草稿上传附件（≤ 10 MB） · Attach file to draft' })
  @ApiErrors(HttpStatus.PAYLOAD_TOO_LARGE, HttpStatus.UNSUPPORTED_MEDIA_TYPE)
  @UseFilters(AttachmentTooLargeFilter)
  @UseInterceptors(FileInterceptor('file', singleFileUpload(MAX_ATTACHMENT_BYTES)))
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
    return AttachmentResponse.of(await this.files.upload(auth, id, file));
  }

  @Delete('proposals/:id/files/:fileId')
  @HttpCode(204)
  @Roles(Role.Delegate)
  @ApiOperation({ summary: '删除草稿的附件 · Remove file from draft' })
  @ApiNoContentResponse({ description: '已删除' })
  async remove(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<void> {
    await this.files.remove(auth, id, fileId);
  }

  @Get('proposals/:id/files/:fileId')
  @Roles(Role.Staff, Role.Secretary, Role.Delegate, Role.Department)
  @ApiOperation({ summary: '下载提案附件 · Download proposal file' })
  @ApiFileResponse('application/octet-stream')
  async download(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @CurrentUser() auth: AuthContext,
    @Res() res: Response,
  ): Promise<void> {
    sendAttachment(res, await this.files.download(auth, id, fileId), 'private, no-store');
  }

  /** Told (inbox and socket) when its status changes or a department answers. */
  @Put('proposals/:id/follow')
  @Roles(Role.Delegate)
  @ApiOperation({ summary: '关注提案 · Follow proposal' })
  @ApiOkResponse({ type: ProposalResponse })
  async follow(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<ProposalResponse> {
    await this.follows.follow(auth, id);
    return this.present(auth, id);
  }

  @Delete('proposals/:id/follow')
  @Roles(Role.Delegate)
  @ApiOperation({ summary: '取消关注 · Unfollow proposal' })
  @ApiOkResponse({ type: ProposalResponse })
  async unfollow(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<ProposalResponse> {
    await this.follows.unfollow(auth, id);
    return this.present(auth, id);
  }

  private async present(auth: AuthContext, id: string): Promise<ProposalResponse> {
    const { bundle, viewer } = await this.reads.detail(auth, id);
    return ProposalResponse.of(bundle, viewer);
  }
}
