import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { MarkReadDto } from './dto/notifications.dto.js';
import { NotificationResponse } from './dto/notifications.responses.js';
import { NotificationsService, toPayload } from './notifications.service.js';

/** Every signed-in user's own inbox; nobody reads another's. */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: '我的通知 · My notifications' })
  @ApiOkResponse({ type: [NotificationResponse] })
  async inbox(@CurrentUser() auth: AuthContext): Promise<NotificationResponse[]> {
    return (await this.notifications.inbox(auth.userId)).map(toPayload);
  }

  @Post('read')
  @HttpCode(204)
  @ApiOperation({ summary: '标为已读 · Mark read' })
  @ApiNoContentResponse({ description: '已标为已读' })
  async markRead(@CurrentUser() auth: AuthContext, @Body() dto: MarkReadDto): Promise<void> {
    await this.notifications.markRead(auth.userId, dto.ids);
  }
}
