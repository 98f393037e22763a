import type { MigrationInterface, QueryRunner } from 'typeorm';

// The vocabularies as of this migration (libs/contracts openness.ts): copied on purpose, a
// migration never changes.
const list = (values: string[]) => values.map((v) => `'${v}'`).join(',');
const CATEGORIES = list([
  'major_decisions',
  'finance',
  'attendance_overtime',
  'labour_protection',
  'hardship_relief',
  'rest_recuperation',
  'commendations',
  'evaluation_results',
  'congress_resolutions',
  'proposal_handling',
  'other',
]);
const STATUSES = list([
  'draft',
  'submitted',
  'returned',
  'approved',
  'published',
  'rectifying',
  'closed',
]);
const HEX64 = `~ '^[0-9a-f]{64}$'`;

/**
 * 厂务公开: the unit tree, employees' accounts by 工号, the annual plan, publication items with
 * their attachments, the opinion box and rectification measures.
 */
export class Openness1795310000000 implements MigrationInterface {
  name = 'Openness1795310000000';

  async up(q: QueryRunner): Promise<void> {
    // A new account role: employees, who read the board of their unit and use its opinion box.
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_role_check
      CHECK (role IN ('admin','staff','secretary','delegate','attendee','department','employee'))`);

    await q.query(`
      CREATE TABLE openness_units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        level text NOT NULL CHECK (level IN ('company','workshop','office','team')),
        parent_id uuid REFERENCES openness_units(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((level = 'company') = (parent_id IS NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX openness_units_name_key ON openness_units (parent_id, name) NULLS NOT DISTINCT`,
    );

    // An employee's account (role employee) and where they work: the unit decides what they read.
    await q.query(`
      CREATE TABLE openness_employees (
        user_id uuid PRIMARY KEY REFERENCES users(id),
        employee_number text NOT NULL UNIQUE,
        name text NOT NULL,
        unit_id uuid NOT NULL REFERENCES openness_units(id)
      )`);

    await q.query(`
      CREATE TABLE openness_plan_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        month integer NOT NULL CHECK (month BETWEEN 1 AND 12),
        unit_id uuid NOT NULL REFERENCES openness_units(id),
        category text NOT NULL CHECK (category IN (${CATEGORIES})),
        title text NOT NULL,
        department_id uuid NOT NULL REFERENCES departments(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX openness_plan_entries_year_idx ON openness_plan_entries (year, month)`,
    );

    await q.query(`
      CREATE TABLE openness_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        body text NOT NULL,
        category text NOT NULL CHECK (category IN (${CATEGORIES})),
        category_label text,
        unit_id uuid NOT NULL REFERENCES openness_units(id),
        timing text NOT NULL CHECK (timing IN ('periodic','event')),
        plan_entry_id uuid REFERENCES openness_plan_entries(id),
        event_on date,
        within_days integer CHECK (within_days BETWEEN 0 AND 365),
        department_id uuid NOT NULL REFERENCES departments(id),
        responsible_person text NOT NULL,
        status text NOT NULL CHECK (status IN (${STATUSES})),
        drafted_by uuid NOT NULL REFERENCES users(id),
        submitted_at timestamptz,
        reviewed_by uuid REFERENCES users(id),
        reviewed_at timestamptz,
        return_reason text,
        publish_from date,
        publish_until date,
        scope text,
        form text CHECK (form IN ('board','intranet','meeting','congress')),
        published_at timestamptz,
        content jsonb,
        content_sha256 text CHECK (content_sha256 ${HEX64}),
        opinions_closed_at timestamptz,
        closed_at timestamptz,
        outcome text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((category = 'other') = (category_label IS NOT NULL)),
        CHECK (
          (timing = 'periodic' AND plan_entry_id IS NOT NULL AND event_on IS NULL AND within_days IS NULL)
          OR (timing = 'event' AND plan_entry_id IS NULL AND event_on IS NOT NULL AND within_days IS NOT NULL)),
        CHECK ((published_at IS NULL) = (content_sha256 IS NULL)),
        CHECK ((published_at IS NULL) = (content IS NULL)),
        CHECK (publish_until IS NULL OR publish_until >= publish_from)
      )`);
    await q.query(`CREATE INDEX openness_items_unit_idx ON openness_items (unit_id, status)`);
    await q.query(`CREATE INDEX openness_items_plan_idx ON openness_items (plan_entry_id)`);
    // Published content is frozen: what was hashed is what stays.
    await q.query(`
      CREATE FUNCTION openness_items_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.published_at IS NOT NULL AND
           (NEW.title, NEW.body, NEW.category, NEW.category_label, NEW.unit_id, NEW.published_at,
            NEW.content, NEW.content_sha256, NEW.publish_from, NEW.publish_until, NEW.scope, NEW.form)
           IS DISTINCT FROM
           (OLD.title, OLD.body, OLD.category, OLD.category_label, OLD.unit_id, OLD.published_at,
            OLD.content, OLD.content_sha256, OLD.publish_from, OLD.publish_until, OLD.scope, OLD.form)
        THEN
          RAISE EXCEPTION 'published openness item % is frozen', OLD.id USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER openness_items_frozen BEFORE UPDATE ON openness_items
      FOR EACH ROW EXECUTE FUNCTION openness_items_frozen()`);

    await q.query(`
      CREATE TABLE openness_attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        item_id uuid NOT NULL REFERENCES openness_items(id),
        filename text NOT NULL,
        content_type text NOT NULL,
        size integer NOT NULL CHECK (size > 0),
        sha256 text NOT NULL CHECK (sha256 ${HEX64}),
        data bytea NOT NULL,
        uploaded_by uuid NOT NULL REFERENCES users(id),
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX openness_attachments_item_idx ON openness_attachments (item_id)`);
    // The files of a published item are part of its hash: none added, changed or removed.
    await q.query(`
      CREATE FUNCTION openness_attachments_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM openness_items i
                    WHERE i.id = COALESCE(NEW.item_id, OLD.item_id) AND i.published_at IS NOT NULL)
           OR (TG_OP = 'UPDATE')
        THEN
          RAISE EXCEPTION 'attachments of a published openness item are frozen' USING ERRCODE = 'P0001';
        END IF;
        RETURN COALESCE(NEW, OLD);
      END $$`);
    await q.query(`CREATE TRIGGER openness_attachments_frozen
      BEFORE INSERT OR UPDATE OR DELETE ON openness_attachments
      FOR EACH ROW EXECUTE FUNCTION openness_attachments_frozen()`);

    // The opinion box. An anonymous opinion has no author and no author name, by constraint; the
    // day it came in is kept, not the time, so it cannot be matched to an access log by the second.
    await q.query(`
      CREATE TABLE openness_opinions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        item_id uuid NOT NULL REFERENCES openness_items(id),
        kind text NOT NULL CHECK (kind IN ('comment','question','rating')),
        body text,
        rating text CHECK (rating IN ('satisfied','basically_satisfied','unsatisfied')),
        anonymous boolean NOT NULL,
        author_user_id uuid REFERENCES users(id),
        author_name text,
        received_on date NOT NULL,
        answer text,
        answered_at timestamptz,
        answered_by uuid REFERENCES users(id),
        CHECK ((kind = 'rating') = (rating IS NOT NULL)),
        CHECK (kind = 'rating' OR body IS NOT NULL),
        CHECK (anonymous = (author_user_id IS NULL)),
        CHECK (anonymous = (author_name IS NULL)),
        CHECK (answer IS NULL OR kind = 'question')
      )`);
    await q.query(`CREATE INDEX openness_opinions_item_idx ON openness_opinions (item_id)`);

    await q.query(`
      CREATE TABLE openness_measures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        item_id uuid NOT NULL REFERENCES openness_items(id),
        opinion_id uuid REFERENCES openness_opinions(id),
        description text NOT NULL,
        owner_name text NOT NULL,
        department_id uuid NOT NULL REFERENCES departments(id),
        due_on date NOT NULL,
        status text NOT NULL CHECK (status IN ('open','done')),
        result text,
        done_at timestamptz,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'done') = (done_at IS NOT NULL AND result IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX openness_measures_item_idx ON openness_measures (item_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE openness_measures`);
    await q.query(`DROP TABLE openness_opinions`);
    await q.query(`DROP TABLE openness_attachments`);
    await q.query(`DROP FUNCTION openness_attachments_frozen()`);
    await q.query(`DROP TABLE openness_items`);
    await q.query(`DROP FUNCTION openness_items_frozen()`);
    await q.query(`DROP TABLE openness_plan_entries`);
    await q.query(`DROP TABLE openness_employees`);
    await q.query(`DROP TABLE openness_units`);
    await q.query(`DELETE FROM users WHERE role = 'employee'`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_role_check
      CHECK (role IN ('admin','staff','secretary','delegate','attendee','department'))`);
  }
}
