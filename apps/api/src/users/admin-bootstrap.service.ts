import { randomBytes } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PasswordService } from '../auth/password.service.js';
import { AppConfig } from '../config/app-config.js';
import { Role } from './role.enum.js';
import { User } from './user.entity.js';

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
    @InjectDataSource() private readonly db: DataSource,
    private readonly passwords: PasswordService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const repo = this.db.getRepository(User);
    if (await repo.existsBy({ role: Role.Admin })) return;
    const given = this.config.adminPassword;
    const password = given ?? randomBytes(12).toString('base64url');
    const inserted = await repo
      .createQueryBuilder()
      .insert()
      .values({
        username: 'admin',
        displayName: '系统管理员',
        role: Role.Admin,
        passwordHash: await this.passwords.hash(password),
        mustChangePassword: !given,
      })
      .orIgnore()
      .execute();
    if (inserted.identifiers.length === 0 || !inserted.identifiers[0]) return; // another process won
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
