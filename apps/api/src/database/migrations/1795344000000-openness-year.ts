import type { MigrationInterface, QueryRunner } from 'typeorm';

// libs/minutes ARCHIVE_KINDS as of this migration: copied on purpose, a migration never changes.
const KINDS_BEFORE = [
  'minutes',
  'correction',
  'election_record',
  'tally',
  'resolution',
  'publication',
  'proposals_report',
];
const KINDS_AFTER = [...KINDS_BEFORE, 'openness_records'];
const kindCheck = (kinds: string[]) =>
  `ALTER TABLE archive_entries ADD CONSTRAINT archive_entries_kind_check CHECK (kind IN (${kinds
    .map((k) => `'${k}'`)
    .join(',')}))`;

/**
 * 厂务公开's year: the archive takes a year's record forms (PDF) as its own entry kind, and each
 * year may name the secret evaluation poll among the delegates that is its 满意度测评.
 */
export class OpennessYear1795344000000 implements MigrationInterface {
  name = 'OpennessYear1795344000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE archive_entries DROP CONSTRAINT archive_entries_kind_check`);
    await q.query(kindCheck(KINDS_AFTER));
    // One poll per year, one year per poll; staff may choose another poll for the year later.
    await q.query(`
      CREATE TABLE openness_satisfaction (
        year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        poll_id uuid NOT NULL UNIQUE REFERENCES polls(id),
        linked_at timestamptz NOT NULL,
        linked_by uuid NOT NULL REFERENCES users(id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE openness_satisfaction`);
    await q.query(`ALTER TABLE archive_entries DROP CONSTRAINT archive_entries_kind_check`);
    await q.query(kindCheck(KINDS_BEFORE));
  }
}
