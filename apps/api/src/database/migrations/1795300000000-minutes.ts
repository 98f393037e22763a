import type { MigrationInterface, QueryRunner } from 'typeorm';

const HEX64 = `~ '^[0-9a-f]{64}$'`;
// libs/minutes ARCHIVE_KINDS as of this migration: copied on purpose, a migration never changes.
const ARCHIVE_KINDS = [
  'minutes',
  'correction',
  'election_record',
  'tally',
  'resolution',
  'publication',
  'proposals_report',
];

/** The minutes module's tables: drafts, frozen minutes, signers' public keys, signatures, the archive. */
export class Minutes1795300000000 implements MigrationInterface {
  name = 'Minutes1795300000000';

  async up(q: QueryRunner): Promise<void> {
    const appendOnly = async (table: string) => {
      await q.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
    };

    // The presiding chairs (执行主席) a session names: presidium members, in order.
    await q.query(`
      CREATE TABLE session_chairs (
        session_id uuid NOT NULL REFERENCES congress_sessions(id),
        delegate_id uuid NOT NULL REFERENCES delegates(id),
        position integer NOT NULL CHECK (position >= 1),
        title text NOT NULL,
        PRIMARY KEY (session_id, delegate_id)
      )`);

    // A signer's public key (the private key never leaves the signer's browser). A new key is a
    // new row; the newest one of a user is the one they sign with.
    await q.query(`
      CREATE TABLE signer_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        algorithm text NOT NULL CHECK (algorithm IN ('ed25519','sm2-sm3')),
        public_key text NOT NULL CHECK (public_key ~ '^[0-9a-f]+$'),
        fingerprint text NOT NULL CHECK (fingerprint ${HEX64}),
        registered_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX signer_keys_fingerprint_key ON signer_keys (fingerprint)`);
    await q.query(`CREATE INDEX signer_keys_user_idx ON signer_keys (user_id, registered_at DESC)`);
    await appendOnly('signer_keys');

    await q.query(`
      CREATE TABLE minutes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES congress_sessions(id),
        corrects_id uuid REFERENCES minutes(id),
        correction_reason text,
        recorder_user_id uuid NOT NULL REFERENCES users(id),
        recorder_name text NOT NULL,
        status text NOT NULL CHECK (status IN ('draft','final','archived')),
        created_at timestamptz NOT NULL,
        finalised_at timestamptz,
        finalised_by uuid REFERENCES users(id),
        -- The frozen document: its RFC 8785 canonical JSON, byte for byte what is hashed and signed.
        document text,
        document_hash text CHECK (document_hash ${HEX64}),
        archive_seq bigint,
        CHECK ((status = 'draft') = (document IS NULL)),
        CHECK ((document IS NULL) = (document_hash IS NULL)),
        CHECK ((document IS NULL) = (finalised_at IS NULL)),
        CHECK ((status = 'archived') = (archive_seq IS NOT NULL)),
        CHECK ((corrects_id IS NULL) = (correction_reason IS NULL))
      )`);
    // One minutes per session; corrections after it, one open at a time per corrected minutes.
    await q.query(
      `CREATE UNIQUE INDEX minutes_session_key ON minutes (session_id) WHERE corrects_id IS NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX minutes_open_correction_key ON minutes (corrects_id) WHERE status <> 'archived'`,
    );
    // Finalised minutes are frozen in the database itself: only the move to archived is allowed.
    await q.query(`
      CREATE FUNCTION minutes_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'minutes are never deleted' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.session_id <> OLD.session_id OR NEW.corrects_id IS DISTINCT FROM OLD.corrects_id
           OR NEW.recorder_user_id <> OLD.recorder_user_id
           OR (OLD.document IS NOT NULL AND (NEW.document IS DISTINCT FROM OLD.document
               OR NEW.document_hash IS DISTINCT FROM OLD.document_hash
               OR NEW.finalised_at IS DISTINCT FROM OLD.finalised_at))
           OR (OLD.archive_seq IS NOT NULL AND NEW.archive_seq IS DISTINCT FROM OLD.archive_seq)
           OR (OLD.status = 'final' AND NEW.status = 'draft')
           OR (OLD.status = 'archived' AND NEW.status <> 'archived') THEN
          RAISE EXCEPTION 'finalised minutes are frozen: % refused', TG_OP
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER minutes_frozen BEFORE UPDATE OR DELETE ON minutes
      FOR EACH ROW EXECUTE FUNCTION minutes_frozen()`);
    await q.query(`CREATE TRIGGER minutes_no_truncate BEFORE TRUNCATE ON minutes
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);

    // Every save of the secretary's text is a new version; none is overwritten.
    await q.query(`
      CREATE TABLE minutes_drafts (
        minutes_id uuid NOT NULL REFERENCES minutes(id),
        version integer NOT NULL CHECK (version >= 1),
        edits jsonb NOT NULL,
        saved_by uuid NOT NULL REFERENCES users(id),
        saved_at timestamptz NOT NULL,
        PRIMARY KEY (minutes_id, version)
      )`);
    await appendOnly('minutes_drafts');

    await q.query(`
      CREATE TABLE minutes_signatures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        minutes_id uuid NOT NULL REFERENCES minutes(id),
        role text NOT NULL CHECK (role IN ('secretary','chair','teller')),
        user_id uuid NOT NULL REFERENCES users(id),
        key_id uuid NOT NULL REFERENCES signer_keys(id),
        poll_id uuid REFERENCES polls(id),
        -- The signature object (libs/minutes MinutesSignature) as RFC 8785 canonical JSON.
        signature text NOT NULL,
        signed_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL,
        CHECK ((role = 'teller') = (poll_id IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX minutes_signatures_once_key ON minutes_signatures
      (minutes_id, role, user_id, coalesce(poll_id, '00000000-0000-0000-0000-000000000000'::uuid))`);
    await appendOnly('minutes_signatures');

    // The permanent archive: a hash chain (libs/minutes archive.ts). Each row is an ArchiveEntry
    // plus the content it archives and, for minutes, their signatures.
    await q.query(`
      CREATE TABLE archive_entries (
        seq bigint PRIMARY KEY CHECK (seq >= 1),
        kind text NOT NULL CHECK (kind IN (${ARCHIVE_KINDS.map((k) => `'${k}'`).join(',')})),
        title text NOT NULL,
        content_hash text NOT NULL CHECK (content_hash ${HEX64}),
        previous_hash text NOT NULL CHECK (previous_hash ${HEX64}),
        created_at timestamptz NOT NULL,
        links jsonb NOT NULL DEFAULT '{}',
        hash text NOT NULL CHECK (hash ${HEX64}),
        -- text, not jsonb: the content keeps its exact bytes (canonical JSON; election records in
        -- libs/ballot's member order, which its verifier needs).
        content text,
        signatures text
      )`);
    await q.query(`CREATE UNIQUE INDEX archive_entries_hash_key ON archive_entries (hash)`);
    await appendOnly('archive_entries');
    // An entry is appended only at the head and only linked to it: no gap, no fork.
    await q.query(`
      CREATE FUNCTION archive_entries_link() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE previous text;
      BEGIN
        IF NEW.seq = 1 THEN
          previous := repeat('0', 64);
        ELSE
          SELECT hash INTO previous FROM archive_entries WHERE seq = NEW.seq - 1;
        END IF;
        IF previous IS NULL OR NEW.previous_hash <> previous THEN
          RAISE EXCEPTION 'archive entry % does not continue the chain', NEW.seq
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER archive_entries_link BEFORE INSERT ON archive_entries
      FOR EACH ROW EXECUTE FUNCTION archive_entries_link()`);
    // Grants as a second wall where the app's role is not a superuser (a superuser, like the
    // embedded PostgreSQL's, passes privilege checks; the triggers above still hold for it).
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON archive_entries FROM PUBLIC`);
    await q.query(`
      DO $$ BEGIN
        IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
          EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON archive_entries FROM %I', current_user);
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE archive_entries`);
    await q.query(`DROP FUNCTION archive_entries_link()`);
    await q.query(`DROP TABLE minutes_signatures`);
    await q.query(`DROP TABLE minutes_drafts`);
    await q.query(`DROP TABLE minutes`);
    await q.query(`DROP FUNCTION minutes_frozen()`);
    await q.query(`DROP TABLE signer_keys`);
    await q.query(`DROP TABLE session_chairs`);
  }
}
