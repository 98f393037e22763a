import { Body, Controller, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../openapi/api-responses.js';
import { Audited } from '../audit/audited.decorator.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { Role } from '../users/role.enum.js';
import { ProposalResponse, PublishedCountResponse } from './dto/proposals.responses.js';
import {
  AcceptProposalDto,
  AssignDto,
  ConvertProposalDto,
  MergeProposalDto,
  RejectProposalDto,
} from './dto/review.dto.js';
import { HandlingService } from './handling.service.js';
import { ProposalReadsService } from './proposal-reads.service.js';
import { PublicationService } from './publication.service.js';
import { ReviewService } from './review.service.js';

/** The proposal committee's work (staff): decide, assign, publish. */
@ApiTags('proposals')
@ApiErrors(HttpStatus.CONFLICT)
@Roles(Role.Staff)
@Controller()
export class ReviewController {
  constructor(
    private readonly review: ReviewService,
    private readonly handling: HandlingService,
    private readonly publication: PublicationService,
    private readonly reads: ProposalReadsService,
  ) {}

  /** 立案: numbered YYYY-NNN, with the committee's category; departments may be named at once. */
  @Post('proposals/:id/accept')
  @HttpCode(200)
  @Audited('proposals.accept')
  @ApiOperation({ summary: '立案（编号、类别，可同时交办） · Accept' })
  @ApiOkResponse({ type: ProposalResponse })
  async accept(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AcceptProposalDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<ProposalResponse> {
    return this.reads.present(auth, await this.review.accept(auth, id, dto));
  }

  @Post('proposals/:id/merge')
  @HttpCode(200)
  @Audited('proposals.merge')
  @ApiOperation({ summary: '并案 · Merge' })
  @ApiOkResponse({ type: ProposalResponse })
  async merge(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: MergeProposalDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<ProposalResponse> {
    return this.reads.present(auth, await this.review.merge(auth, id, dto));
  }

  /** 转为意见建议, forwarded to departments now or later. */
  @Post('proposals/:id/convert')
  @HttpCode(200)
  @Audited('proposals.convert')
  @ApiOperation({ summary: '转为意见建议 · Convert to suggestion' })
  @ApiOkResponse({ type: ProposalResponse })
  async convert(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ConvertProposalDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<ProposalResponse> {
    return this.reads.present(auth, await this.review.convert(auth, id, dto));
  }

  @Post('proposals/:id/reject')
  @HttpCode(200)
  @Audited('proposals.reject')
  @ApiOperation({ summary: '不予立案（须写明理由） · Reject' })
  @ApiOkResponse({ type: ProposalResponse })
  async reject(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RejectProposalDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<ProposalResponse> {
    return this.reads.present(auth, await this.review.reject(auth, id, dto.reason));
  }

  /** 交办: one or more handling departments, with a deadline (default from the settings). */
  @Post('proposals/:id/assignments')
  @HttpCode(200)
  @Audited('proposals.assign')
  @ApiOperation({ summary: '交办承办部门 · Assign departments' })
  @ApiOkResponse({ type: ProposalResponse })
  async assign(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AssignDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<ProposalResponse> {
    return this.reads.present(
      auth,
      await this.handling.assign(auth, id, dto.departmentIds, dto.dueOn),
    );
  }

  @Post('proposals/:id/publish')
  @HttpCode(200)
  @Audited('proposals.publish')
  @ApiOperation({ summary: '公开提案及办理结果 · Publish' })
  @ApiOkResponse({ type: ProposalResponse })
  async publish(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<ProposalResponse> {
    return this.reads.present(auth, await this.publication.publish(auth, id));
  }

  @Post('proposals/:id/unpublish')
  @HttpCode(200)
  @Audited('proposals.unpublish')
  @ApiOperation({ summary: '撤回公开 · Unpublish' })
  @ApiOkResponse({ type: ProposalResponse })
  async unpublish(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<ProposalResponse> {
    return this.reads.present(auth, await this.publication.unpublish(auth, id));
  }

  /** Publishes every decided proposal and suggestion of the session. */
  @Post('sessions/:id/proposals/publish')
  @HttpCode(200)
  @Audited('proposals.publish-session')
  @ApiOperation({ summary: '公开本次会议全部已处理的提案 · Publish session' })
  @ApiOkResponse({ type: PublishedCountResponse })
  publishSession(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<PublishedCountResponse> {
    return this.publication.publishSession(auth, id);
  }
}
