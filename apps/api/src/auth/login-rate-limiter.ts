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
 * Two counts, in PostgreSQL (table `login_attempts`, created by a migration) so every api
 * process shares them: attempts per client address AND username (guessing one account stays
 * slow), and failed attempts per address whatever the username (one guess against many
 * accounts, "spraying"). Successes do not count against the address: a hall of tablets behind
 * one NAT address can all log in at 7:30.
 */
@Injectable()
export class LoginRateLimiter implements OnModuleInit {
  private limiter!: RateLimiterPostgres;
  private failures!: RateLimiterPostgres;

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
    this.failures = new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: 'login_attempts',
      tableCreated: true,
      keyPrefix: 'login-fail',
      points: this.config.loginAddressFailureLimit,
      duration: this.config.loginRateWindowSeconds,
    });
  }

  /**
   * Runs one log-in attempt within both limits; throws 429 with the seconds to wait once a
   * limit is spent. The attempt takes a failure point of its address before the password is
   * checked, and gives it back unless it fails as unauthorized: counted only afterwards, fifty
   * guesses sent at once would all pass the check before the first failure was written. The
   * price: more than `LOGIN_ADDRESS_FAILURE_LIMIT` log-ins in flight at the same instant from
   * one address get a 429 even when they would succeed (a tablet then retries after the wait).
   */
  async attempt<T>(ip: string | undefined, username: string, run: () => Promise<T>): Promise<T> {
    const address = ip ?? '-';
    const taken = await this.failures.consume(address).catch(rethrowAsTooMany);
    const takenAt = performance.now();
    let failed = false;
    try {
      await this.limiter
        .consume(`${address}|${username.trim().toLowerCase()}`)
        .catch(rethrowAsTooMany);
      return await run();
    } catch (e) {
      failed = (e as { status?: unknown }).status === HttpStatus.UNAUTHORIZED;
      throw e;
    } finally {
      // Not into a window that began meanwhile: there the point would count as -1, a free guess.
      const sameWindow = performance.now() - takenAt < taken.msBeforeNext;
      if (!failed && sameWindow) await this.failures.reward(address);
    }
  }
}

function tooMany(res: RateLimiterRes): CommonException {
  const retryAfterSeconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return new CommonException(
    CommonErrorCode.TooManyRequests,
    `登录尝试过于频繁，请 ${retryAfterSeconds} 秒后再试`,
    HttpStatus.TOO_MANY_REQUESTS,
    { retryAfterSeconds },
  );
}

function rethrowAsTooMany(e: unknown): never {
  throw e instanceof RateLimiterRes ? tooMany(e) : e;
}
