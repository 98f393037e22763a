// The TypeORM CLI's data source (`npm run migration:generate -- <path>`, `npm run migration:run`).
// Uses DATABASE_URL, or starts the embedded PostgreSQL under DATA_DIR like the app does.
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

const config = loadConfig(process.env);
const url =
  config.databaseUrl ??
  (await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort })).url;

export default new DataSource({ ...dataSourceOptions(url), migrationsRun: false });
