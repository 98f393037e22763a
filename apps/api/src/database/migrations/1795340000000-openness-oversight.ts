import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 厂务公开 oversight: reminders of plan lines falling due (one row per line and kind, so a
 * reminder is sent once whatever the restarts or api processes), the supervision group's role
 * (`supervisor`, 监督检查小组), its checks with their findings and the notices (通报) sent from them.
 */
export class OpennessOversight1795340000000 implements MigrationInterface {
  name = 'OpennessOversight1795340000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_role_check
      CHECK (role IN ('admin','staff','secretary','delegate','attendee','department','employee','supervisor'))`);

    await q.query(`
      CREATE TABLE openness_reminders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_entry_id uuid NOT NULL REFERENCES openness_plan_entries(id),
        kind text NOT NULL CHECK (kind IN ('due_soon','overdue')),
        sent_at timestamptz NOT NULL,
        recipients integer NOT NULL CHECK (recipients >= 0),
        UNIQUE (plan_entry_id, kind)
      )`);

    await q.query(`
      CREATE TABLE openness_checks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        period_from date NOT NULL,
        period_to date NOT NULL,
        run_by uuid NOT NULL REFERENCES users(id),
        run_at timestamptz NOT NULL,
        findings jsonb NOT NULL,
        CHECK (period_to >= period_from)
      )`);
    await q.query(`CREATE INDEX openness_checks_run_at_idx ON openness_checks (run_at)`);

    await q.query(`
      CREATE TABLE openness_notices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        check_id uuid NOT NULL REFERENCES openness_checks(id),
        department_id uuid NOT NULL REFERENCES departments(id),
        body text NOT NULL,
        findings jsonb NOT NULL,
        sent_by uuid NOT NULL REFERENCES users(id),
        sent_at timestamptz NOT NULL,
        UNIQUE (check_id, department_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE openness_notices`);
    await q.query(`DROP TABLE openness_checks`);
    await q.query(`DROP TABLE openness_reminders`);
    await q.query(`DELETE FROM users WHERE role = 'supervisor'`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_role_check
      CHECK (role IN ('admin','staff','secretary','delegate','attendee','department','employee'))`);
  }
}
