import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { UploadSlipBatchDto } from './dto/slips.dto.js';
import { SlipBatchesView, SlipBatchView } from './dto/slips.responses.js';
import { SlipsService } from './slips.service.js';

/**
 * Ballot slips (投票凭证): a teller's device uploads its batch's public keys (any role: the check
 * is "is a teller of the session's ready ceremony"); the session's people see which are in.
 */
@ApiTags('tellers')
@Controller()
export class SlipsController {
  constructor(private readonly slips: SlipsService) {}

  @Post('sessions/:sessionId/slip-batches')
  @ApiOperation({ summary: '监票人上传投票凭证公钥 · Upload slip batch' })
  @ApiCreatedResponse({ type: SlipBatchView })
  async upload(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() dto: UploadSlipBatchDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<SlipBatchView> {
    return SlipBatchView.of(await this.slips.upload(sessionId, dto.publicKeys, auth));
  }

  @Get('sessions/:sessionId/slip-batches')
  @ApiOperation({ summary: '本次会议的投票凭证批次（不含公钥） · Slip batches' })
  @ApiOkResponse({ type: SlipBatchesView })
  async list(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<SlipBatchesView> {
    const { tellers, batches, complete } = await this.slips.list(sessionId, auth);
    return { tellers, batches: batches.map((b) => SlipBatchView.of(b)), complete };
  }
}
