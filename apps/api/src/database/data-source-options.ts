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
    extra: { max: poolSize },
    // Query errors are answered by the exception filter; TypeORM's own log would repeat them.
    logging: logErrors ? ['error'] : false,
  };
}
