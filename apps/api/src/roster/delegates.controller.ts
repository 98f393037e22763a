import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../openapi/api-responses.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { Role } from '../users/role.enum.js';
import { DelegatesService } from './delegates.service.js';
import {
  ByElectionDto,
  ChangeDelegateStatusDto,
  CreateDelegateDto,
  ListDelegatesQuery,
  UpdateDelegateDto,
} from './dto/delegate.dto.js';
import {
  DelegateChangeResponse,
  DelegateResponse,
  StatusChangeResponse,
} from './dto/roster.responses.js';

@ApiTags('roster')
@Controller()
export class DelegatesController {
  constructor(private readonly delegates: DelegatesService) {}

  @Get('terms/:termId/delegates')
  @Roles(Role.Staff, Role.Secretary)
  @ApiOperation({ summary: '代表名册（可按状态、类别、代表团筛选） · List delegates' })
  @ApiOkResponse({ type: [DelegateResponse] })
  async list(
    @Param('termId', ParseUUIDPipe) termId: string,
    @Query() q: ListDelegatesQuery,
  ): Promise<DelegateResponse[]> {
    return (await this.delegates.list(termId, q)).map(({ delegate, username }) =>
      DelegateResponse.of(delegate, username),
    );
  }

  @Post('terms/:termId/delegates')
  @Roles(Role.Staff)
  @ApiOperation({ summary: '新增代表或列席人员 · Add delegate' })
  @ApiCreatedResponse({ type: DelegateResponse })
  @ApiErrors(HttpStatus.CONFLICT)
  async create(
    @Param('termId', ParseUUIDPipe) termId: string,
    @Body() dto: CreateDelegateDto,
    @CurrentUser() actor: AuthContext,
  ): Promise<DelegateResponse> {
    return DelegateResponse.of(await this.delegates.create(termId, dto, actor));
  }

  @Post('terms/:termId/by-elections')
  @Roles(Role.Staff)
  @ApiOperation({ summary: '补选代表 · By-election' })
  @ApiCreatedResponse({ type: DelegateResponse })
  @ApiErrors(HttpStatus.CONFLICT)
  async byElection(
    @Param('termId', ParseUUIDPipe) termId: string,
    @Body() dto: ByElectionDto,
    @CurrentUser() actor: AuthContext,
  ): Promise<DelegateResponse> {
    return DelegateResponse.of(await this.delegates.byElection(termId, dto, actor));
  }

  /** A delegate's or attendee's own seats (tablet). */
  @Get('delegates/me')
  @Roles(Role.Delegate, Role.Attendee)
  @ApiOperation({ summary: '我的代表席位（平板） · My seats' })
  @ApiOkResponse({ type: [DelegateResponse] })
  async mine(@CurrentUser() auth: AuthContext): Promise<DelegateResponse[]> {
    return (await this.delegates.mine(auth)).map((d) => DelegateResponse.of(d, auth.username));
  }

  @Get('delegates/:id')
  @Roles(Role.Staff, Role.Secretary)
  @ApiOperation({ summary: '代表详情 · Get delegate' })
  @ApiOkResponse({ type: DelegateResponse })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<DelegateResponse> {
    return DelegateResponse.of(await this.delegates.get(id));
  }

  @Patch('delegates/:id')
  @Roles(Role.Staff)
  @ApiOperation({ summary: '更正代表信息 · Update delegate' })
  @ApiOkResponse({ type: DelegateResponse })
  @ApiErrors(HttpStatus.CONFLICT)
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateDelegateDto,
    @CurrentUser() actor: AuthContext,
  ): Promise<DelegateResponse> {
    return DelegateResponse.of(await this.delegates.update(id, dto, actor));
  }

  @Post('delegates/:id/status')
  @HttpCode(200)
  @Roles(Role.Staff)
  @ApiOperation({ summary: '罢免或登记离任（保留历史） · Recall or leaving' })
  @ApiOkResponse({ type: DelegateResponse })
  @ApiErrors(HttpStatus.CONFLICT)
  async changeStatus(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ChangeDelegateStatusDto,
    @CurrentUser() actor: AuthContext,
  ): Promise<DelegateResponse> {
    return DelegateResponse.of(
      await this.delegates.changeStatus(id, dto.status, dto.reason, actor),
    );
  }

  @Get('delegates/:id/history')
  @Roles(Role.Staff, Role.Secretary)
  @ApiOperation({ summary: '代表资格变动历史 · Status history' })
  @ApiOkResponse({ type: [StatusChangeResponse] })
  async history(@Param('id', ParseUUIDPipe) id: string): Promise<StatusChangeResponse[]> {
    await this.delegates.get(id);
    return (await this.delegates.history(id)).map(StatusChangeResponse.of);
  }

  /** Every change of the seat's fields (staff corrections, roster updates), oldest first. */
  @Get('delegates/:id/changes')
  @Roles(Role.Staff, Role.Secretary)
  @ApiOperation({ summary: '代表信息修改记录 · Field change history' })
  @ApiOkResponse({ type: [DelegateChangeResponse] })
  async changes(@Param('id', ParseUUIDPipe) id: string): Promise<DelegateChangeResponse[]> {
    await this.delegates.get(id);
    return (await this.delegates.changes(id)).map(DelegateChangeResponse.of);
  }
}
