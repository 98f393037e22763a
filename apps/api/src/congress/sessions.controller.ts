import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { Role } from '../users/role.enum.js';
import { SessionResponse } from './dto/congress.responses.js';
import { ChangeSessionStatusDto, CreateSessionDto, UpdateSessionDto } from './dto/session.dto.js';
import { SessionsService } from './sessions.service.js';
import { TermsService } from './terms.service.js';

@ApiTags('congress')
@ApiBearerAuth()
@Controller()
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly terms: TermsService,
  ) {}

  @Get('terms/:termId/sessions')
  @ApiOkResponse({ type: [SessionResponse] })
  async list(@Param('termId', ParseUUIDPipe) termId: string): Promise<SessionResponse[]> {
    const term = await this.terms.get(termId);
    return (await this.sessions.listForTerm(termId)).map((s) => SessionResponse.of(s, term));
  }

  @Post('terms/:termId/sessions')
  @Roles(Role.Staff)
  @ApiOkResponse({ type: SessionResponse })
  async create(
    @Param('termId', ParseUUIDPipe) termId: string,
    @Body() dto: CreateSessionDto,
  ): Promise<SessionResponse> {
    return this.respond(await this.sessions.create(termId, dto));
  }

  @Get('sessions/:id')
  @ApiOkResponse({ type: SessionResponse })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<SessionResponse> {
    return this.respond(await this.sessions.get(id));
  }

  @Patch('sessions/:id')
  @Roles(Role.Staff)
  @ApiOkResponse({ type: SessionResponse })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateSessionDto,
  ): Promise<SessionResponse> {
    return this.respond(await this.sessions.update(id, dto));
  }

  @Post('sessions/:id/status')
  @HttpCode(200)
  @Roles(Role.Staff)
  @ApiOkResponse({ type: SessionResponse })
  async changeStatus(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ChangeSessionStatusDto,
  ): Promise<SessionResponse> {
    return this.respond(await this.sessions.changeStatus(id, dto.to));
  }

  private async respond(
    session: Awaited<ReturnType<SessionsService['get']>>,
  ): Promise<SessionResponse> {
    return SessionResponse.of(session, await this.terms.get(session.termId));
  }
}
