import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiFileResponse } from '../openapi/api-responses.js';
import type { Response } from 'express';
import { Public } from '../auth/decorators/public.decorator.js';
import { AttachmentsService, sendAttachment } from './attachments.service.js';
import { PublicProposalResponse } from './dto/public-proposals.responses.js';
import { PublicProposalsQuery } from './dto/query.dto.js';
import { PublicationService } from './publication.service.js';

/** The public board: published proposals, their answers and ratings, for every employee. */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicProposalsController {
  constructor(
    private readonly publication: PublicationService,
    private readonly attachments: AttachmentsService,
  ) {}

  @Get('proposals')
  @ApiOperation({ summary: '公开的提案及办理结果（无需登录） · Public proposals' })
  @ApiOkResponse({ type: [PublicProposalResponse] })
  async list(@Query() q: PublicProposalsQuery): Promise<PublicProposalResponse[]> {
    return (await this.publication.publicList(q)).map(PublicProposalResponse.of);
  }

  @Get('proposals/:id')
  @ApiOperation({ summary: '公开的提案详情（无需登录） · Public proposal' })
  @ApiOkResponse({ type: PublicProposalResponse })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<PublicProposalResponse> {
    return PublicProposalResponse.of(await this.publication.publicOne(id));
  }

  @Get('proposal-attachments/:id')
  @ApiOperation({ summary: '公开答复的附件（无需登录） · Public attachment' })
  @ApiFileResponse('application/octet-stream')
  async attachment(@Param('id', ParseUUIDPipe) id: string, @Res() res: Response): Promise<void> {
    sendAttachment(res, await this.attachments.downloadPublished(id), 'no-cache');
  }
}
