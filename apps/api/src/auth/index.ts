// The public surface of this module: what other modules may import (lint rule congress/module-boundaries).
// Accounts (users) and tokens are this module's tables: others use AccountsService, never the entity.
export { AuthModule } from './auth.module.js';
export { AccountsService } from './accounts.service.js';
export type { AccountChanges, NewAccount, TabletAccount } from './accounts.service.js';
export { TokenService, type IssuedToken } from './token.service.js';
export { PasswordService } from './password.service.js';
export { SessionEvents, type TokensRevoked } from './session-events.js';
export { LoginRateLimiter } from './login-rate-limiter.js';
export { AuthGuard, bearerToken, type AuthedRequest } from './guards/auth.guard.js';
export { AuthErrorCode, AuthException } from './auth.exception.js';
export type { AuthContext } from './auth-context.js';
export * from './decorators/current-user.decorator.js';
export * from './decorators/public.decorator.js';
export * from './decorators/roles.decorator.js';
export type { User } from './user.entity.js';
