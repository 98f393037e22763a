import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A file the proposer attaches to a draft (材料), stored in PostgreSQL. Kept as it is once the
 * proposal is tabled (a trigger refuses any change then). `data` is never loaded unless asked.
 */
@Entity({ name: 'proposal_files' })
export class ProposalFile {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) proposalId!: string;
  @Column({ type: 'text' }) filename!: string;
  /** Sniffed from the bytes, never taken from the client. */
  @Column({ type: 'text' }) contentType!: string;
  @Column({ type: 'integer' }) size!: number;
  @Column({ type: 'text' }) sha256!: string;
  @Column({ type: 'bytea', select: false }) data!: Buffer;
  @Column({ type: 'uuid' }) uploadedBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
