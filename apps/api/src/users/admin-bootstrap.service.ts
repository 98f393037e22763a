import { randomBytes } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AccountsService } from '../auth/accounts.service.js';
import { PasswordService } from '../auth/password.service.js';
import { AppConfig } from '../config/app-config.js';
import { Role } from './role.enum.js';

/**
 * On an empty database, creates `admin`: with ADMIN_PASSWORD when given, otherwise with a random
 * one-time password that main.ts prints once in its start banner (never to the logs) and that
 * must be changed at the first log-in. There is no default password.
 */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminBootstrap');
  private oneTimePassword?: string;

  constructor(
    private readonly accounts: AccountsService,
    private readonly passwords: PasswordService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (await this.accounts.hasRole(Role.Admin)) return;
    const given = this.config.adminPassword;
    const password = given ?? randomBytes(12).toString('base64url');
    const created = await this.accounts.createIfAbsent({
      username: 'admin',
      displayName: '系统管理员',
      role: Role.Admin,
      passwordHash: await this.passwords.hash(password),
      mustChangePassword: !given,
    });
    if (!created) return; // another process won
    this.logger.log('created the admin account');
    if (!given) this.oneTimePassword = password;
  }

  /** The generated password, once (for the start banner); undefined afterwards. */
  takeOneTimePassword(): string | undefined {
    const p = this.oneTimePassword;
    this.oneTimePassword = undefined;
    return p;
  }
}
