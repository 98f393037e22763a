import { HttpStatus } from '@nestjs/common';
import { moduleException } from '../common/errors/app.exception.js';
import type {
  Agree,
  Difference,
  AuthErrorCode as ContractAuthErrorCode,
} from '../common/contracts.js';

export enum AuthErrorCode {
  InvalidCredentials = 'AUTH_INVALID_CREDENTIALS',
  Unauthenticated = 'AUTH_UNAUTHENTICATED',
  PasswordChangeRequired = 'AUTH_PASSWORD_CHANGE_REQUIRED',
  WrongRole = 'AUTH_WRONG_ROLE',
  WrongPassword = 'AUTH_WRONG_PASSWORD',
  SamePassword = 'AUTH_SAME_PASSWORD',
}
// The same values as the client contract (libs/contracts): a difference does not compile.
type _AuthErrorCodeContract = Agree<Difference<`${AuthErrorCode}`, ContractAuthErrorCode>>;

export class AuthException extends moduleException<AuthErrorCode>({
  [AuthErrorCode.InvalidCredentials]: [HttpStatus.UNAUTHORIZED, '用户名或密码错误'],
  [AuthErrorCode.Unauthenticated]: [HttpStatus.UNAUTHORIZED, '未登录或登录已失效，请重新登录'],
  [AuthErrorCode.PasswordChangeRequired]: [HttpStatus.FORBIDDEN, '请先修改初始密码'],
  [AuthErrorCode.WrongRole]: [HttpStatus.FORBIDDEN, '当前账号无权执行此操作'],
  [AuthErrorCode.WrongPassword]: [HttpStatus.BAD_REQUEST, '当前密码不正确'],
  [AuthErrorCode.SamePassword]: [HttpStatus.BAD_REQUEST, '新密码不能与当前密码相同'],
}) {}
