import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Public } from '../auth/decorators/public.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { Role } from '../users/role.enum.js';
import { CeremoniesService } from './ceremonies.service.js';
import type { MessageKind } from './ceremony-status.js';
import { CeremonyMessageDto, StartCeremonyDto } from './dto/tellers.dto.js';
import { CeremonyResponse, MyCeremonyResponse } from './dto/tellers.responses.js';
import type { TellerCeremony } from './teller-ceremony.entity.js';
import { TellersErrorCode, TellersException } from './tellers.exception.js';

/**
 * The key ceremony's relay. Staff start it; each teller's device (any role: the check is "is a
 * teller of this ceremony") posts its messages; everyone reads them, the public included.
 */
@ApiTags('tellers')
@Controller()
export class CeremoniesController {
  constructor(private readonly ceremonies: CeremoniesService) {}

  @Post('sessions/:sessionId/ceremonies')
  @Roles(Role.Staff)
  @ApiOperation({ summary: '指定监票人并开始密钥仪式 · Start key ceremony' })
  @ApiCreatedResponse({ type: CeremonyResponse })
  async start(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() dto: StartCeremonyDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<CeremonyResponse> {
    return this.view(await this.ceremonies.start(sessionId, dto.tellers, dto.threshold, auth));
  }

  @Post('ceremonies/:id/abandon')
  @HttpCode(200)
  @Roles(Role.Staff)
  @ApiOperation({ summary: '中止未完成的密钥仪式 · Abandon ceremony' })
  @ApiOkResponse({ type: CeremonyResponse })
  async abandon(@Param('id', ParseUUIDPipe) id: string): Promise<CeremonyResponse> {
    return this.view(await this.ceremonies.abandon(id));
  }

  /** A session's ceremonies, newest first (empty when none was started: not an error). */
  @Get('sessions/:sessionId/ceremonies')
  @ApiOperation({ summary: '会议的密钥仪式（最新的在前） · Ceremonies of a session' })
  @ApiOkResponse({ type: [CeremonyResponse] })
  async list(@Param('sessionId', ParseUUIDPipe) sessionId: string): Promise<CeremonyResponse[]> {
    return Promise.all((await this.ceremonies.list(sessionId)).map((c) => this.view(c)));
  }

  @Get('ceremonies/:id')
  @ApiOperation({ summary: '密钥仪式的全部公开消息 · Ceremony' })
  @ApiOkResponse({ type: CeremonyResponse })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<CeremonyResponse> {
    return this.view(await this.ceremonies.get(id));
  }

  @Get('tellers/me/ceremonies')
  @ApiOperation({ summary: '我担任监票人的密钥仪式 · My ceremonies' })
  @ApiOkResponse({ type: [MyCeremonyResponse] })
  async mine(@CurrentUser() auth: AuthContext): Promise<MyCeremonyResponse[]> {
    const mine = await this.ceremonies.mine(auth);
    return Promise.all(
      mine.map(async ({ ceremony, index }) => ({ index, ceremony: await this.view(ceremony) })),
    );
  }

  /** The session's ceremony, public: its transcript and fingerprint are for anyone to check. */
  @Public()
  @Get('public/sessions/:sessionId/ceremony')
  @ApiOperation({ summary: '会议的监票人密钥仪式（公开，无需登录） · Public ceremony' })
  @ApiOkResponse({ type: CeremonyResponse })
  async current(@Param('sessionId', ParseUUIDPipe) sessionId: string): Promise<CeremonyResponse> {
    const c = await this.ceremonies.current(sessionId);
    if (!c) throw new TellersException(TellersErrorCode.CeremonyNotFound);
    return this.view(c);
  }

  @Post('ceremonies/:id/round1')
  @ApiOperation({ summary: '监票人提交第一轮消息 · Round 1' })
  @ApiCreatedResponse({ type: CeremonyResponse })
  roundOne(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CeremonyMessageDto,
    @CurrentUser() auth: AuthContext,
  ) {
    return this.post(id, 'round1', dto, auth);
  }

  @Post('ceremonies/:id/round2')
  @ApiOperation({ summary: '监票人提交第二轮消息（加密的份额） · Round 2' })
  @ApiCreatedResponse({ type: CeremonyResponse })
  roundTwo(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CeremonyMessageDto,
    @CurrentUser() auth: AuthContext,
  ) {
    return this.post(id, 'round2', dto, auth);
  }

  @Post('ceremonies/:id/complaints')
  @ApiOperation({ summary: '监票人对收到的份额提出申诉 · Complaint' })
  @ApiCreatedResponse({ type: CeremonyResponse })
  complaint(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CeremonyMessageDto,
    @CurrentUser() auth: AuthContext,
  ) {
    return this.post(id, 'complaint', dto, auth);
  }

  @Post('ceremonies/:id/acks')
  @ApiOperation({ summary: '监票人确认收到有效份额 · Acknowledgement' })
  @ApiCreatedResponse({ type: CeremonyResponse })
  ack(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CeremonyMessageDto,
    @CurrentUser() auth: AuthContext,
  ) {
    return this.post(id, 'ack', dto, auth);
  }

  private async post(id: string, kind: MessageKind, dto: CeremonyMessageDto, auth: AuthContext) {
    return this.view(await this.ceremonies.post(id, kind, dto.message, auth));
  }

  private async view(c: TellerCeremony): Promise<CeremonyResponse> {
    const tellers = await this.ceremonies.tellersOf(c.id);
    const names = await this.ceremonies.namesOf(tellers.map((t) => t.userId));
    return CeremonyResponse.of(
      c,
      tellers.map((t) => ({ index: t.index, userId: t.userId, name: names.get(t.userId) ?? '' })),
      await this.ceremonies.progress(c),
      await this.ceremonies.messagesOf(c.id),
    );
  }
}
