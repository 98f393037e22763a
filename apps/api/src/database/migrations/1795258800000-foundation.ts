import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795258800000 implements MigrationInterface {
  name = 'Foundation1795258800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL CHECK (username = lower(username) AND length(username) BETWEEN 1 AND 64),
        display_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin','staff','secretary','delegate','attendee','department')),
        password_hash text,
        disabled boolean NOT NULL DEFAULT false,
        must_change_password boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_username_key ON users (username)`);

    await q.query(`
      CREATE TABLE access_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        token_hash bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text
      )`);
    await q.query(`CREATE UNIQUE INDEX access_tokens_hash_key ON access_tokens (token_hash)`);
    await q.query(
      `CREATE INDEX access_tokens_user_idx ON access_tokens (user_id) WHERE revoked_at IS NULL`,
    );

    // rate-limiter-flexible's own layout (RateLimiterPostgres), shared by every api process.
    await q.query(`
      CREATE TABLE login_attempts (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);

    await q.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        actor_username text NOT NULL,
        actor_role text NOT NULL,
        action text NOT NULL,
        target text,
        details jsonb,
        ip text
      )`);
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log (at)`);
    // Append-only tables refuse changes in the database itself, whatever the application does.
    await q.query(`
      CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION refuse_change()`);
    await q.query(`DROP TABLE login_attempts`);
    await q.query(`DROP TABLE access_tokens`);
    await q.query(`DROP TABLE users`);
  }
}
