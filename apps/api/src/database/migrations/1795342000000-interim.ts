import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The congress between sessions: joint meetings (联席会议) with their participants and items
 * (the kinds reserved for the full congress are refused by the database too), and delegates'
 * inspection tours (职工代表巡视检查) with their members and findings followed up by departments.
 */
export class Interim1795342000000 implements MigrationInterface {
  name = 'Interim1795342000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE joint_meetings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        term_id uuid NOT NULL REFERENCES terms(id),
        held_on date NOT NULL,
        place text NOT NULL,
        topic text NOT NULL,
        record text,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX joint_meetings_term ON joint_meetings (term_id, held_on)`);
    await q.query(`
      CREATE TABLE joint_meeting_participants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES joint_meetings(id),
        delegate_id uuid NOT NULL REFERENCES delegates(id),
        role text NOT NULL CHECK (role IN ('group_head','committee_head')),
        name text NOT NULL,
        body text NOT NULL,
        present boolean,
        UNIQUE (meeting_id, delegate_id)
      )`);
    await q.query(`
      CREATE TABLE joint_meeting_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES joint_meetings(id),
        kind text NOT NULL CHECK (kind IN ('report','deliberate','decide')),
        title text NOT NULL,
        outcome text,
        needs_confirmation boolean NOT NULL,
        confirmed_session_id uuid REFERENCES congress_sessions(id),
        confirmed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((confirmed_session_id IS NULL) = (confirmed_at IS NULL)),
        CHECK (needs_confirmation OR confirmed_session_id IS NULL)
      )`);
    await q.query(`CREATE INDEX joint_meeting_items_meeting ON joint_meeting_items (meeting_id)`);
    await q.query(`
      CREATE TABLE inspection_tours (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        term_id uuid NOT NULL REFERENCES terms(id),
        topic text NOT NULL,
        places text NOT NULL,
        held_on date NOT NULL,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX inspection_tours_term ON inspection_tours (term_id, held_on)`);
    await q.query(`
      CREATE TABLE inspection_tour_members (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tour_id uuid NOT NULL REFERENCES inspection_tours(id),
        delegate_id uuid NOT NULL REFERENCES delegates(id),
        name text NOT NULL,
        UNIQUE (tour_id, delegate_id)
      )`);
    await q.query(`
      CREATE TABLE inspection_findings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tour_id uuid NOT NULL REFERENCES inspection_tours(id),
        text text NOT NULL,
        department_id uuid NOT NULL REFERENCES departments(id),
        deadline date NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','in_hand','done')),
        answer text,
        answered_at timestamptz,
        answered_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX inspection_findings_tour ON inspection_findings (tour_id)`);
    await q.query(
      `CREATE INDEX inspection_findings_department ON inspection_findings (department_id, status)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE inspection_findings`);
    await q.query(`DROP TABLE inspection_tour_members`);
    await q.query(`DROP TABLE inspection_tours`);
    await q.query(`DROP TABLE joint_meeting_items`);
    await q.query(`DROP TABLE joint_meeting_participants`);
    await q.query(`DROP TABLE joint_meetings`);
  }
}
