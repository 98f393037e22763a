import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AssessmentStatus } from './verdict.js';

/**
 * One version of a term's yearly quality self-assessment (职代会质量评估). Completing it freezes
 * it (the database refuses changes after that); a correction is a new version that names the one
 * it supersedes.
 */
@Entity({ name: 'assessments' })
export class Assessment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) termId!: string;
  /** Calendar year in Asia/Shanghai. */
  @Column({ type: 'integer' }) year!: number;
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'uuid', nullable: true }) supersedesId!: string | null;
  @Column({ type: 'text', default: AssessmentStatus.Open }) status!: AssessmentStatus;
  @Column({ type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  /** When the automatic verdicts were last gathered. */
  @Column({ type: 'timestamptz' }) factsAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) completedBy!: string | null;
}
