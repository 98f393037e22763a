import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `polls.issued_count`: how many ballots were issued (发出), kept by PostgreSQL from `issued`.
 * Every tablet reads the session's polls after each poll is opened; with `issued` in the row that
 * was every poll's credentials (~140 KB of JSON per poll for 2,000 delegates) per tablet. Poll
 * views now read the count alone and `issued` is read only where the credentials are needed.
 */
export class PollIssuedCount1795352000000 implements MigrationInterface {
  name = 'PollIssuedCount1795352000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE polls ADD COLUMN issued_count integer
         GENERATED ALWAYS AS ((issued->>'count')::integer) STORED`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE polls DROP COLUMN issued_count`);
  }
}
