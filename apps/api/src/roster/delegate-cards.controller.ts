import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { ApiFileResponse } from '../openapi/api-responses.js';
import { Role } from '../users/role.enum.js';
import { renderDelegateCardsPdf } from './delegate-card/delegate-card-pdf.js';
import { DelegateCardsService } from './delegate-cards.service.js';
import { IssueDelegateCardsDto } from './dto/delegate-cards.dto.js';

@ApiTags('roster')
@Controller()
export class DelegateCardsController {
  constructor(private readonly cards: DelegateCardsService) {}

  /**
   * Issues 代表证 for the term's serving seats (or the chosen ones) and answers the printable PDF,
   * the only copy of the card codes. Each seat's older card stops working (header
   * X-Revoked-Cards). A card checks its seat in at the door through a staff account only.
   */
  @Post('terms/:termId/delegate-cards')
  @HttpCode(200)
  @Roles(Role.Staff)
  @ApiOperation({ summary: '签发并打印代表证（PDF，原证作废） · Issue delegate cards' })
  @ApiFileResponse('application/pdf')
  async issue(
    @Param('termId', ParseUUIDPipe) termId: string,
    @Body() dto: IssueDelegateCardsDto,
    @CurrentUser() actor: AuthContext,
    @Res() res: Response,
  ): Promise<void> {
    const issued = await this.cards.issue(termId, dto.delegateIds, actor);
    const pdf = await renderDelegateCardsPdf({
      termName: issued.termName,
      entries: issued.entries,
      generatedAt: issued.issuedAt,
    });
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Revoked-Cards', String(issued.revokedCards));
    res.type('application/pdf');
    res.attachment('delegate-cards.pdf');
    res.send(pdf);
  }
}
