import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Log-in codes are issued in batches: a batch says for which term and session, until when, in
 * which formats it was handed out and how many earlier live codes it revoked. Codes issued
 * before this have no batch (batch_id NULL) and keep working until their own expiry.
 */
export class LoginCodeBatches1795290120000 implements MigrationInterface {
  name = 'LoginCodeBatches1795290120000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_code_batches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        term_id uuid NOT NULL REFERENCES terms(id),
        session_id uuid REFERENCES congress_sessions(id),
        expires_at timestamptz NOT NULL,
        expiry_basis text NOT NULL CHECK (expiry_basis IN ('session', 'hours')),
        formats text[] NOT NULL CHECK (formats <@ ARRAY['pdf', 'xlsx', 'json'] AND cardinality(formats) > 0),
        codes integer NOT NULL CHECK (codes > 0),
        revoked_codes integer NOT NULL CHECK (revoked_codes >= 0),
        issued_by uuid REFERENCES users(id),
        issued_at timestamptz NOT NULL DEFAULT now(),
        CHECK (expiry_basis = 'hours' OR session_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX login_code_batches_term_idx ON login_code_batches (term_id)`);
    await q.query(
      `ALTER TABLE login_codes ADD COLUMN batch_id uuid REFERENCES login_code_batches(id)`,
    );
    await q.query(`CREATE INDEX login_codes_batch_idx ON login_codes (batch_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE login_codes DROP COLUMN batch_id`);
    await q.query(`DROP TABLE login_code_batches`);
  }
}
