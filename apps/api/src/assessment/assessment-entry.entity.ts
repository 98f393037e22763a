import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Verdict } from './verdict.js';

/**
 * One criterion of an assessment: the automatic verdict and its evidence (automatic criteria
 * only), and the staff's verdict with a note — for an automatic criterion an override, kept
 * beside the automatic one with its reason.
 */
@Entity({ name: 'assessment_entries' })
export class AssessmentEntry {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) assessmentId!: string;
  /** criteria.ts code. */
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text', nullable: true }) autoVerdict!: Verdict | null;
  @Column({ type: 'text', nullable: true }) autoEvidence!: string | null;
  @Column({ type: 'text', nullable: true }) staffVerdict!: Verdict | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ type: 'text', nullable: true }) overrideReason!: string | null;
  @Column({ type: 'uuid', nullable: true }) judgedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) judgedAt!: Date | null;
}
