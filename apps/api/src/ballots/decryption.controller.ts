import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { DecryptionService } from './decryption.service.js';
import { BoardPageQuery, DecryptionInputQuery, PartialDto } from './dto/decryption.dto.js';
import {
  BoardPageResponse,
  DecryptionStatusResponse,
  PendingDecryptionResponse,
  PreparedCloseResponse,
} from './dto/decryption.responses.js';

/** The close of a tellers-mode poll: staff watch who answered; tellers' devices fetch and answer. */
@ApiTags('tellers')
@Controller()
export class DecryptionController {
  constructor(private readonly decryption: DecryptionService) {}

  @Get('polls/:id/decryption')
  @ApiOperation({ summary: '监票人解密进度（工作人员与监票人） · Decryption status' })
  @ApiOkResponse({ type: DecryptionStatusResponse })
  async status(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<DecryptionStatusResponse> {
    return DecryptionStatusResponse.of(await this.decryption.status(id, auth));
  }

  /**
   * The prepared record (libs/ballot `PreparedClose['record']`): the ceremony transcript, the
   * board, the exclusions and the encrypted tally; the device re-sums the counted ballots itself.
   * With `followed`, the board's entries up to there come without their ballots (the device
   * verified them while the poll was open), except the excluded ones (`FollowedRecord`).
   */
  @Get('polls/:id/decryption/input')
  @ApiOperation({ summary: '监票人解密所需的计票准备记录 · Decryption input' })
  @ApiOkResponse({ type: PreparedCloseResponse })
  async input(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: DecryptionInputQuery,
    @CurrentUser() auth: AuthContext,
  ): Promise<PreparedCloseResponse> {
    return (await this.decryption.input(id, auth, q.followed)) as unknown as PreparedCloseResponse;
  }

  /**
   * The board of a tellers-mode poll after a position, while it is open (and after): a teller's
   * device verifies the ballots as they arrive and keeps their sum (libs/ballot `BoardFollower`),
   * so that at the close it only compares sums. Ballots are encrypted; no running tally.
   */
  @Get('polls/:id/board')
  @ApiOperation({ summary: '监票人跟随公告板（表决进行中） · Board page for tellers' })
  @ApiOkResponse({ type: BoardPageResponse })
  async board(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: BoardPageQuery,
    @CurrentUser() auth: AuthContext,
  ): Promise<BoardPageResponse> {
    return (await this.decryption.board(id, q.after, q.limit, auth)) as BoardPageResponse;
  }

  @Post('polls/:id/partials')
  @ApiOperation({ summary: '监票人提交部分解密 · Partial decryption' })
  @ApiCreatedResponse({ type: DecryptionStatusResponse })
  async submit(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PartialDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<DecryptionStatusResponse> {
    return DecryptionStatusResponse.of(await this.decryption.submit(id, dto.partial, auth));
  }

  @Get('ceremonies/:id/pending')
  @ApiOperation({ summary: '等待本仪式监票人解密的表决 · Pending decryptions' })
  @ApiOkResponse({ type: [PendingDecryptionResponse] })
  pending(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<PendingDecryptionResponse[]> {
    return this.decryption.pending(id, auth);
  }

  @Get('ceremonies/:id/following')
  @ApiOperation({ summary: '本仪式监票人应跟随公告板的进行中表决 · Open polls to follow' })
  @ApiOkResponse({ type: [PendingDecryptionResponse] })
  following(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<PendingDecryptionResponse[]> {
    return this.decryption.following(id, auth);
  }
}
