import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../apps/api/src/database/data-source-options.js';
import { migrations } from '../apps/api/src/database/migrations/index.js';
import { clusterUrl, databaseUrl, withClient } from './setup/test-database.js';

/**
 * Migrations that move existing data: an empty database is migrated up to the migration before
 * them, given data the way the older app stored it, then migrated to the end.
 */
describe('migrations that move existing data', () => {
  const name = `test_migrations_${process.pid}`;
  const sql = <T = Record<string, unknown>>(text: string, params?: unknown[]) =>
    withClient(databaseUrl(name), async (c) => (await c.query(text, params)).rows as T[]);
  const migrate = async (upTo: number) => {
    const ds = new DataSource({
      ...dataSourceOptions(databaseUrl(name)),
      entities: [],
      migrations: migrations.slice(0, upTo),
      migrationsRun: false,
      logging: false,
    });
    await ds.initialize();
    await ds.runMigrations();
    await ds.destroy();
  };
  const index = (migrationName: string) => migrations.findIndex((m) => m.name === migrationName);

  beforeAll(async () => {
    await withClient(clusterUrl(), (c) => c.query(`CREATE DATABASE "${name}"`));
  });
  afterAll(async () => {
    await withClient(clusterUrl(), (c) =>
      c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    );
  });

  it("gives each term its latest session's workforce figures; sessions keep only differing ones", async () => {
    await migrate(index('TermWorkforce1795290000000'));
    const [withSessions, without] = await sql<{ id: string }>(
      `INSERT INTO terms (name, starts_on, ends_on) VALUES
         ('第五届', '2026-01-01', '2030-12-31'), ('第六届', '2031-01-01', '2035-12-31')
       RETURNING id`,
    );
    const session = (name: string, startsAt: string, figures: [number, number, number]) =>
      sql<{ id: string }>(
        `INSERT INTO congress_sessions (term_id, name, starts_at, place, employees, women, dispatched, status)
         VALUES ($1, $2, $3, '礼堂', $4, $5, $6, 'closed') RETURNING id`,
        [withSessions!.id, name, startsAt, ...figures],
      ).then((r) => r[0]!.id);
    const first = await session('第一次会议', '2026-03-01T01:00:00Z', [1000, 300, 50]);
    const second = await session('第二次会议', '2026-12-05T01:00:00Z', [1200, 400, 60]);

    await migrate(migrations.length);

    const terms = await sql(`SELECT id, employees, women, dispatched FROM terms ORDER BY name`);
    expect(terms).toEqual([
      { id: withSessions!.id, employees: 1200, women: 400, dispatched: 60 },
      { id: without!.id, employees: null, women: null, dispatched: null },
    ]);
    const sessions = await sql(
      `SELECT id, employees, women, dispatched FROM congress_sessions ORDER BY starts_at`,
    );
    // The first session's figures differ from the term's: they stay as its override.
    expect(sessions).toEqual([
      { id: first, employees: 1000, women: 300, dispatched: 50 },
      { id: second, employees: null, women: null, dispatched: null },
    ]);
    // Each existing session starts its status history with the status it has.
    const history = await sql(
      `SELECT session_id, from_status, to_status FROM session_status_history ORDER BY id`,
    );
    expect(history).toEqual([
      { session_id: first, from_status: null, to_status: 'closed' },
      { session_id: second, from_status: null, to_status: 'closed' },
    ]);
    await expect(
      sql(`UPDATE congress_sessions SET employees = 5 WHERE id = $1`, [second]),
    ).rejects.toThrow(/workforce_all_or_none/);
  });
});
