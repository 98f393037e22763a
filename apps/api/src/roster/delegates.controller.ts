import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
import { DelegateResponse, StatusChangeResponse } from './dto/delegate.response.js';

@ApiTags('roster')
@ApiBearerAuth()
@Controller()
export class DelegatesController {
  constructor(private readonly delegates: DelegatesService) {}

  @Get('terms/:termId/delegates')
  @Roles(Role.Staff, Role.Secretary)
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
  @ApiOkResponse({ type: DelegateResponse })
  async create(
    @Param('termId', ParseUUIDPipe) termId: string,
    @Body() dto: CreateDelegateDto,
    @CurrentUser() actor: AuthContext,
  ): Promise<DelegateResponse> {
    return DelegateResponse.of(await this.delegates.create(termId, dto, actor));
  }

  @Post('terms/:termId/by-elections')
  @Roles(Role.Staff)
  @ApiOkResponse({ type: DelegateResponse })
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
  @ApiOkResponse({ type: [DelegateResponse] })
  async mine(@CurrentUser() auth: AuthContext): Promise<DelegateResponse[]> {
    return (await this.delegates.mine(auth)).map((d) => DelegateResponse.of(d, auth.username));
  }

  @Get('delegates/:id')
  @Roles(Role.Staff, Role.Secretary)
  @ApiOkResponse({ type: DelegateResponse })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<DelegateResponse> {
    return DelegateResponse.of(await this.delegates.get(id));
  }

  @Patch('delegates/:id')
  @Roles(Role.Staff)
  @ApiOkResponse({ type: DelegateResponse })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateDelegateDto,
  ): Promise<DelegateResponse> {
    return DelegateResponse.of(await this.delegates.update(id, dto));
  }

  @Post('delegates/:id/status')
  @HttpCode(200)
  @Roles(Role.Staff)
  @ApiOkResponse({ type: DelegateResponse })
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
  @ApiOkResponse({ type: [StatusChangeResponse] })
  async history(@Param('id', ParseUUIDPipe) id: string): Promise<StatusChangeResponse[]> {
    await this.delegates.get(id);
    return (await this.delegates.history(id)).map(StatusChangeResponse.of);
  }
}
