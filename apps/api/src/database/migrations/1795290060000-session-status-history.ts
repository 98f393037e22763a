import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An append-only history of each session's status: who moved it and when, and the reason given
 * when a date rule asked for a confirmation (e.g. opening a session days before its date).
 * Existing sessions start their history with one row: the status they have now, at the time
 * they got it, marked as recorded by this upgrade.
 */
export class SessionStatusHistory1795290060000 implements MigrationInterface {
  name = 'SessionStatusHistory1795290060000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE session_status_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES congress_sessions(id),
        from_status text,
        to_status text NOT NULL,
        reason text,
        confirmed_findings jsonb NOT NULL DEFAULT '[]',
        recorded_by uuid REFERENCES users(id),
        at timestamptz NOT NULL DEFAULT now(),
        -- A confirmation is never recorded without its reason.
        CHECK (confirmed_findings = '[]' OR length(reason) > 0)
      )`);
    await q.query(
      `CREATE INDEX session_status_history_session_idx ON session_status_history (session_id)`,
    );
    await q.query(`CREATE TRIGGER session_status_history_append_only BEFORE UPDATE OR DELETE
      ON session_status_history FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`CREATE TRIGGER session_status_history_no_truncate BEFORE TRUNCATE
      ON session_status_history FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
    await q.query(`
      INSERT INTO session_status_history (session_id, from_status, to_status, reason, at)
      SELECT id, NULL, status, '升级前已有的状态', status_changed_at FROM congress_sessions`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE session_status_history`);
  }
}
