import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UserResponse } from '../users/dto/user.response.js';
import type { AuthContext } from './auth-context.js';
import { AuthService } from './auth.service.js';
import { CurrentUser } from './decorators/current-user.decorator.js';
import { AllowPendingPasswordChange, Public } from './decorators/public.decorator.js';
import { ChangePasswordDto } from './dto/change-password.dto.js';
import { LoginDto } from './dto/login.dto.js';
import { LoginResponse } from './dto/login.response.js';
import { LoginRateLimiter } from './login-rate-limiter.js';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly rateLimiter: LoginRateLimiter,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponse })
  async login(@Body() dto: LoginDto, @Ip() ip: string): Promise<LoginResponse> {
    await this.rateLimiter.consume(ip, dto.username);
    return this.auth.login(dto.username, dto.password, ip);
  }

  @AllowPendingPasswordChange()
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentUser() user: AuthContext): Promise<void> {
    await this.auth.logout(user);
  }

  @AllowPendingPasswordChange()
  @Get('me')
  @ApiOkResponse({ type: UserResponse })
  me(@CurrentUser() user: AuthContext): Promise<UserResponse> {
    return this.auth.me(user);
  }

  @AllowPendingPasswordChange()
  @Post('password')
  @HttpCode(200)
  @ApiOkResponse({ type: UserResponse })
  changePassword(
    @CurrentUser() user: AuthContext,
    @Body() dto: ChangePasswordDto,
  ): Promise<UserResponse> {
    return this.auth.changePassword(user, dto.currentPassword, dto.newPassword);
  }
}
