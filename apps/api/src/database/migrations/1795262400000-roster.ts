import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Roster1795262400000 implements MigrationInterface {
  name = 'Roster1795262400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE terms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL CHECK (ends_on > starts_on),
        settings jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE congress_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        term_id uuid NOT NULL REFERENCES terms(id),
        name text NOT NULL,
        starts_at timestamptz NOT NULL,
        place text NOT NULL,
        employees integer NOT NULL CHECK (employees >= 0),
        women integer NOT NULL CHECK (women >= 0 AND women <= employees),
        dispatched integer NOT NULL CHECK (dispatched >= 0 AND dispatched <= employees),
        settings jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft','preparing','circulated','in_session','closed','archived')),
        status_changed_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX congress_sessions_term_idx ON congress_sessions (term_id)`);

    await q.query(`
      CREATE TABLE departments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX departments_name_key ON departments (name)`);
    await q.query(`ALTER TABLE users ADD COLUMN department_id uuid REFERENCES departments(id)`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_department_role_check
      CHECK ((role = 'department') = (department_id IS NOT NULL))`);

    await q.query(`
      CREATE TABLE delegation_groups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        term_id uuid NOT NULL REFERENCES terms(id),
        name text NOT NULL,
        head_delegate_id uuid,
        sort_order integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX delegation_groups_term_name_key ON delegation_groups (term_id, name)`,
    );

    await q.query(`
      CREATE TABLE delegates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        term_id uuid NOT NULL REFERENCES terms(id),
        kind text NOT NULL CHECK (kind IN ('delegate','attendee')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
        employee_number text NOT NULL CHECK (employee_number ~ '^[A-Za-z0-9-]{1,32}$'),
        gender text CHECK (gender IN ('male','female')),
        group_id uuid REFERENCES delegation_groups(id),
        unit text,
        category text CHECK (category IN ('front_line','technician','manager','middle_manager','leader')),
        dispatched boolean NOT NULL DEFAULT false,
        presidium boolean NOT NULL DEFAULT false,
        teller boolean NOT NULL DEFAULT false,
        phone text,
        note text,
        status text NOT NULL DEFAULT 'serving' CHECK (status IN ('serving','recalled','replaced','left')),
        status_changed_at timestamptz NOT NULL DEFAULT now(),
        replaces_delegate_id uuid REFERENCES delegates(id),
        user_id uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- A voting delegate has a group, a category and a gender; an attendee may lack them.
        CHECK (kind = 'attendee' OR (group_id IS NOT NULL AND category IS NOT NULL AND gender IS NOT NULL)),
        CHECK (kind = 'delegate' OR (presidium = false AND teller = false))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX delegates_term_employee_key ON delegates (term_id, lower(employee_number))`,
    );
    await q.query(`CREATE INDEX delegates_term_status_idx ON delegates (term_id, status)`);
    await q.query(`CREATE UNIQUE INDEX delegates_term_user_key ON delegates (term_id, user_id)`);
    await q.query(`ALTER TABLE delegation_groups ADD CONSTRAINT delegation_groups_head_fkey
      FOREIGN KEY (head_delegate_id) REFERENCES delegates(id)`);

    await q.query(`
      CREATE TABLE delegate_status_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        delegate_id uuid NOT NULL REFERENCES delegates(id),
        from_status text,
        to_status text NOT NULL,
        reason text NOT NULL,
        recorded_by uuid REFERENCES users(id),
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX delegate_status_history_delegate_idx ON delegate_status_history (delegate_id)`,
    );
    await q.query(`CREATE TRIGGER delegate_status_history_append_only BEFORE UPDATE OR DELETE
      ON delegate_status_history FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`CREATE TRIGGER delegate_status_history_no_truncate BEFORE TRUNCATE
      ON delegate_status_history FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);

    await q.query(`
      CREATE TABLE login_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        code_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        issued_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_codes_user_live_idx ON login_codes (user_id)
      WHERE used_at IS NULL AND revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_codes`);
    await q.query(`DROP TABLE delegate_status_history`);
    await q.query(`ALTER TABLE delegation_groups DROP CONSTRAINT delegation_groups_head_fkey`);
    await q.query(`DROP TABLE delegates`);
    await q.query(`DROP TABLE delegation_groups`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_department_role_check`);
    await q.query(`ALTER TABLE users DROP COLUMN department_id`);
    await q.query(`DROP TABLE departments`);
    await q.query(`DROP TABLE congress_sessions`);
    await q.query(`DROP TABLE terms`);
  }
}
