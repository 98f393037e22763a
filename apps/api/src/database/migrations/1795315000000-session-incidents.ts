import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 会议异常事项: a tablet log-in code re-issued during a session for a delegate who had checked in
 * is asked for by one staff member and approved (or refused) by another person; the row is the
 * record the console, the projector and the minutes read. A row is never deleted, and once
 * decided it never changes: the only update allowed is the one decision of a request.
 */
export class SessionIncidents1795315000000 implements MigrationInterface {
  name = 'SessionIncidents1795315000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE session_incidents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES congress_sessions(id),
        kind text NOT NULL CHECK (kind IN ('login_code_reissue')),
        delegate_id uuid NOT NULL REFERENCES delegates(id),
        reason text NOT NULL CHECK (length(reason) > 0),
        status text NOT NULL CHECK (status IN ('requested', 'approved', 'refused')),
        requested_by uuid NOT NULL REFERENCES users(id),
        requested_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        CHECK ((status = 'requested') = (decided_by IS NULL)),
        CHECK ((decided_by IS NULL) = (decided_at IS NULL)),
        -- The second person is a different account: one person cannot approve their own request.
        CHECK (decided_by IS NULL OR decided_by <> requested_by)
      )`);
    await q.query(`CREATE INDEX session_incidents_session_idx ON session_incidents (session_id)`);
    await q.query(`
      CREATE FUNCTION session_incidents_decide_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status <> 'requested'
          OR NEW.session_id <> OLD.session_id OR NEW.kind <> OLD.kind
          OR NEW.delegate_id <> OLD.delegate_id OR NEW.reason <> OLD.reason
          OR NEW.requested_by <> OLD.requested_by OR NEW.requested_at <> OLD.requested_at THEN
          RAISE EXCEPTION 'session_incidents: only a request''s one decision may be written';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER session_incidents_decide_once BEFORE UPDATE
      ON session_incidents FOR EACH ROW EXECUTE FUNCTION session_incidents_decide_once()`);
    await q.query(`CREATE TRIGGER session_incidents_no_delete BEFORE DELETE
      ON session_incidents FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`CREATE TRIGGER session_incidents_no_truncate BEFORE TRUNCATE
      ON session_incidents FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE session_incidents`);
    await q.query(`DROP FUNCTION session_incidents_decide_once()`);
  }
}
