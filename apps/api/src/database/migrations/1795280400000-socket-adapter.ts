import type { MigrationInterface, QueryRunner } from 'typeorm';

/** @socket.io/postgres-adapter's table for payloads too large for NOTIFY (its documented layout). */
export class SocketAdapter1795280400000 implements MigrationInterface {
  name = 'SocketAdapter1795280400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE socket_io_attachments (
        id bigserial UNIQUE,
        created_at timestamptz DEFAULT now(),
        payload bytea
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE socket_io_attachments`);
  }
}
