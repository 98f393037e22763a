import { HttpStatus, Injectable, type OnModuleInit } from '@nestjs/common';
// The limiter's library keeps its own table and needs the pg pool itself, not a repository.
// eslint-disable-next-line no-restricted-imports
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
// eslint-disable-next-line no-restricted-imports
import { DataSource } from 'typeorm';
import { CommonErrorCode, CommonException } from '../common/errors/app.exception.js';
import { AppConfig } from '../config/app-config.js';

/**
 * Log-in attempts per client address AND username, counted in PostgreSQL (table
 * `login_attempts`, created by a migration) so every api process shares one count. A hall of
 * tablets behind one NAT address can all log in at 7:30, while guessing one account stays slow.
 */
@Injectable()
export class LoginRateLimiter implements OnModuleInit {
  private limiter!: RateLimiterPostgres;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const pool = (this.db.driver as unknown as { master: unknown }).master;
    this.limiter = new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: 'login_attempts',
      tableCreated: true,
      keyPrefix: 'login',
      points: this.config.loginRateLimit,
      duration: this.config.loginRateWindowSeconds,
    });
  }

  /** Counts one attempt; throws 429 with the seconds to wait once the limit is spent. */
  async consume(ip: string | undefined, username: string): Promise<void> {
    try {
      await this.limiter.consume(`${ip ?? '-'}|${username.trim().toLowerCase()}`);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      const retryAfterSeconds = Math.ceil(e.msBeforeNext / 1000);
      throw new CommonException(
        CommonErrorCode.TooManyRequests,
        `登录尝试过于频繁，请 ${retryAfterSeconds} 秒后再试`,
        HttpStatus.TOO_MANY_REQUESTS,
        { retryAfterSeconds },
      );
    }
  }
}
