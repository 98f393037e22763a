import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/decorators/public.decorator.js';
import { PublicResolutionsResponse } from './dto/minutes.responses.js';
import { MinutesService } from './minutes.service.js';

/**
 * 厂务公开: a session's resolutions (决议) from its finalised minutes, with the date they were
 * published, for the public board. Drafts are never shown: only text the recorder has frozen.
 */
@ApiTags('public')
@Public()
@Controller('public/sessions/:sessionId/resolutions')
export class PublicResolutionsController {
  constructor(private readonly minutes: MinutesService) {}

  @Get()
  @ApiOperation({ summary: '会议的决议（定稿后公布，无需登录） · Public resolutions' })
  @ApiOkResponse({ type: PublicResolutionsResponse })
  async get(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
  ): Promise<PublicResolutionsResponse> {
    return PublicResolutionsResponse.of(await this.minutes.publishedFor(sessionId));
  }
}
