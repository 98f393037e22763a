import 'reflect-metadata';
import path from 'node:path';
import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  registerDecorator,
  validateSync,
} from 'class-validator';
import { parseTrustProxy, type TrustProxy } from './trust-proxy.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** TRUST_PROXY: proxy hops or the proxies' addresses (trust-proxy.ts). */
function IsTrustProxy(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isTrustProxy',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message:
          "TRUST_PROXY must be a number of proxy hops (1 to 10) or the proxies' addresses or subnets, comma-separated",
      },
      validator: { validate: (v: unknown) => typeof v === 'string' && !!parseTrustProxy(v) },
    });
}

/** Environment variables as read at boot; validated once, then turned into {@link AppConfig}. */
class EnvironmentVariables {
  @IsOptional() @IsIn(['development', 'production', 'test']) NODE_ENV = 'development';
  @Type(() => Number) @IsInt() @Min(0) @Max(65535) PORT = 3000;
  @IsString() HOST = '0.0.0.0';
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;
  @IsString() DATA_DIR = './data';
  /** The board's receipt-signing key (Ed25519); unset: <DATA_DIR>/board-signing-key.json. */
  @IsOptional() @IsString() BOARD_KEY_FILE?: string;
  @Type(() => Number) @IsInt() @Min(1024) @Max(65535) EMBEDDED_PG_PORT = 54329;
  @Type(() => Number) @IsInt() @Min(1) @Max(200) DB_POOL_SIZE = 10;
  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters' })
  ADMIN_PASSWORD?: string;
  @Type(() => Number) @IsInt() @Min(5) @Max(7 * 24 * 60) TOKEN_TTL_MINUTES = 12 * 60;
  @Type(() => Number) @IsInt() @Min(1) @Max(1000) LOGIN_RATE_LIMIT = 10;
  @Type(() => Number) @IsInt() @Min(1) @Max(3600) LOGIN_RATE_WINDOW_SECONDS = 60;
  @Type(() => Number) @IsInt() @Min(1) @Max(100_000) LOGIN_ADDRESS_FAILURE_LIMIT = 30;
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'PUBLIC_URL must be an http(s) URL' })
  PUBLIC_URL?: string;
  /** Reverse proxies whose X-Forwarded-For is believed (trust-proxy.ts); unset: none. */
  @IsOptional() @IsTrustProxy() TRUST_PROXY?: string;
  /** Worker threads verifying ballots; unset = one per core but one (at least one); 0 = in the api thread. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(64) BALLOT_VERIFY_THREADS?: number;
  /** The built web app; unset: dist/web of this installation. */
  @IsOptional() @IsString() WEB_DIR?: string;
  @IsIn(LOG_LEVELS) LOG_LEVEL: LogLevel = 'info';
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  LOG_PRETTY = false;
}

/** The one typed configuration object the app runs with. */
export class AppConfig {
  nodeEnv!: 'development' | 'production' | 'test';
  port!: number;
  host!: string;
  /** Set when the operator gives a PostgreSQL; otherwise the embedded one is started. */
  databaseUrl?: string;
  dataDir!: string;
  /** The file holding the board's receipt-signing key (created on first start). */
  boardKeyFile!: string;
  embeddedPgPort!: number;
  dbPoolSize!: number;
  adminPassword?: string;
  tokenTtlMinutes!: number;
  loginRateLimit!: number;
  loginRateWindowSeconds!: number;
  /** Failed log-ins per client address, whatever the username, per window. */
  loginAddressFailureLimit!: number;
  /** How tablets reach the server (printed in log-in QR codes); default: the request's host. */
  publicUrl?: string;
  /**
   * The reverse proxies (hops or addresses) whose X-Forwarded-For gives the client's address
   * for the log-in limits and the audit log; undefined: the connection's own address.
   */
  trustProxy?: TrustProxy;
  /** Worker threads verifying ballots (undefined: one per core but one, at least one; 0: in the api thread). */
  ballotVerifyThreads?: number;
  /** The built web app served at `/` (undefined: dist/web of this installation). */
  webDir?: string;
  logLevel!: LogLevel;
  logPretty!: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

/** Reads and validates the environment. Throws {@link ConfigError} naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const vars = plainToInstance(EnvironmentVariables, present, { exposeDefaultValues: true });
  const errors = validateSync(vars, { whitelist: false });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map(
        (e) =>
          `${e.property}=${JSON.stringify(e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`,
      ),
    );
  }
  return {
    nodeEnv: vars.NODE_ENV as AppConfig['nodeEnv'],
    port: vars.PORT,
    host: vars.HOST,
    databaseUrl: vars.DATABASE_URL,
    dataDir: vars.DATA_DIR,
    boardKeyFile: vars.BOARD_KEY_FILE ?? path.join(vars.DATA_DIR, 'board-signing-key.json'),
    embeddedPgPort: vars.EMBEDDED_PG_PORT,
    dbPoolSize: vars.DB_POOL_SIZE,
    adminPassword: vars.ADMIN_PASSWORD,
    tokenTtlMinutes: vars.TOKEN_TTL_MINUTES,
    loginRateLimit: vars.LOGIN_RATE_LIMIT,
    loginRateWindowSeconds: vars.LOGIN_RATE_WINDOW_SECONDS,
    loginAddressFailureLimit: vars.LOGIN_ADDRESS_FAILURE_LIMIT,
    publicUrl: vars.PUBLIC_URL,
    trustProxy: vars.TRUST_PROXY === undefined ? undefined : parseTrustProxy(vars.TRUST_PROXY),
    ballotVerifyThreads: vars.BALLOT_VERIFY_THREADS,
    webDir: vars.WEB_DIR,
    logLevel: vars.LOG_LEVEL,
    logPretty: vars.LOG_PRETTY,
  };
}
