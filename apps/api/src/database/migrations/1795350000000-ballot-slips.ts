import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ballot slips (投票凭证, docs/ballot-design.md): credentials the server cannot forge.
 *
 * - `slip_batches`: each teller's device uploads, once per session, the public keys of the slips
 *   it printed (sorted, distinct; the secret keys stay on paper). `teller` is the teller's index
 *   in the session's ready ceremony, which is named.
 * - `polls.slips`: the batches a poll opened "with slips" binds (libs/ballot `RecordSlips`), null
 *   otherwise; `polls.with_slips` says so without reading the keys.
 * - `poll_ballots.slips`: a ballot's slip signatures (libs/ballot `SlipSignature[]`), null outside
 *   slips mode.
 * - `poll_slip_keys`: which voter each slip key signed for in a poll. Its primary key makes "a
 *   slip already used by another delegate" hold across every api process and concurrent casts.
 */
export class BallotSlips1795350000000 implements MigrationInterface {
  name = 'BallotSlips1795350000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE slip_batches (
        session_id uuid NOT NULL REFERENCES congress_sessions(id),
        teller integer NOT NULL CHECK (teller BETWEEN 1 AND 64),
        ceremony_id uuid NOT NULL REFERENCES teller_ceremonies(id),
        public_keys jsonb NOT NULL CHECK (jsonb_typeof(public_keys) = 'array'),
        count integer NOT NULL CHECK (count >= 1 AND count = jsonb_array_length(public_keys)),
        digest text NOT NULL CHECK (digest ~ '^[0-9a-f]{64}$'),
        uploaded_by uuid NOT NULL REFERENCES users(id),
        uploaded_at timestamptz NOT NULL,
        PRIMARY KEY (session_id, teller)
      )`);
    await q.query(`ALTER TABLE polls ADD COLUMN slips jsonb`);
    // Poll views say whether a poll takes slips without reading every slip key.
    await q.query(
      `ALTER TABLE polls ADD COLUMN with_slips boolean GENERATED ALWAYS AS (slips IS NOT NULL) STORED`,
    );
    await q.query(`ALTER TABLE poll_ballots ADD COLUMN slips jsonb`);
    await q.query(`
      CREATE TABLE poll_slip_keys (
        poll_id uuid NOT NULL REFERENCES polls(id),
        public_key text NOT NULL CHECK (public_key ~ '^[0-9a-f]{64}$'),
        voter text NOT NULL,
        PRIMARY KEY (poll_id, public_key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE poll_slip_keys`);
    await q.query(`ALTER TABLE poll_ballots DROP COLUMN slips`);
    await q.query(`ALTER TABLE polls DROP COLUMN with_slips`);
    await q.query(`ALTER TABLE polls DROP COLUMN slips`);
    await q.query(`DROP TABLE slip_batches`);
  }
}
