import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Polls1795276800000 implements MigrationInterface {
  name = 'Polls1795276800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE polls (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES congress_sessions(id),
        item_id uuid NOT NULL REFERENCES agenda_items(id),
        item_version integer NOT NULL,
        title text NOT NULL,
        vote_spec jsonb NOT NULL,
        secret boolean NOT NULL,
        key_mode text CHECK (key_mode IN ('custodian')),
        election_key jsonb,
        custodian_secret jsonb,
        status text NOT NULL CHECK (status IN ('open','closed')),
        quorum_at_open jsonb NOT NULL,
        opened_at timestamptz NOT NULL,
        opened_by uuid NOT NULL REFERENCES users(id),
        closed_at timestamptz,
        closed_by uuid REFERENCES users(id),
        result jsonb,
        -- json, not jsonb: the published record keeps the library's exact key order.
        record json,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (secret = (election_key IS NOT NULL))
      )`);
    // At most one open poll per agenda item.
    await q.query(
      `CREATE UNIQUE INDEX polls_item_open_key ON polls (item_id) WHERE status = 'open'`,
    );
    await q.query(`CREATE INDEX polls_session_idx ON polls (session_id)`);

    await q.query(`
      CREATE TABLE poll_ballots (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        poll_id uuid NOT NULL REFERENCES polls(id),
        delegate_id uuid NOT NULL REFERENCES delegates(id),
        credential text NOT NULL,
        ballot jsonb,
        open_choice jsonb,
        tracker text NOT NULL,
        received_at timestamptz NOT NULL,
        exclusion text,
        CHECK ((ballot IS NULL) <> (open_choice IS NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX poll_ballots_poll_delegate_key ON poll_ballots (poll_id, delegate_id)`,
    );
    // A ballot is never changed or removed; only its exclusion reason is written at close.
    await q.query(`
      CREATE FUNCTION poll_ballots_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR NEW.ballot IS DISTINCT FROM OLD.ballot OR NEW.open_choice IS DISTINCT FROM OLD.open_choice
           OR NEW.tracker <> OLD.tracker OR NEW.poll_id <> OLD.poll_id OR NEW.delegate_id <> OLD.delegate_id THEN
          RAISE EXCEPTION 'poll ballots are final: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER poll_ballots_final BEFORE UPDATE OR DELETE ON poll_ballots
      FOR EACH ROW EXECUTE FUNCTION poll_ballots_final()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE poll_ballots`);
    await q.query(`DROP FUNCTION poll_ballots_final()`);
    await q.query(`DROP TABLE polls`);
  }
}
