import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../apps/api/src/database/data-source-options.js';
import { migrations } from '../apps/api/src/database/migrations/index.js';
import { clusterUrl, databaseUrl, withClient } from './setup/test-database.js';

/** A database of its own, migrated up to a given migration. */
function migratable(name: string) {
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
  beforeAll(async () => {
    await withClient(clusterUrl(), (c) => c.query(`CREATE DATABASE "${name}"`));
  });
  afterAll(async () => {
    await withClient(clusterUrl(), (c) =>
      c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    );
  });
  return { sql, migrate };
}

/**
 * Migrations that move existing data: an empty database is migrated up to the migration before
 * them, given data the way the older app stored it, then migrated to the end.
 */
describe('migrations that move existing data', () => {
  const name = `test_migrations_${process.pid}`;
  const { sql, migrate } = migratable(name);
  const index = (migrationName: string) => migrations.findIndex((m) => m.name === migrationName);

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

describe("the tellers' migration in an old database", () => {
  const name = `test_migrations_tellers_${process.pid}`;
  const { sql, migrate } = migratable(name);

  it('drops the custodian secrets and decides the secret polls they left undecided void, with the reason', async () => {
    await migrate(migrations.findIndex((m) => m.name === 'Tellers1795318000000'));
    const [user] = await sql<{ id: string }>(
      `INSERT INTO users (username, display_name, role) VALUES ('staff', '工作人员', 'staff') RETURNING id`,
    );
    const [term] = await sql<{ id: string }>(
      `INSERT INTO terms (name, starts_on, ends_on) VALUES ('第五届', '2026-01-01', '2030-12-31') RETURNING id`,
    );
    const [session] = await sql<{ id: string }>(
      `INSERT INTO congress_sessions (term_id, name, starts_at, place, status)
       VALUES ($1, '第一次会议', '2026-03-01T01:00:00Z', '礼堂', 'in_session') RETURNING id`,
      [term!.id],
    );
    const item = async (position: number) =>
      (
        await sql<{ id: string }>(
          `INSERT INTO agenda_items (session_id, position, kind, title, vote_spec)
           VALUES ($1, $2, 'decide', '事项', '{"type":"motion"}') RETURNING id`,
          [session!.id, position],
        )
      )[0]!.id;
    const poll = async (itemId: string, status: string, result: object | null) =>
      (
        await sql<{ id: string }>(
          `INSERT INTO polls (session_id, item_id, item_version, title, vote_spec, secret, key_mode,
             election_key, custodian_secret, status, quorum_at_open, opened_at, opened_by, result,
             issued, board_size)
           VALUES ($1, $2, 1, '事项', '{"type":"motion"}', true, 'custodian', '{}', '{"secret":"00"}',
             $3, '{}', now(), $4, $5, '{"count":5,"credentials":[]}', 2) RETURNING id`,
          [session!.id, itemId, status, user!.id, result ? JSON.stringify(result) : null],
        )
      )[0]!.id;
    const open = await poll(await item(1), 'open', null);
    const decided = await poll(await item(2), 'closed', { void: false, counts: [[3, 1, 0]] });

    await migrate(migrations.length);

    const columns = await sql(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'polls' AND column_name = 'custodian_secret'`,
    );
    expect(columns).toEqual([]);
    const [voided] = await sql<{ status: string; result: Record<string, unknown> }>(
      `SELECT status, result FROM polls WHERE id = $1`,
      [open],
    );
    expect(voided!.status).toBe('closed');
    expect(voided!.result).toMatchObject({
      void: true,
      decision: null,
      issued: 5,
      returned: 2,
      keyMode: 'custodian',
      voidReason: expect.stringContaining('托管密钥已从数据库删除'),
    });
    const [kept] = await sql<{ result: object }>(`SELECT result FROM polls WHERE id = $1`, [
      decided,
    ]);
    expect(kept!.result).toEqual({ void: false, counts: [[3, 1, 0]] });
  });
});

describe("the re-issue approvers' migration in an old database", () => {
  const name = `test_migrations_reissue_${process.pid}`;
  const { sql, migrate } = migratable(name);

  it('keeps decided requests as they were, gives old approvals their issue time, and asks new decisions for an approver', async () => {
    await migrate(migrations.findIndex((m) => m.name === 'ReissueApprovers1795348000000'));
    const [asker, second] = await sql<{ id: string }>(
      `INSERT INTO users (username, display_name, role) VALUES
         ('staff', '工作人员', 'staff'), ('staff2', '工作人员二', 'staff') RETURNING id`,
    );
    const [term] = await sql<{ id: string }>(
      `INSERT INTO terms (name, starts_on, ends_on) VALUES ('第五届', '2026-01-01', '2030-12-31') RETURNING id`,
    );
    const [session] = await sql<{ id: string }>(
      `INSERT INTO congress_sessions (term_id, name, starts_at, place, status)
       VALUES ($1, '第一次会议', '2026-03-01T01:00:00Z', '礼堂', 'in_session') RETURNING id`,
      [term!.id],
    );
    const [delegate] = await sql<{ id: string }>(
      `INSERT INTO delegates (term_id, name, employee_number, kind)
       VALUES ($1, '代表1', 'E1000', 'attendee') RETURNING id`,
      [term!.id],
    );
    const incident = async (status: string, decided: boolean) =>
      (
        await sql<{ id: string }>(
          `INSERT INTO session_incidents (session_id, kind, delegate_id, reason, status,
             requested_by, requested_at, decided_by, decided_at)
           VALUES ($1, 'login_code_reissue', $2, '平板遗失', $3, $4, '2026-03-01T02:00:00Z', $5, $6)
           RETURNING id`,
          [
            session!.id,
            delegate!.id,
            status,
            asker!.id,
            decided ? second!.id : null,
            decided ? '2026-03-01T02:05:00Z' : null,
          ],
        )
      )[0]!.id;
    const approved = await incident('approved', true);
    const refused = await incident('refused', true);
    const waiting = await incident('requested', false);

    await migrate(migrations.length);

    const rows = await sql(
      `SELECT id, status, decided_by_delegate_id, approver_role, decided_via,
         to_char(code_issued_at AT TIME ZONE 'UTC', 'HH24:MI') AS issued
       FROM session_incidents ORDER BY status`,
    );
    expect(rows).toEqual([
      {
        id: approved,
        status: 'approved',
        decided_by_delegate_id: null,
        approver_role: null,
        decided_via: null,
        issued: '02:05',
      },
      {
        id: refused,
        status: 'refused',
        decided_by_delegate_id: null,
        approver_role: null,
        decided_via: null,
        issued: null,
      },
      {
        id: waiting,
        status: 'requested',
        decided_by_delegate_id: null,
        approver_role: null,
        decided_via: null,
        issued: null,
      },
    ]);
    // The old rows stay as they were; a new decision without its presidium member or teller is refused.
    await expect(
      sql(`UPDATE session_incidents SET code_issued_at = now() WHERE id = $1`, [approved]),
    ).rejects.toThrow(/code issue time once/);
    await expect(
      sql(
        `UPDATE session_incidents SET status = 'refused', decided_by = $2, decided_at = now() WHERE id = $1`,
        [waiting, second!.id],
      ),
    ).rejects.toThrow(/session_incidents_decided_by_congress/);
  });
});
