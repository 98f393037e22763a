import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Role } from '../../users/role.enum.js';
import { AuthException, AuthErrorCode } from '../auth.exception.js';
import type { AuthContext } from '../auth-context.js';
import { ALLOW_PENDING_PASSWORD, IS_PUBLIC } from '../decorators/public.decorator.js';
import { ROLES } from '../decorators/roles.decorator.js';
import { TokenService } from '../token.service.js';

export type AuthedRequest = Request & { auth?: AuthContext };

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * Global guard, secure by default: every HTTP route needs a valid token unless marked
 * `@Public()`, and `@Roles(...)` narrows it to those roles. Socket requests are guarded the same
 * way: their socket holds a valid token since the handshake (SocketAuthAdapter), and `@Roles(...)`
 * on a gateway handler narrows it; a wrong role is answered with `AUTH_WRONG_ROLE` in the
 * acknowledgement, and the connection stays.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (context.getType() === 'ws') {
      const auth = context.switchToWs().getClient<{ data: { auth?: AuthContext } }>().data.auth;
      // Unreachable while the handshake refuses every socket without a valid token.
      if (!auth) throw new AuthException(AuthErrorCode.Unauthenticated);
      return this.checkRole(auth, targets);
    }
    if (context.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const token = bearerToken(req.headers.authorization);
    const auth = token ? await this.tokens.resolve(token) : null;
    if (!auth) throw new AuthException(AuthErrorCode.Unauthenticated);
    req.auth = auth;

    if (
      auth.mustChangePassword &&
      !this.reflector.getAllAndOverride<boolean>(ALLOW_PENDING_PASSWORD, targets)
    ) {
      throw new AuthException(AuthErrorCode.PasswordChangeRequired);
    }
    return this.checkRole(auth, targets);
  }

  private checkRole(auth: AuthContext, targets: Parameters<Reflector['getAllAndOverride']>[1]) {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(auth.role)) {
      throw new AuthException(AuthErrorCode.WrongRole, { required: roles, actual: auth.role });
    }
    return true;
  }
}
