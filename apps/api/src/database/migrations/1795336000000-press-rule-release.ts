import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * GB 50799 §6.2, chosen per poll: which press counts (`press_rule`: `first`, or `last` with a
 * ballot changeable until the close) and when the result is shown (`result_release`: at once, or
 * `held` until the chair releases it, `released_at`/`released_by`).
 *
 * With `last`, a delegate's older ballot stays on the board (its row, position, chain head and
 * signature are kept) and is marked `superseded_by` the newer one's position, written once in the
 * same transaction that appends the newer. The one-ballot rule becomes one **current** ballot per
 * delegate: the unique index covers only the rows not superseded. Polls opened before keep
 * `first` and `immediate`.
 */
export class PressRuleRelease1795336000000 implements MigrationInterface {
  name = 'PressRuleRelease1795336000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE polls
        ADD COLUMN press_rule text NOT NULL DEFAULT 'first' CHECK (press_rule IN ('first', 'last')),
        ADD COLUMN result_release text NOT NULL DEFAULT 'immediate'
          CHECK (result_release IN ('immediate', 'held')),
        ADD COLUMN released_at timestamptz,
        ADD COLUMN released_by uuid,
        ADD CONSTRAINT polls_released_only_held CHECK (released_at IS NULL OR result_release = 'held')`);
    await q.query(
      `ALTER TABLE poll_ballots ADD COLUMN superseded_by integer CHECK (superseded_by > position)`,
    );
    await q.query(`DROP INDEX poll_ballots_poll_delegate_key`);
    await q.query(
      `CREATE UNIQUE INDEX poll_ballots_poll_delegate_key ON poll_ballots (poll_id, delegate_id) WHERE superseded_by IS NULL`,
    );
    // A ballot stays as it was stored; the close writes its exclusion reason, a newer ballot of
    // the same delegate (last press counts) writes superseded_by once.
    await q.query(`
      CREATE OR REPLACE FUNCTION poll_ballots_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR NEW.ballot IS DISTINCT FROM OLD.ballot OR NEW.open_choice IS DISTINCT FROM OLD.open_choice
           OR NEW.tracker <> OLD.tracker OR NEW.poll_id <> OLD.poll_id OR NEW.delegate_id <> OLD.delegate_id
           OR NEW.credential <> OLD.credential OR NEW.received_at <> OLD.received_at
           OR NEW.position IS DISTINCT FROM OLD.position OR NEW.chain_head IS DISTINCT FROM OLD.chain_head
           OR NEW.signature IS DISTINCT FROM OLD.signature OR NEW.verified <> OLD.verified
           OR (OLD.superseded_by IS NOT NULL AND NEW.superseded_by IS DISTINCT FROM OLD.superseded_by) THEN
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
           OR NEW.tracker <> OLD.tracker OR NEW.poll_id <> OLD.poll_id OR NEW.delegate_id <> OLD.delegate_id
           OR NEW.credential <> OLD.credential OR NEW.received_at <> OLD.received_at
           OR NEW.position IS DISTINCT FROM OLD.position OR NEW.chain_head IS DISTINCT FROM OLD.chain_head
           OR NEW.signature IS DISTINCT FROM OLD.signature OR NEW.verified <> OLD.verified THEN
          RAISE EXCEPTION 'poll ballots are final: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`DROP INDEX poll_ballots_poll_delegate_key`);
    await q.query(
      `CREATE UNIQUE INDEX poll_ballots_poll_delegate_key ON poll_ballots (poll_id, delegate_id)`,
    );
    await q.query(`ALTER TABLE poll_ballots DROP COLUMN superseded_by`);
    await q.query(`
      ALTER TABLE polls DROP CONSTRAINT polls_released_only_held, DROP COLUMN press_rule,
        DROP COLUMN result_release, DROP COLUMN released_at, DROP COLUMN released_by`);
  }
}
