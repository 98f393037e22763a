import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { shanghaiDay } from '../common/time.js';
import { Clock } from '../common/clock.js';
import { Role } from '../users/role.enum.js';
import {
  ProposalEventResponse,
  ProposalResponse,
  ProposalSummaryResponse,
} from './dto/proposals.responses.js';
import { ListProposalsQuery } from './dto/query.dto.js';
import { ProposalReadsService } from './proposal-reads.service.js';

/** Reading proposals; what each role sees is decided in ProposalReadsService. */
@ApiTags('proposals')
@Controller()
export class ProposalsController {
  constructor(
    private readonly reads: ProposalReadsService,
    private readonly clock: Clock,
  ) {}

  /** The committee's list of a term (drafts never appear). */
  @Get('terms/:termId/proposals')
  @Roles(Role.Staff, Role.Secretary)
  @ApiOperation({ summary: '届内提案列表（提案委员会） · List proposals' })
  @ApiOkResponse({ type: [ProposalSummaryResponse] })
  async list(
    @Param('termId', ParseUUIDPipe) termId: string,
    @Query() q: ListProposalsQuery,
  ): Promise<ProposalSummaryResponse[]> {
    const ctx = { today: shanghaiDay(this.clock.now()) };
    return (await this.reads.forTerm(termId, q)).map((b) => ProposalSummaryResponse.of(b, ctx));
  }

  /** The delegate's own proposals (drafts included) and the ones they co-sign. */
  @Get('proposals/mine')
  @Roles(Role.Delegate)
  @ApiOperation({ summary: '我的提案（含草稿与附议） · My proposals' })
  @ApiOkResponse({ type: [ProposalSummaryResponse] })
  async mine(@CurrentUser() auth: AuthContext): Promise<ProposalSummaryResponse[]> {
    const viewer = await this.reads.viewer(auth);
    return (await this.reads.mine(viewer)).map((b) => ProposalSummaryResponse.of(b, viewer));
  }

  /** Proposals of the delegate's terms that still take co-signatures. */
  @Get('proposals/cosignable')
  @Roles(Role.Delegate)
  @ApiOperation({ summary: '可附议的提案 · Open for co-signing' })
  @ApiOkResponse({ type: [ProposalSummaryResponse] })
  async cosignable(@CurrentUser() auth: AuthContext): Promise<ProposalSummaryResponse[]> {
    const viewer = await this.reads.viewer(auth);
    return (await this.reads.cosignable(viewer)).map((b) => ProposalSummaryResponse.of(b, viewer));
  }

  /** The proposals the delegate follows (关注) and may still read. */
  @Get('proposals/following')
  @Roles(Role.Delegate)
  @ApiOperation({ summary: '我关注的提案 · Followed proposals' })
  @ApiOkResponse({ type: [ProposalSummaryResponse] })
  async following(@CurrentUser() auth: AuthContext): Promise<ProposalSummaryResponse[]> {
    const viewer = await this.reads.viewer(auth);
    return (await this.reads.following(viewer)).map((b) => ProposalSummaryResponse.of(b, viewer));
  }

  @Get('proposals/:id')
  @Roles(Role.Staff, Role.Secretary, Role.Delegate, Role.Department)
  @ApiOperation({ summary: '提案详情 · Get proposal' })
  @ApiOkResponse({ type: ProposalResponse })
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<ProposalResponse> {
    const { bundle, viewer } = await this.reads.detail(auth, id);
    return ProposalResponse.of(bundle, viewer);
  }

  /** Who did what and when (append-only). */
  @Get('proposals/:id/history')
  @Roles(Role.Staff, Role.Secretary)
  @ApiOperation({ summary: '提案处理记录 · Proposal history' })
  @ApiOkResponse({ type: [ProposalEventResponse] })
  async history(@Param('id', ParseUUIDPipe) id: string): Promise<ProposalEventResponse[]> {
    return (await this.reads.history(id)).map((e) => ({
      at: e.at.toISOString(),
      event: e.event,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actor: e.actor,
      note: e.note,
      data: e.data,
    }));
  }
}
