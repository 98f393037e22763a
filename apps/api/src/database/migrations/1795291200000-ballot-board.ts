import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ballot board of format version 2 (docs/ballot-design.md): at opening a poll records what
 * its record states (labels, rule), the ballots issued (发出) with their credentials, the board's
 * signing key and h_0; each ballot gets its board position, the chain head after it and the
 * receipt's signature; the board's head and size live on the poll row, whose lock orders the
 * appends of every api process; `verified` says the ballot's proofs were checked when it arrived
 * (the close does not check them again); `prepared` holds the close's board, exclusions and
 * encrypted tally while the decryption is awaited.
 *
 * An old database: closed polls keep their version 1 record (their ballots are numbered in board
 * order, without a chain). A poll still open cannot be carried over (it has no issued list and
 * no h_0): the migration stops and asks for it to be closed first.
 */
export class BallotBoard1795291200000 implements MigrationInterface {
  name = 'BallotBoard1795291200000';

  async up(q: QueryRunner): Promise<void> {
    const open = (await q.query(`SELECT count(*)::int AS n FROM polls WHERE status = 'open'`)) as {
      n: number;
    }[];
    if (open[0]!.n > 0)
      throw new Error(
        `${open[0]!.n} poll(s) still open: close them with the previous version before upgrading (表决进行中不能升级)`,
      );
    await q.query(`
      ALTER TABLE polls
        ADD COLUMN record_poll jsonb,
        ADD COLUMN issued jsonb,
        ADD COLUMN board_key text,
        ADD COLUMN board_genesis text,
        ADD COLUMN board_head text,
        ADD COLUMN board_size integer NOT NULL DEFAULT 0 CHECK (board_size >= 0),
        ADD COLUMN electorate jsonb,
        ADD COLUMN prepared json`);
    await q.query(`
      ALTER TABLE poll_ballots
        ADD COLUMN position integer CHECK (position >= 1),
        ADD COLUMN chain_head text,
        ADD COLUMN signature text,
        ADD COLUMN verified boolean NOT NULL DEFAULT false`);
    await q.query(`
      UPDATE poll_ballots b SET position = x.n
        FROM (SELECT id, row_number() OVER (PARTITION BY poll_id ORDER BY id) AS n FROM poll_ballots) x
       WHERE x.id = b.id`);
    await q.query(
      `UPDATE polls p SET board_size = (SELECT count(*) FROM poll_ballots b WHERE b.poll_id = p.id)`,
    );
    await q.query(
      `CREATE UNIQUE INDEX poll_ballots_poll_position_key ON poll_ballots (poll_id, position)`,
    );
    // A ballot stays as it was stored, with its place on the board; only the exclusion reason is
    // written at the close.
    await q.query(`
      CREATE OR REPLACE FUNCTION poll_ballots_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR NEW.ballot IS DISTINCT FROM OLD.ballot OR NEW.open_choice IS DISTINCT FROM OLD.open_choice
           OR NEW.tracker <> OLD.tracker OR NEW.poll_id <> OLD.poll_id OR NEW.delegate_id <> OLD.delegate_id
           OR NEW.credential <> OLD.credential OR NEW.received_at <> OLD.received_at
           OR NEW.position IS DISTINCT FROM OLD.position OR NEW.chain_head IS DISTINCT FROM OLD.chain_head
           OR NEW.signature IS DISTINCT FROM OLD.signature OR NEW.verified <> OLD.verified THEN
          RAISE EXCEPTION 'poll ballots are final: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION poll_ballots_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR NEW.ballot IS DISTINCT FROM OLD.ballot OR NEW.open_choice IS DISTINCT FROM OLD.open_choice
           OR NEW.tracker <> OLD.tracker OR NEW.poll_id <> OLD.poll_id OR NEW.delegate_id <> OLD.delegate_id THEN
          RAISE EXCEPTION 'poll ballots are final: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`DROP INDEX poll_ballots_poll_position_key`);
    await q.query(
      `ALTER TABLE poll_ballots DROP COLUMN position, DROP COLUMN chain_head, DROP COLUMN signature, DROP COLUMN verified`,
    );
    await q.query(`
      ALTER TABLE polls DROP COLUMN record_poll, DROP COLUMN issued, DROP COLUMN board_key,
        DROP COLUMN board_genesis, DROP COLUMN board_head, DROP COLUMN board_size, DROP COLUMN electorate, DROP COLUMN prepared`);
  }
}
