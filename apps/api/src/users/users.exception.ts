import { HttpStatus } from '@nestjs/common';
import { AppException } from '../common/errors/app.exception.js';

export enum UsersErrorCode {
  NotFound = 'USER_NOT_FOUND',
  UsernameTaken = 'USER_USERNAME_TAKEN',
  CannotDisableSelf = 'USER_CANNOT_DISABLE_SELF',
}

const STATUS: Record<UsersErrorCode, HttpStatus> = {
  [UsersErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [UsersErrorCode.UsernameTaken]: HttpStatus.CONFLICT,
  [UsersErrorCode.CannotDisableSelf]: HttpStatus.CONFLICT,
};

const MESSAGE: Record<UsersErrorCode, string> = {
  [UsersErrorCode.NotFound]: '账号不存在',
  [UsersErrorCode.UsernameTaken]: '用户名已被使用',
  [UsersErrorCode.CannotDisableSelf]: '不能停用自己的账号',
};

export class UsersException extends AppException<UsersErrorCode> {
  constructor(code: UsersErrorCode, details?: unknown) {
    super(code, MESSAGE[code], STATUS[code], details);
  }
}
