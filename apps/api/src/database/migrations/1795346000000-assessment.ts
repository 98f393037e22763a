import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The congress's yearly quality self-assessment (职代会质量评估): versions per term and year,
 * one entry per criterion. A completed version is frozen: the database refuses to change or
 * delete it or its entries (a correction is a new version).
 */
export class Assessment1795346000000 implements MigrationInterface {
  name = 'Assessment1795346000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE assessments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        term_id uuid NOT NULL REFERENCES terms(id),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        version integer NOT NULL CHECK (version >= 1),
        supersedes_id uuid REFERENCES assessments(id),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','completed')),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        facts_at timestamptz NOT NULL,
        completed_at timestamptz,
        completed_by uuid REFERENCES users(id),
        CHECK ((status = 'completed') = (completed_at IS NOT NULL)),
        CHECK ((completed_at IS NULL) = (completed_by IS NULL)),
        CHECK ((version = 1) = (supersedes_id IS NULL)),
        UNIQUE (term_id, year, version)
      )`);
    await q.query(`
      CREATE TABLE assessment_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assessment_id uuid NOT NULL REFERENCES assessments(id),
        code text NOT NULL,
        auto_verdict text CHECK (auto_verdict IN ('meets','partly','fails','na')),
        auto_evidence text,
        staff_verdict text CHECK (staff_verdict IN ('meets','partly','fails','na')),
        note text,
        override_reason text,
        judged_by uuid REFERENCES users(id),
        judged_at timestamptz,
        CHECK ((staff_verdict IS NULL) = (judged_at IS NULL)),
        UNIQUE (assessment_id, code)
      )`);
    // Frozen once completed: only the completing update itself passes.
    await q.query(`
      CREATE FUNCTION assessments_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'completed' THEN
          RAISE EXCEPTION 'assessment % is completed: % refused', OLD.id, TG_OP;
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(`CREATE TRIGGER assessments_frozen BEFORE UPDATE OR DELETE ON assessments
      FOR EACH ROW EXECUTE FUNCTION assessments_frozen()`);
    await q.query(`
      CREATE FUNCTION assessment_entries_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (SELECT status FROM assessments WHERE id = OLD.assessment_id) = 'completed' THEN
          RAISE EXCEPTION 'assessment % is completed: % refused', OLD.assessment_id, TG_OP;
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(`CREATE TRIGGER assessment_entries_frozen BEFORE UPDATE OR DELETE
      ON assessment_entries FOR EACH ROW EXECUTE FUNCTION assessment_entries_frozen()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE assessment_entries`);
    await q.query(`DROP TABLE assessments`);
    await q.query(`DROP FUNCTION assessment_entries_frozen()`);
    await q.query(`DROP FUNCTION assessments_frozen()`);
  }
}
