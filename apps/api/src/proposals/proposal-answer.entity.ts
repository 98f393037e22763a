import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A department's written answer (书面答复), one per round; append-only. */
@Entity({ name: 'proposal_answers' })
export class ProposalAnswer {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) assignmentId!: string;
  @Column({ type: 'smallint' }) round!: number;
  @Column({ type: 'text' }) body!: string;
  @Column({ type: 'uuid' }) answeredBy!: string;
  @Column({ type: 'timestamptz' }) answeredAt!: Date;
  /** The deadline this answer was measured against, and whether it was met. */
  @Column({ type: 'date' }) dueOn!: string;
  @Column({ type: 'boolean' }) onTime!: boolean;
}
