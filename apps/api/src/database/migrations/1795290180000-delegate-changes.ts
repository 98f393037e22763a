import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An append-only record of every change to a seat's fields (by staff, or by a roster import
 * that updates the roster), beside the status history. Nothing before it was recorded, so it
 * starts empty.
 */
export class DelegateChanges1795290180000 implements MigrationInterface {
  name = 'DelegateChanges1795290180000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE delegate_changes (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        delegate_id uuid NOT NULL REFERENCES delegates(id),
        changes jsonb NOT NULL CHECK (jsonb_typeof(changes) = 'array' AND jsonb_array_length(changes) > 0),
        reason text NOT NULL,
        recorded_by uuid REFERENCES users(id),
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX delegate_changes_delegate_idx ON delegate_changes (delegate_id)`);
    await q.query(`CREATE TRIGGER delegate_changes_append_only BEFORE UPDATE OR DELETE
      ON delegate_changes FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`CREATE TRIGGER delegate_changes_no_truncate BEFORE TRUNCATE
      ON delegate_changes FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE delegate_changes`);
  }
}
