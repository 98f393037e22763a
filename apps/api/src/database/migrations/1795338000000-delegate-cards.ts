import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 代表证: one live card per seat, whose QR code and printed 证号 identify the seat for check-in at
 * the door. Only the SHA-256 of the card code is kept; printing a seat's card again revokes its
 * older card. Attendance gains the method `card` (checked in at the door by staff scanning it).
 */
export class DelegateCards1795338000000 implements MigrationInterface {
  name = 'DelegateCards1795338000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE delegate_cards (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        delegate_id uuid NOT NULL REFERENCES delegates(id),
        code_hash text NOT NULL,
        issued_by uuid REFERENCES users(id),
        issued_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX delegate_cards_code_hash_key ON delegate_cards (code_hash)`);
    await q.query(
      `CREATE UNIQUE INDEX delegate_cards_one_live_per_seat ON delegate_cards (delegate_id) WHERE revoked_at IS NULL`,
    );
    await q.query(`ALTER TABLE attendance DROP CONSTRAINT attendance_method_check`);
    await q.query(
      `ALTER TABLE attendance ADD CONSTRAINT attendance_method_check CHECK (method IN ('tablet','staff','card'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE attendance DROP CONSTRAINT attendance_method_check`);
    await q.query(
      `ALTER TABLE attendance ADD CONSTRAINT attendance_method_check CHECK (method IN ('tablet','staff'))`,
    );
    await q.query(`DROP TABLE delegate_cards`);
  }
}
