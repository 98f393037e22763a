import type { DataSourceOptions } from 'typeorm';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/** The one place the data source is described: schema by migrations only, applied at start. */
export function dataSourceOptions(url: string, poolSize = 10, logErrors = true): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    extra: {
      max: poolSize,
      // Idle connections are kept, not closed after pg's default 10 s: a congress's polls come
      // minutes apart, and a new connection costs round trips and a SCRAM exchange (~5 ms of CPU
      // on each side), which landed inside a poll's close when its queries ran side by side.
      idleTimeoutMillis: 0,
      // TCP keepalive finds a connection a firewall or a database restart dropped in silence.
      keepAlive: true,
      keepAliveInitialDelayMillis: 30_000,
      // A script that forgets to close its data source still ends.
      allowExitOnIdle: true,
    },
    // Query errors are answered by the exception filter; TypeORM's own log would repeat them.
    logging: logErrors ? ['error'] : false,
  };
}
