import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Attendance1795273200000 implements MigrationInterface {
  name = 'Attendance1795273200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attendance (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES congress_sessions(id),
        delegate_id uuid NOT NULL REFERENCES delegates(id),
        status text NOT NULL CHECK (status IN ('present','absent')),
        reason text,
        method text NOT NULL CHECK (method IN ('tablet','staff')),
        recorded_by uuid REFERENCES users(id),
        at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status = 'present' OR reason IS NOT NULL)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX attendance_session_delegate_key ON attendance (session_id, delegate_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE attendance`);
  }
}
