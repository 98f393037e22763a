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
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../openapi/api-responses.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { Role } from '../users/role.enum.js';
import type { CongressSession } from './congress-session.entity.js';
import { SessionResponse, SessionStatusChangeResponse } from './dto/congress.responses.js';
import { ChangeSessionStatusDto, CreateSessionDto, UpdateSessionDto } from './dto/session.dto.js';
import { SessionsService } from './sessions.service.js';
import { TermsService } from './terms.service.js';

@ApiTags('congress')
@Controller()
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly terms: TermsService,
  ) {}

  @Get('terms/:termId/sessions')
  @ApiOperation({ summary: '届内会议列表 · List sessions' })
  @ApiOkResponse({ type: [SessionResponse] })
  async list(@Param('termId', ParseUUIDPipe) termId: string): Promise<SessionResponse[]> {
    const term = await this.terms.get(termId);
    return (await this.sessions.listForTerm(termId)).map((s) =>
      SessionResponse.of(s, term, this.sessions.dateWarnings(s, term)),
    );
  }

  @Post('terms/:termId/sessions')
  @Roles(Role.Staff)
  @ApiOperation({ summary: '新建会议 · Create session' })
  @ApiCreatedResponse({ type: SessionResponse })
  async create(
    @Param('termId', ParseUUIDPipe) termId: string,
    @Body() dto: CreateSessionDto,
    @CurrentUser() actor: AuthContext,
  ): Promise<SessionResponse> {
    return this.respond(await this.sessions.create(termId, dto, actor.userId));
  }

  @Get('sessions/:id')
  @ApiOperation({ summary: '会议详情 · Get session' })
  @ApiOkResponse({ type: SessionResponse })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<SessionResponse> {
    return this.respond(await this.sessions.get(id));
  }

  @Patch('sessions/:id')
  @Roles(Role.Staff)
  @ApiOperation({ summary: '修改会议 · Update session' })
  @ApiOkResponse({ type: SessionResponse })
  @ApiErrors(HttpStatus.CONFLICT)
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateSessionDto,
  ): Promise<SessionResponse> {
    return this.respond(await this.sessions.update(id, dto));
  }

  @Post('sessions/:id/status')
  @HttpCode(200)
  @Roles(Role.Staff)
  @ApiOperation({ summary: '变更会议状态（筹备→分发→在会→闭会→归档） · Change session status' })
  @ApiOkResponse({ type: SessionResponse })
  @ApiErrors(HttpStatus.CONFLICT)
  async changeStatus(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ChangeSessionStatusDto,
    @CurrentUser() actor: AuthContext,
  ): Promise<SessionResponse> {
    return this.respond(await this.sessions.changeStatus(id, dto.to, dto.reason, actor.userId));
  }

  /** Every status move of the session, with who made it and the reasons given. */
  @Get('sessions/:id/status-history')
  @Roles(Role.Staff, Role.Secretary)
  @ApiOperation({ summary: '会议状态变更记录 · Session status history' })
  @ApiOkResponse({ type: [SessionStatusChangeResponse] })
  async history(@Param('id', ParseUUIDPipe) id: string): Promise<SessionStatusChangeResponse[]> {
    return (await this.sessions.history(id)).map(SessionStatusChangeResponse.of);
  }

  private async respond(session: CongressSession): Promise<SessionResponse> {
    const term = await this.terms.get(session.termId);
    return SessionResponse.of(session, term, this.sessions.dateWarnings(session, term));
  }
}
