import { HttpStatus } from '@nestjs/common';
import { moduleException } from '../common/errors/app.exception.js';

export enum NotificationsErrorCode {
  NotFound = 'NOTIFICATION_NOT_FOUND',
}

export class NotificationsException extends moduleException<NotificationsErrorCode>({
  [NotificationsErrorCode.NotFound]: [HttpStatus.NOT_FOUND, '消息不存在'],
}) {}
