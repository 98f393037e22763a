import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessToken } from './access-token.entity.js';
import { AccountsService } from './accounts.service.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { AuthGuard } from './guards/auth.guard.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { PasswordService } from './password.service.js';
import { SessionEvents } from './session-events.js';
import { TokenService } from './token.service.js';
import { User } from './user.entity.js';

/**
 * Accounts and how callers prove who they are: the `users` and `access_tokens` tables (and the
 * log-in rate limiter's `login_attempts`). Other modules reach accounts through AccountsService.
 */
@Module({
  imports: [TypeOrmModule.forFeature([User, AccessToken])],
  controllers: [AuthController],
  providers: [
    AuthService,
    AccountsService,
    LoginRateLimiter,
    PasswordService,
    TokenService,
    SessionEvents,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AccountsService, PasswordService, TokenService, SessionEvents, LoginRateLimiter],
})
export class AuthModule {}
