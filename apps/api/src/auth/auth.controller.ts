import { Body, Controller, Get, HttpCode, HttpStatus, Ip, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../openapi/api-responses.js';
import { UserResponse } from '../users/dto/users.responses.js';
import type { AuthContext } from './auth-context.js';
import { AuthService } from './auth.service.js';
import { CurrentUser } from './decorators/current-user.decorator.js';
import { AllowPendingPasswordChange, Public } from './decorators/public.decorator.js';
import { ChangePasswordDto } from './dto/change-password.dto.js';
import { LoginDto } from './dto/login.dto.js';
import { LoginResponse } from './dto/auth.responses.js';
import { LoginRateLimiter } from './login-rate-limiter.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly rateLimiter: LoginRateLimiter,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: '用户名密码登录，取得访问令牌 · Log in' })
  @ApiOkResponse({ type: LoginResponse })
  @ApiErrors(HttpStatus.TOO_MANY_REQUESTS)
  async login(@Body() dto: LoginDto, @Ip() ip: string): Promise<LoginResponse> {
    return this.rateLimiter.attempt(ip, dto.username, () =>
      this.auth.login(dto.username, dto.password, ip),
    );
  }

  @AllowPendingPasswordChange()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: '退出登录（令牌立即失效） · Log out' })
  @ApiNoContentResponse({ description: '已退出' })
  async logout(@CurrentUser() user: AuthContext): Promise<void> {
    await this.auth.logout(user);
  }

  @AllowPendingPasswordChange()
  @Get('me')
  @ApiOperation({ summary: '当前用户 · Current user' })
  @ApiOkResponse({ type: UserResponse })
  me(@CurrentUser() user: AuthContext): Promise<UserResponse> {
    return this.auth.me(user);
  }

  @AllowPendingPasswordChange()
  @Post('password')
  @HttpCode(200)
  @ApiOperation({ summary: '修改本人密码 · Change own password' })
  @ApiOkResponse({ type: UserResponse })
  changePassword(
    @CurrentUser() user: AuthContext,
    @Body() dto: ChangePasswordDto,
  ): Promise<UserResponse> {
    return this.auth.changePassword(user, dto.currentPassword, dto.newPassword);
  }
}
