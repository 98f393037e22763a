import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A log-in code re-issued during a session is approved by a person of the congress: a presidium
 * member (主席团成员) or a teller (监票人) of the session's term, on their own tablet or in person
 * with a staff member recording it. The approval no longer issues the code by itself: a staff
 * member issues it afterwards, once, at the console (an in-person approval does both at once).
 *
 * - `decided_by_delegate_id`: the presidium member or teller who approved or refused. Requests
 *   decided before this migration (by a second staff member or an admin) keep it null.
 * - `approver_role`: `presidium` or `teller`, as the approver was when deciding.
 * - `decided_via`: `tablet` (the member's own account) or `recorded` (staff recorded it).
 * - `code_issued_at`: when the new code was made; requests approved before this migration had
 *   their code made at the approval, so they get their decision time.
 *
 * The `session_incidents_decide_once` trigger now allows a request's one decision and, after an
 * approval, the one write of the code's issue time; nothing else changes, and nothing is deleted.
 */
export class ReissueApprovers1795348000000 implements MigrationInterface {
  name = 'ReissueApprovers1795348000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE session_incidents
        ADD COLUMN decided_by_delegate_id uuid REFERENCES delegates(id),
        ADD COLUMN approver_role text CHECK (approver_role IN ('presidium', 'teller')),
        ADD COLUMN decided_via text CHECK (decided_via IN ('tablet', 'recorded')),
        ADD COLUMN code_issued_at timestamptz`);
    await q.query(`
      CREATE OR REPLACE FUNCTION session_incidents_decide_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.session_id <> OLD.session_id OR NEW.kind <> OLD.kind
          OR NEW.delegate_id <> OLD.delegate_id OR NEW.reason <> OLD.reason
          OR NEW.requested_by <> OLD.requested_by OR NEW.requested_at <> OLD.requested_at THEN
          RAISE EXCEPTION 'session_incidents: only a request''s one decision may be written';
        END IF;
        IF OLD.status <> 'requested' THEN
          -- Decided: only the code's issue time of an approval, written once.
          IF OLD.status <> 'approved' OR OLD.code_issued_at IS NOT NULL OR NEW.code_issued_at IS NULL
            OR NEW.status IS DISTINCT FROM OLD.status
            OR NEW.decided_by IS DISTINCT FROM OLD.decided_by
            OR NEW.decided_at IS DISTINCT FROM OLD.decided_at
            OR NEW.decided_by_delegate_id IS DISTINCT FROM OLD.decided_by_delegate_id
            OR NEW.approver_role IS DISTINCT FROM OLD.approver_role
            OR NEW.decided_via IS DISTINCT FROM OLD.decided_via THEN
            RAISE EXCEPTION 'session_incidents: only a request''s one decision may be written, then an approval''s code issue time once';
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `UPDATE session_incidents SET code_issued_at = decided_at WHERE status = 'approved'`,
    );
    await q.query(`
      ALTER TABLE session_incidents
        ADD CONSTRAINT session_incidents_approver_with_way
          CHECK ((decided_by_delegate_id IS NULL) = (decided_via IS NULL)
            AND (decided_by_delegate_id IS NULL) = (approver_role IS NULL)),
        ADD CONSTRAINT session_incidents_waiting_undecided
          CHECK (status <> 'requested' OR decided_by_delegate_id IS NULL),
        -- The approver is never the delegate whose code is re-issued.
        ADD CONSTRAINT session_incidents_approver_not_concerned
          CHECK (decided_by_delegate_id IS NULL OR decided_by_delegate_id <> delegate_id),
        ADD CONSTRAINT session_incidents_issued_if_approved
          CHECK (code_issued_at IS NULL OR status = 'approved')`);
    // From now on every decision names its presidium member or teller. NOT VALID: the rows
    // decided before this migration (by staff or an admin) are kept as they were; the trigger
    // keeps them from being changed, so no row can be written without an approver any more.
    await q.query(`
      ALTER TABLE session_incidents
        ADD CONSTRAINT session_incidents_decided_by_congress
          CHECK (status = 'requested' OR decided_by_delegate_id IS NOT NULL) NOT VALID`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE session_incidents
        DROP CONSTRAINT session_incidents_decided_by_congress,
        DROP CONSTRAINT session_incidents_issued_if_approved,
        DROP CONSTRAINT session_incidents_approver_not_concerned,
        DROP CONSTRAINT session_incidents_waiting_undecided,
        DROP CONSTRAINT session_incidents_approver_with_way`);
    await q.query(`
      CREATE OR REPLACE FUNCTION session_incidents_decide_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status <> 'requested'
          OR NEW.session_id <> OLD.session_id OR NEW.kind <> OLD.kind
          OR NEW.delegate_id <> OLD.delegate_id OR NEW.reason <> OLD.reason
          OR NEW.requested_by <> OLD.requested_by OR NEW.requested_at <> OLD.requested_at THEN
          RAISE EXCEPTION 'session_incidents: only a request''s one decision may be written';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      ALTER TABLE session_incidents
        DROP COLUMN code_issued_at,
        DROP COLUMN decided_via,
        DROP COLUMN approver_role,
        DROP COLUMN decided_by_delegate_id`);
  }
}
