import type { MigrationInterface, QueryRunner } from 'typeorm';

// The wording of the void written into polls an old database leaves open: copied on purpose, a
// migration never changes.
const VOID_REASON = '系统升级：托管密钥已从数据库删除，该无记名表决无法计票，作废，须重新表决';

/**
 * Tellers' keys (监票人): one dealerless key ceremony per session, relayed and checked by the
 * server, which never holds a secret; the tellers' partial decryptions at each close; and no
 * more custodian secret in the database.
 *
 * An old database: a secret poll that is still open, or closed and not yet decided, had its only
 * key in `polls.custodian_secret`, which this migration drops. It can never be decrypted, so it is
 * closed and decided void with the reason above (its ballots stay on the board); staff open it
 * again. Decided polls keep their record.
 */
export class Tellers1795318000000 implements MigrationInterface {
  name = 'Tellers1795318000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE teller_ceremonies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES congress_sessions(id),
        -- libs/ballot's ceremonyId: bound into every proof, share and signature of the ceremony.
        ceremony_key_id text NOT NULL UNIQUE,
        tellers integer NOT NULL CHECK (tellers >= 3),
        threshold integer NOT NULL CHECK (threshold >= 2 AND threshold <= tellers),
        status text NOT NULL CHECK (status IN ('collecting','ready','failed')),
        -- Set when ready: the verified public transcript, the key and its fingerprint.
        transcript jsonb,
        ceremony_key jsonb,
        fingerprint text CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
        short_fingerprint text,
        -- Set when failed: the adjudicated complaints (libs/ballot Verdict[]) or the failed check.
        failure jsonb,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL,
        ended_at timestamptz,
        CHECK ((status = 'ready') = (transcript IS NOT NULL AND fingerprint IS NOT NULL))
      )`);
    // One ceremony at a time per session: a failed one is followed by a new one.
    await q.query(`CREATE UNIQUE INDEX teller_ceremonies_session_live_key
      ON teller_ceremonies (session_id) WHERE status <> 'failed'`);

    await q.query(`
      CREATE TABLE ceremony_tellers (
        ceremony_id uuid NOT NULL REFERENCES teller_ceremonies(id),
        teller_index integer NOT NULL CHECK (teller_index >= 1),
        user_id uuid NOT NULL REFERENCES users(id),
        PRIMARY KEY (ceremony_id, teller_index),
        UNIQUE (ceremony_id, user_id)
      )`);
    await q.query(`CREATE INDEX ceremony_tellers_user_idx ON ceremony_tellers (user_id)`);

    // Every message a teller's device published (no secret in any of them), checked on arrival.
    await q.query(`
      CREATE TABLE ceremony_messages (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        ceremony_id uuid NOT NULL REFERENCES teller_ceremonies(id),
        kind text NOT NULL CHECK (kind IN ('round1','round2','complaint','ack')),
        teller_index integer NOT NULL,
        message jsonb NOT NULL,
        received_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX ceremony_messages_one_key
      ON ceremony_messages (ceremony_id, kind, teller_index) WHERE kind <> 'complaint'`);

    await q.query(`ALTER TABLE polls DROP CONSTRAINT IF EXISTS polls_key_mode_check`);
    await q.query(`
      ALTER TABLE polls
        ADD CONSTRAINT polls_key_mode_check CHECK (key_mode IN ('custodian','tellers')),
        ADD COLUMN ceremony_id uuid REFERENCES teller_ceremonies(id),
        ADD CONSTRAINT polls_tellers_ceremony_check
          CHECK ((key_mode = 'tellers') = (ceremony_id IS NOT NULL))`);

    // Partial decryptions received at a close: accepted (checked against the tally) or refused
    // with the reason, both kept for the minutes.
    await q.query(`
      CREATE TABLE poll_partials (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        poll_id uuid NOT NULL REFERENCES polls(id),
        teller_index integer NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id),
        partial jsonb NOT NULL,
        accepted boolean NOT NULL,
        reason text,
        received_at timestamptz NOT NULL,
        CHECK (accepted = (reason IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX poll_partials_accepted_key
      ON poll_partials (poll_id, teller_index) WHERE accepted`);

    // Polls whose only key is about to be dropped: void, with the reason (see the class comment).
    const result = (tally: string) => `jsonb_build_object(
        'decision', null, 'void', true, 'voidReason', '${VOID_REASON}',
        'issued', (issued->>'count')::int, 'returned', board_size, 'counts', '[]'::jsonb,
        'ballots', jsonb_build_object('cast', board_size, 'counted', 0, 'excluded', 0),
        'exclusions', '[]'::jsonb, 'keyMode', key_mode, 'tallyAt', ${tally})`;
    await q.query(`
      UPDATE polls SET status = 'closed', closed_at = coalesce(closed_at, now()),
        closed_by = coalesce(closed_by, opened_by),
        result = ${result(`to_jsonb(to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`)}
      WHERE secret AND result IS NULL`);
    await q.query(`ALTER TABLE polls DROP COLUMN custodian_secret`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The dropped secrets cannot come back; the column does, empty.
    await q.query(`ALTER TABLE polls ADD COLUMN custodian_secret jsonb`);
    await q.query(`DROP TABLE poll_partials`);
    await q.query(`UPDATE polls SET key_mode = 'custodian' WHERE key_mode = 'tellers'`);
    await q.query(`
      ALTER TABLE polls DROP CONSTRAINT polls_tellers_ceremony_check,
        DROP COLUMN ceremony_id, DROP CONSTRAINT polls_key_mode_check,
        ADD CONSTRAINT polls_key_mode_check CHECK (key_mode IN ('custodian'))`);
    await q.query(`DROP TABLE ceremony_messages`);
    await q.query(`DROP TABLE ceremony_tellers`);
    await q.query(`DROP TABLE teller_ceremonies`);
  }
}
