import { HttpStatus } from '@nestjs/common';
import { moduleException } from '../common/errors/app.exception.js';

export enum UsersErrorCode {
  NotFound = 'USER_NOT_FOUND',
  UsernameTaken = 'USER_USERNAME_TAKEN',
  CannotDisableSelf = 'USER_CANNOT_DISABLE_SELF',
  SeatAccount = 'USER_SEAT_ACCOUNT',
}

export class UsersException extends moduleException<UsersErrorCode>({
  [UsersErrorCode.NotFound]: [HttpStatus.NOT_FOUND, '账号不存在'],
  [UsersErrorCode.UsernameTaken]: [HttpStatus.CONFLICT, '用户名已被使用'],
  [UsersErrorCode.CannotDisableSelf]: [HttpStatus.CONFLICT, '不能停用自己的账号'],
  [UsersErrorCode.SeatAccount]: [
    HttpStatus.FORBIDDEN,
    '代表和列席人员的账号不能重置密码：请在名册中为其重新签发登录码（会议进行中须另一名工作人员批准）',
  ],
}) {}
