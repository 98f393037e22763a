import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Agenda1795269600000 implements MigrationInterface {
  name = 'Agenda1795269600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agenda_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES congress_sessions(id),
        position integer NOT NULL CHECK (position >= 1),
        kind text NOT NULL CHECK (kind IN ('report','deliberate','approve','decide','evaluate','elect')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '',
        presenter text,
        vote_spec jsonb,
        proposal_ids uuid[] NOT NULL DEFAULT '{}',
        circulated_at timestamptz,
        circulated_in_version integer,
        withdrawn boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind IN ('report','deliberate')) = (vote_spec IS NULL))
      )`);
    await q.query(`CREATE INDEX agenda_items_session_idx ON agenda_items (session_id, position)`);

    await q.query(`
      CREATE TABLE agenda_documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        item_id uuid NOT NULL REFERENCES agenda_items(id),
        filename text NOT NULL,
        content_type text NOT NULL,
        size integer NOT NULL CHECK (size > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        data bytea NOT NULL,
        uploaded_by uuid REFERENCES users(id),
        detached_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX agenda_documents_item_idx ON agenda_documents (item_id)`);
    // A stored document never changes: only detaching it from its item is allowed.
    await q.query(`
      CREATE FUNCTION agenda_documents_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR NEW.data IS DISTINCT FROM OLD.data OR NEW.sha256 <> OLD.sha256
           OR NEW.item_id <> OLD.item_id OR NEW.filename <> OLD.filename THEN
          RAISE EXCEPTION 'agenda_documents are immutable: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER agenda_documents_immutable BEFORE UPDATE OR DELETE ON agenda_documents
      FOR EACH ROW EXECUTE FUNCTION agenda_documents_immutable()`);

    await q.query(`
      CREATE TABLE agenda_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES congress_sessions(id),
        number integer NOT NULL CHECK (number >= 1),
        hash text NOT NULL,
        snapshot jsonb NOT NULL,
        circulated_at timestamptz NOT NULL,
        circulated_by uuid REFERENCES users(id),
        days_before integer NOT NULL,
        required_days integer NOT NULL,
        late_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (days_before >= required_days OR late_reason IS NOT NULL)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX agenda_versions_session_number_key ON agenda_versions (session_id, number)`,
    );
    await q.query(`CREATE TRIGGER agenda_versions_append_only BEFORE UPDATE OR DELETE ON agenda_versions
      FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`CREATE TRIGGER agenda_versions_no_truncate BEFORE TRUNCATE ON agenda_versions
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);

    await q.query(`
      CREATE TABLE agenda_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version_id uuid NOT NULL REFERENCES agenda_versions(id),
        delegate_id uuid NOT NULL REFERENCES delegates(id),
        user_id uuid REFERENCES users(id),
        delivered_at timestamptz NOT NULL,
        receipt_at timestamptz,
        receipt_method text CHECK (receipt_method IN ('tablet','paper')),
        paper_signed_on date,
        recorded_by uuid REFERENCES users(id),
        last_reminded_at timestamptz,
        CHECK ((receipt_at IS NULL) = (receipt_method IS NULL)),
        CHECK (receipt_method IS DISTINCT FROM 'paper' OR (paper_signed_on IS NOT NULL AND recorded_by IS NOT NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX agenda_deliveries_version_delegate_key ON agenda_deliveries (version_id, delegate_id)`,
    );
    await q.query(`CREATE INDEX agenda_deliveries_user_idx ON agenda_deliveries (user_id)`);
    // A receipt, once given, stands: it can be neither changed nor removed.
    await q.query(`
      CREATE FUNCTION agenda_receipts_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR (OLD.receipt_at IS NOT NULL AND (NEW.receipt_at IS DISTINCT FROM OLD.receipt_at
           OR NEW.receipt_method IS DISTINCT FROM OLD.receipt_method OR NEW.paper_signed_on IS DISTINCT FROM OLD.paper_signed_on))
           OR NEW.delivered_at <> OLD.delivered_at OR NEW.version_id <> OLD.version_id OR NEW.delegate_id <> OLD.delegate_id THEN
          RAISE EXCEPTION 'agenda receipts are final: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER agenda_receipts_final BEFORE UPDATE OR DELETE ON agenda_deliveries
      FOR EACH ROW EXECUTE FUNCTION agenda_receipts_final()`);

    await q.query(`
      CREATE TABLE late_item_approvals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        item_id uuid NOT NULL REFERENCES agenda_items(id),
        version integer NOT NULL,
        presidium_delegate_id uuid NOT NULL REFERENCES delegates(id),
        reason text NOT NULL CHECK (length(reason) > 0),
        recorded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX late_item_approvals_item_version_key ON late_item_approvals (item_id, version)`,
    );
    await q.query(`CREATE TRIGGER late_item_approvals_append_only BEFORE UPDATE OR DELETE ON late_item_approvals
      FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE late_item_approvals`);
    await q.query(`DROP TABLE agenda_deliveries`);
    await q.query(`DROP FUNCTION agenda_receipts_final()`);
    await q.query(`DROP TABLE agenda_versions`);
    await q.query(`DROP TABLE agenda_documents`);
    await q.query(`DROP FUNCTION agenda_documents_immutable()`);
    await q.query(`DROP TABLE agenda_items`);
  }
}
