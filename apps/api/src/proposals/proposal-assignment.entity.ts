import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AssignmentStatus, Rating } from './proposal.enums.js';

/**
 * One handling department (承办部门) of a proposal, with its deadline, and the proposer's rating
 * of its answer. Round 2 is the re-handling after the proposer sent the answer back (once).
 */
@Entity({ name: 'proposal_assignments' })
export class ProposalAssignment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) proposalId!: string;
  @Column({ type: 'uuid' }) departmentId!: string;
  @Column({ type: 'text', default: AssignmentStatus.Assigned }) status!: AssignmentStatus;
  @Column({ type: 'smallint', default: 1 }) round!: number;
  /** Last day to answer (Asia/Shanghai calendar day, inclusive). */
  @Column({ type: 'date' }) dueOn!: string;
  @Column({ type: 'uuid' }) assignedBy!: string;
  @Column({ type: 'timestamptz' }) assignedAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) sentBackAt!: Date | null;
  @Column({ type: 'text', nullable: true }) sentBackReason!: string | null;
  @Column({ type: 'text', nullable: true }) rating!: Rating | null;
  @Column({ type: 'text', nullable: true }) ratingComment!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) ratedAt!: Date | null;
}
