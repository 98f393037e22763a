import { HttpStatus } from '@nestjs/common';
import { AppException } from '../common/errors/app.exception.js';

export enum AuthErrorCode {
  InvalidCredentials = 'AUTH_INVALID_CREDENTIALS',
  Unauthenticated = 'AUTH_UNAUTHENTICATED',
  PasswordChangeRequired = 'AUTH_PASSWORD_CHANGE_REQUIRED',
  WrongRole = 'AUTH_WRONG_ROLE',
  WrongPassword = 'AUTH_WRONG_PASSWORD',
  SamePassword = 'AUTH_SAME_PASSWORD',
}

const STATUS: Record<AuthErrorCode, HttpStatus> = {
  [AuthErrorCode.InvalidCredentials]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.PasswordChangeRequired]: HttpStatus.FORBIDDEN,
  [AuthErrorCode.WrongRole]: HttpStatus.FORBIDDEN,
  [AuthErrorCode.WrongPassword]: HttpStatus.BAD_REQUEST,
  [AuthErrorCode.SamePassword]: HttpStatus.BAD_REQUEST,
};

const MESSAGE: Record<AuthErrorCode, string> = {
  [AuthErrorCode.InvalidCredentials]: '用户名或密码错误',
  [AuthErrorCode.Unauthenticated]: '未登录或登录已失效，请重新登录',
  [AuthErrorCode.PasswordChangeRequired]: '请先修改初始密码',
  [AuthErrorCode.WrongRole]: '当前账号无权执行此操作',
  [AuthErrorCode.WrongPassword]: '当前密码不正确',
  [AuthErrorCode.SamePassword]: '新密码不能与当前密码相同',
};

export class AuthException extends AppException<AuthErrorCode> {
  constructor(code: AuthErrorCode, details?: unknown) {
    super(code, MESSAGE[code], STATUS[code], details);
  }
}
