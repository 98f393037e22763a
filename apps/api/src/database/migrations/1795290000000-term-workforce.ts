import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The workforce figures move to the term, so the composition can be checked before any session
 * exists; a session keeps figures only where they differ from its term's (an override).
 *
 * Existing data: each term takes the figures of its latest session (by start time), the most
 * recent head count there is. A session whose figures equal its term's then drops them (it
 * inherits the same numbers); one whose figures differ keeps them as its override. So every
 * session's figures in force are the same before and after.
 */
export class TermWorkforce1795290000000 implements MigrationInterface {
  name = 'TermWorkforce1795290000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE terms
        ADD COLUMN employees integer,
        ADD COLUMN women integer,
        ADD COLUMN dispatched integer,
        ADD CONSTRAINT terms_workforce_check
          CHECK (employees >= 0 AND women BETWEEN 0 AND employees AND dispatched BETWEEN 0 AND employees),
        ADD CONSTRAINT terms_workforce_all_or_none
          CHECK ((employees IS NULL) = (women IS NULL) AND (employees IS NULL) = (dispatched IS NULL))`);
    await q.query(`
      UPDATE terms t SET employees = s.employees, women = s.women, dispatched = s.dispatched
      FROM (
        SELECT DISTINCT ON (term_id) term_id, employees, women, dispatched
        FROM congress_sessions ORDER BY term_id, starts_at DESC, created_at DESC
      ) s
      WHERE s.term_id = t.id`);

    await q.query(`
      ALTER TABLE congress_sessions
        ALTER COLUMN employees DROP NOT NULL,
        ALTER COLUMN women DROP NOT NULL,
        ALTER COLUMN dispatched DROP NOT NULL,
        ADD CONSTRAINT congress_sessions_workforce_all_or_none
          CHECK ((employees IS NULL) = (women IS NULL) AND (employees IS NULL) = (dispatched IS NULL))`);
    await q.query(`
      UPDATE congress_sessions s SET employees = NULL, women = NULL, dispatched = NULL
      FROM terms t
      WHERE t.id = s.term_id
        AND (s.employees, s.women, s.dispatched) = (t.employees, t.women, t.dispatched)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE congress_sessions s SET employees = t.employees, women = t.women, dispatched = t.dispatched
      FROM terms t
      WHERE t.id = s.term_id AND s.employees IS NULL`);
    // A session of a term without figures had none to give back: 0 means "not filled in".
    await q.query(`
      UPDATE congress_sessions SET employees = 0, women = 0, dispatched = 0
      WHERE employees IS NULL`);
    await q.query(`
      ALTER TABLE congress_sessions
        DROP CONSTRAINT congress_sessions_workforce_all_or_none,
        ALTER COLUMN employees SET NOT NULL,
        ALTER COLUMN women SET NOT NULL,
        ALTER COLUMN dispatched SET NOT NULL`);
    await q.query(`
      ALTER TABLE terms
        DROP CONSTRAINT terms_workforce_all_or_none,
        DROP CONSTRAINT terms_workforce_check,
        DROP COLUMN dispatched,
        DROP COLUMN women,
        DROP COLUMN employees`);
  }
}
