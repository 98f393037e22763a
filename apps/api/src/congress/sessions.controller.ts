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
import { Roles } from '../auth/decorators/roles.decorator.js';
import { Role } from '../users/role.enum.js';
import { SessionResponse } from './dto/congress.responses.js';
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
    return (await this.sessions.listForTerm(termId)).map((s) => SessionResponse.of(s, term));
  }

  @Post('terms/:termId/sessions')
  @Roles(Role.Staff)
  @ApiOperation({ summary: '新建会议 · Create session' })
  @ApiCreatedResponse({ type: SessionResponse })
  async create(
    @Param('termId', ParseUUIDPipe) termId: string,
    @Body() dto: CreateSessionDto,
  ): Promise<SessionResponse> {
    return this.respond(await this.sessions.create(termId, dto));
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
  ): Promise<SessionResponse> {
    return this.respond(await this.sessions.changeStatus(id, dto.to));
  }

  private async respond(
    session: Awaited<ReturnType<SessionsService['get']>>,
  ): Promise<SessionResponse> {
    return SessionResponse.of(session, await this.terms.get(session.termId));
  }
}
