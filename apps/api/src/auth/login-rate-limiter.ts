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
   * limit is spent. An attempt that fails as unauthorized counts against the address.
   */
  async attempt<T>(ip: string | undefined, username: string, run: () => Promise<T>): Promise<T> {
    const address = ip ?? '-';
    const spent = await this.failures.get(address);
    if (spent && spent.consumedPoints >= this.config.loginAddressFailureLimit) throw tooMany(spent);
    await this.limiter
      .consume(`${address}|${username.trim().toLowerCase()}`)
      .catch(rethrowAsTooMany);
    try {
      return await run();
    } catch (e) {
      if ((e as { status?: unknown }).status === HttpStatus.UNAUTHORIZED) {
        await this.failures.consume(address).catch(ignoreSpent);
      }
      throw e;
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

/** Past the limit the count needs no more points: the next attempt is refused by `get`. */
function ignoreSpent(e: unknown): void {
  if (!(e instanceof RateLimiterRes)) throw e;
}
