import type { MigrationInterface, QueryRunner } from 'typeorm';

const CATEGORIES = `('production','wages','safety','welfare','training','democracy','other')`;

export class Proposals1795284000000 implements MigrationInterface {
  name = 'Proposals1795284000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE proposals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        term_id uuid NOT NULL REFERENCES terms(id),
        session_id uuid REFERENCES congress_sessions(id),
        kind text NOT NULL DEFAULT 'proposal' CHECK (kind IN ('proposal','suggestion')),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','awaiting_cosigners',
          'submitted','accepted','merged','converted_to_suggestion','rejected','withdrawn',
          'in_handling','answered','sent_back','closed')),
        proposer_delegate_id uuid NOT NULL REFERENCES delegates(id),
        group_id uuid REFERENCES delegation_groups(id),
        subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
        reasons text NOT NULL CHECK (length(reasons) BETWEEN 1 AND 5000),
        measures text NOT NULL CHECK (length(measures) BETWEEN 1 AND 5000),
        proposed_category text NOT NULL CHECK (proposed_category IN ${CATEGORIES}),
        category text NOT NULL CHECK (category IN ${CATEGORIES}),
        cosigners_required integer NOT NULL DEFAULT 0 CHECK (cosigners_required >= 0),
        number text CHECK (number ~ '^[0-9]{4}-[0-9]{3,}$'),
        tabled_at timestamptz,
        submitted_at timestamptz,
        decision text CHECK (decision IN ('accepted','merged','converted','rejected')),
        decision_note text,
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        merged_into_id uuid REFERENCES proposals(id),
        withdrawn_at timestamptz,
        published_at timestamptz,
        published_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status = 'withdrawn' OR (status = 'draft') = (tabled_at IS NULL)),
        CHECK ((decision IS NULL) = (decided_at IS NULL)),
        CHECK (decision IS NULL OR decided_by IS NOT NULL),
        -- A rejection always carries its written reason; only accepted proposals are numbered.
        CHECK (decision IS DISTINCT FROM 'rejected' OR length(decision_note) > 0),
        CHECK (number IS NULL OR decision = 'accepted'),
        CHECK ((status = 'merged') = (merged_into_id IS NOT NULL)),
        CHECK (merged_into_id <> id),
        CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL)),
        CHECK (published_at IS NULL OR decision IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX proposals_number_key ON proposals (number)`);
    await q.query(`CREATE INDEX proposals_term_status_idx ON proposals (term_id, status)`);
    await q.query(`CREATE INDEX proposals_session_idx ON proposals (session_id)`);
    await q.query(`CREATE INDEX proposals_proposer_idx ON proposals (proposer_delegate_id)`);
    await q.query(`CREATE INDEX proposals_merged_into_idx ON proposals (merged_into_id)`);
    await q.query(`CREATE INDEX proposals_published_idx ON proposals (published_at)
      WHERE published_at IS NOT NULL`);

    // Numbers are YYYY-NNN per year: the counter row is bumped inside the accepting transaction,
    // so concurrent acceptances queue on it and a rolled-back one leaves no gap.
    await q.query(`
      CREATE TABLE proposal_counters (
        year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 9999),
        last integer NOT NULL CHECK (last > 0)
      )`);

    await q.query(`
      CREATE TABLE proposal_cosignatures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proposal_id uuid NOT NULL REFERENCES proposals(id),
        delegate_id uuid NOT NULL REFERENCES delegates(id),
        signed_at timestamptz NOT NULL,
        withdrawn_at timestamptz CHECK (withdrawn_at >= signed_at)
      )`);
    // One live signature per proposal and delegate (a withdrawn one stays as history).
    await q.query(`CREATE UNIQUE INDEX proposal_cosignatures_live_key
      ON proposal_cosignatures (proposal_id, delegate_id) WHERE withdrawn_at IS NULL`);
    await q.query(
      `CREATE INDEX proposal_cosignatures_delegate_idx ON proposal_cosignatures (delegate_id)`,
    );

    await q.query(`
      CREATE TABLE proposal_assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proposal_id uuid NOT NULL REFERENCES proposals(id),
        department_id uuid NOT NULL REFERENCES departments(id),
        status text NOT NULL DEFAULT 'assigned'
          CHECK (status IN ('assigned','answered','sent_back','rated')),
        round smallint NOT NULL DEFAULT 1 CHECK (round IN (1, 2)),
        due_on date NOT NULL,
        assigned_by uuid NOT NULL REFERENCES users(id),
        assigned_at timestamptz NOT NULL,
        sent_back_at timestamptz,
        sent_back_reason text,
        rating text CHECK (rating IN ('satisfied','basically_satisfied','unsatisfied')),
        rating_comment text,
        rated_at timestamptz,
        -- Sent back at most once, always with a reason: that is what round 2 is.
        CHECK ((round = 2) = (sent_back_at IS NOT NULL)),
        CHECK ((sent_back_at IS NULL) = (sent_back_reason IS NULL)),
        CHECK ((status = 'rated') = (rating IS NOT NULL)),
        CHECK ((rating IS NULL) = (rated_at IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX proposal_assignments_proposal_department_key
      ON proposal_assignments (proposal_id, department_id)`);
    await q.query(`CREATE INDEX proposal_assignments_department_idx
      ON proposal_assignments (department_id, status)`);

    await q.query(`
      CREATE TABLE proposal_answers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assignment_id uuid NOT NULL REFERENCES proposal_assignments(id),
        round smallint NOT NULL CHECK (round IN (1, 2)),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
        answered_by uuid NOT NULL REFERENCES users(id),
        answered_at timestamptz NOT NULL,
        due_on date NOT NULL,
        on_time boolean NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX proposal_answers_assignment_round_key
      ON proposal_answers (assignment_id, round)`);
    await q.query(`CREATE TRIGGER proposal_answers_append_only BEFORE UPDATE OR DELETE
      ON proposal_answers FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`CREATE TRIGGER proposal_answers_no_truncate BEFORE TRUNCATE
      ON proposal_answers FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);

    await q.query(`
      CREATE TABLE proposal_attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assignment_id uuid NOT NULL REFERENCES proposal_assignments(id),
        answer_id uuid REFERENCES proposal_answers(id),
        filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
        content_type text NOT NULL CHECK (content_type IN ('application/pdf','image/png',
          'image/jpeg',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')),
        size integer NOT NULL CHECK (size BETWEEN 1 AND 10485760),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        data bytea NOT NULL CHECK (octet_length(data) = size),
        uploaded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX proposal_attachments_assignment_idx ON proposal_attachments (assignment_id)`,
    );
    await q.query(
      `CREATE INDEX proposal_attachments_answer_idx ON proposal_attachments (answer_id)`,
    );
    // A submitted attachment is part of the answer's record: it may no longer change or go.
    await q.query(`
      CREATE FUNCTION proposal_attachments_keep_submitted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.answer_id IS NOT NULL THEN
          RAISE EXCEPTION 'proposal_attachments: a submitted attachment is kept: % refused', TG_OP
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(`CREATE TRIGGER proposal_attachments_keep_submitted BEFORE UPDATE OR DELETE
      ON proposal_attachments FOR EACH ROW EXECUTE FUNCTION proposal_attachments_keep_submitted()`);

    await q.query(`
      CREATE TABLE proposal_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        proposal_id uuid NOT NULL REFERENCES proposals(id),
        event text NOT NULL,
        from_status text,
        to_status text,
        actor_user_id uuid REFERENCES users(id),
        note text,
        data jsonb NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX proposal_events_proposal_idx ON proposal_events (proposal_id, id)`);
    await q.query(`CREATE TRIGGER proposal_events_append_only BEFORE UPDATE OR DELETE
      ON proposal_events FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`CREATE TRIGGER proposal_events_no_truncate BEFORE TRUNCATE
      ON proposal_events FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE proposal_events`);
    await q.query(`DROP TABLE proposal_attachments`);
    await q.query(`DROP FUNCTION proposal_attachments_keep_submitted()`);
    await q.query(`DROP TABLE proposal_answers`);
    await q.query(`DROP TABLE proposal_assignments`);
    await q.query(`DROP TABLE proposal_cosignatures`);
    await q.query(`DROP TABLE proposal_counters`);
    await q.query(`DROP TABLE proposals`);
  }
}
