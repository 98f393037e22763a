import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AUDITED_ROLES } from '../users/role.enum.js';
import { UserResponse } from '../users/dto/users.responses.js';
import { AuthException, AuthErrorCode } from './auth.exception.js';
import type { AuthContext } from './auth-context.js';
import type { LoginResponse } from './dto/auth.responses.js';
import { PasswordService } from './password.service.js';
import { TokenService } from './token.service.js';
import { User } from './user.entity.js';

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
  ) {}

  async login(username: string, password: string, ip?: string): Promise<LoginResponse> {
    const user = await this.users.findOneBy({ username: username.trim().toLowerCase() });
    const ok = await this.passwords.verify(user?.passwordHash, password);
    if (!user || !ok || user.disabled) throw new AuthException(AuthErrorCode.InvalidCredentials);
    const issued = await this.tokens.issue(user.id);
    if (AUDITED_ROLES.has(user.role)) {
      await this.audit.record({ actor: user, action: 'auth.login', target: `user:${user.id}`, ip });
    }
    return {
      accessToken: issued.accessToken,
      expiresAt: issued.expiresAt.toISOString(),
      user: UserResponse.of(user),
    };
  }

  logout(auth: AuthContext): Promise<void> {
    return this.tokens.revoke(auth.tokenId, 'logout');
  }

  async me(auth: AuthContext): Promise<UserResponse> {
    return UserResponse.of(await this.users.findOneByOrFail({ id: auth.userId }));
  }

  /** Changes the caller's password; every other session of the account is closed. */
  async changePassword(
    auth: AuthContext,
    current: string | undefined,
    next: string,
  ): Promise<UserResponse> {
    const user = await this.users.findOneByOrFail({ id: auth.userId });
    if (
      user.passwordHash !== null &&
      !(await this.passwords.verify(user.passwordHash, current ?? ''))
    ) {
      throw new AuthException(AuthErrorCode.WrongPassword, [
        { field: 'currentPassword', errors: ['当前密码不正确'] },
      ]);
    }
    if (current === next) throw new AuthException(AuthErrorCode.SamePassword);
    user.passwordHash = await this.passwords.hash(next);
    user.mustChangePassword = false;
    await this.users.save(user);
    await this.tokens.revokeAllForUser(user.id, 'password changed', auth.tokenId);
    return UserResponse.of(user);
  }
}
