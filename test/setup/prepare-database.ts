import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../apps/api/src/database/data-source-options.js';
import { startEmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres.js';
import { databaseUrl, TEMPLATE_DB, withClient } from './test-database.js';

/**
 * Once per `npm test`: a PostgreSQL (TEST_DATABASE_URL, or an embedded one under data/test),
 * and a template database migrated once; each test file clones it (see test/utils/test-app.ts).
 */
export async function prepareDatabase(): Promise<{ stop(): Promise<void> } | undefined> {
  let url = process.env.TEST_DATABASE_URL;
  let embedded: { url: string; stop(): Promise<void> } | undefined;
  if (!url) {
    embedded = await startEmbeddedPostgres({
      dataDir: process.env.TEST_DATA_DIR ?? './data/test',
      port: Number(process.env.TEST_PG_PORT ?? 54339),
    });
    url = embedded.url;
  }
  process.env.TEST_CLUSTER_URL = url;

  await withClient(url, async (c) => {
    // Databases left by an interrupted run, then a fresh template.
    const { rows } = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'test\\_%' OR datname = $1`,
      [TEMPLATE_DB],
    );
    for (const { datname } of rows) await c.query(`DROP DATABASE "${datname}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${TEMPLATE_DB}"`);
  });
  // Migrations are plain SQL: no entity metadata is needed to build the template.
  const ds = new DataSource({
    ...dataSourceOptions(databaseUrl(TEMPLATE_DB)),
    entities: [],
    migrationsRun: false,
  });
  await ds.initialize();
  await ds.runMigrations();
  await ds.destroy();
  return embedded;
}
