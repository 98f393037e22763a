import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The proposer's own files (材料, attached to a draft before it is tabled) and the delegates who
 * follow a proposal to be told when its status changes or an answer arrives. A file is part of
 * the proposal's record once it is tabled: from then on it may no longer change or go.
 */
export class ProposalFilesFollows1795332000000 implements MigrationInterface {
  name = 'ProposalFilesFollows1795332000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE proposal_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proposal_id uuid NOT NULL REFERENCES proposals(id),
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
    await q.query(`CREATE INDEX proposal_files_proposal_idx ON proposal_files (proposal_id)`);
    await q.query(`
      CREATE FUNCTION proposal_files_keep_tabled() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' OR EXISTS (SELECT 1 FROM proposals p
            WHERE p.id = OLD.proposal_id AND p.tabled_at IS NOT NULL) THEN
          RAISE EXCEPTION 'proposal_files: a file of a tabled proposal is kept: % refused', TG_OP
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN OLD;
      END $$`);
    await q.query(`CREATE TRIGGER proposal_files_keep_tabled BEFORE UPDATE OR DELETE
      ON proposal_files FOR EACH ROW EXECUTE FUNCTION proposal_files_keep_tabled()`);

    await q.query(`
      CREATE TABLE proposal_follows (
        proposal_id uuid NOT NULL REFERENCES proposals(id),
        user_id uuid NOT NULL REFERENCES users(id),
        followed_at timestamptz NOT NULL,
        PRIMARY KEY (proposal_id, user_id)
      )`);
    await q.query(`CREATE INDEX proposal_follows_user_idx ON proposal_follows (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE proposal_follows`);
    await q.query(`DROP TABLE proposal_files`);
    await q.query(`DROP FUNCTION proposal_files_keep_tabled()`);
  }
}
