import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A file sent with an answer, stored in PostgreSQL. Uploaded first (answerId null, visible to
 * the department only), then submitted with the answer. `data` is never loaded unless asked.
 */
@Entity({ name: 'proposal_attachments' })
export class ProposalAttachment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) assignmentId!: string;
  @Column({ type: 'uuid', nullable: true }) answerId!: string | null;
  @Column({ type: 'text' }) filename!: string;
  /** Sniffed from the bytes, never taken from the client. */
  @Column({ type: 'text' }) contentType!: string;
  @Column({ type: 'integer' }) size!: number;
  @Column({ type: 'text' }) sha256!: string;
  @Column({ type: 'bytea', select: false }) data!: Buffer;
  @Column({ type: 'uuid' }) uploadedBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
