import { HttpStatus } from '@nestjs/common';
import { moduleException } from '../common/errors/app.exception.js';

export enum UsersErrorCode {
  NotFound = 'USER_NOT_FOUND',
  UsernameTaken = 'USER_USERNAME_TAKEN',
  CannotDisableSelf = 'USER_CANNOT_DISABLE_SELF',
}

export class UsersException extends moduleException<UsersErrorCode>({
  [UsersErrorCode.NotFound]: [HttpStatus.NOT_FOUND, '账号不存在'],
  [UsersErrorCode.UsernameTaken]: [HttpStatus.CONFLICT, '用户名已被使用'],
  [UsersErrorCode.CannotDisableSelf]: [HttpStatus.CONFLICT, '不能停用自己的账号'],
}) {}
