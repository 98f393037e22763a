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
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../openapi/api-responses.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { Role } from '../users/role.enum.js';
import { IntakeWindowResponse, ProposalResponse } from './dto/proposals.responses.js';
import { CreateProposalDto, UpdateProposalDto, WithdrawProposalDto } from './dto/tabling.dto.js';
import { IntakeService } from './intake.service.js';
import { ProposalReadsService } from './proposal-reads.service.js';
import { TablingService } from './tabling.service.js';

/** The delegate's tablet: draft, table, co-sign, withdraw. */
@ApiTags('proposals')
@ApiErrors(HttpStatus.CONFLICT)
@Controller()
export class TablingController {
  constructor(
    private readonly tabling: TablingService,
    private readonly intake: IntakeService,
    private readonly reads: ProposalReadsService,
  ) {}

  @Get('terms/:termId/proposal-window')
  @Roles(Role.Delegate, Role.Staff, Role.Secretary)
  @ApiOperation({ summary: '提案征集期 · Proposal window' })
  @ApiOkResponse({ type: IntakeWindowResponse })
  async window(@Param('termId', ParseUUIDPipe) termId: string): Promise<IntakeWindowResponse> {
    const s = await this.intake.state(termId);
    return {
      open: s.open,
      sessionId: s.session?.id ?? null,
      sessionName: s.session?.name ?? null,
      opensOn: s.window?.opensOn ?? null,
      closesOn: s.window?.closesOn ?? null,
      cosignersRequired: s.cosignersRequired,
    };
  }

  @Post('proposals')
  @Roles(Role.Delegate)
  @ApiOperation({ summary: '提出提案（或存为草稿） · Create proposal' })
  @ApiCreatedResponse({ type: ProposalResponse })
  async create(
    @Body() dto: CreateProposalDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<ProposalResponse> {
    return this.reads.present(auth, await this.tabling.create(auth, dto));
  }

  @Patch('proposals/:id')
  @Roles(Role.Delegate)
  @ApiOperation({ summary: '修改草稿 · Update draft' })
  @ApiOkResponse({ type: ProposalResponse })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateProposalDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<ProposalResponse> {
    return this.reads.present(auth, await this.tabling.update(auth, id, dto));
  }

  @Post('proposals/:id/table')
  @HttpCode(200)
  @Roles(Role.Delegate)
  @ApiOperation({ summary: '正式提出草稿 · Table draft' })
  @ApiOkResponse({ type: ProposalResponse })
  async table(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<ProposalResponse> {
    return this.reads.present(auth, await this.tabling.table(auth, id));
  }

  @Post('proposals/:id/withdraw')
  @HttpCode(200)
  @Roles(Role.Delegate)
  @ApiOperation({ summary: '撤回提案 · Withdraw' })
  @ApiOkResponse({ type: ProposalResponse })
  async withdraw(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: WithdrawProposalDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<ProposalResponse> {
    return this.reads.present(auth, await this.tabling.withdraw(auth, id, dto.reason));
  }

  @Post('proposals/:id/cosignature')
  @HttpCode(200)
  @Roles(Role.Delegate)
  @ApiOperation({ summary: '附议 · Co-sign' })
  @ApiOkResponse({ type: ProposalResponse })
  async cosign(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<ProposalResponse> {
    return this.reads.present(auth, await this.tabling.cosign(auth, id));
  }

  /** The caller takes back their own co-signature. */
  @Delete('proposals/:id/cosignature')
  @Roles(Role.Delegate)
  @ApiOperation({ summary: '撤回本人附议 · Withdraw co-signature' })
  @ApiOkResponse({ type: ProposalResponse })
  async uncosign(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<ProposalResponse> {
    return this.reads.present(auth, await this.tabling.uncosign(auth, id));
  }
}
