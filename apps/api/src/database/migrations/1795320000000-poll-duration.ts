import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A poll's preset duration (GB 50799 §6.2: a preset time with a countdown, or closed by the
 * chair): when it ends, the api closes the poll itself. The partial index is what the closing
 * sweep reads once a second.
 */
export class PollDuration1795320000000 implements MigrationInterface {
  name = 'PollDuration1795320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE polls ADD COLUMN closes_at timestamptz`);
    await q.query(
      `ALTER TABLE polls ADD CONSTRAINT polls_closes_after_opening CHECK (closes_at IS NULL OR closes_at > opened_at)`,
    );
    await q.query(
      `CREATE INDEX polls_due_to_close ON polls (closes_at) WHERE status = 'open' AND closes_at IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX polls_due_to_close`);
    await q.query(`ALTER TABLE polls DROP COLUMN closes_at`);
  }
}
