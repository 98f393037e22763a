import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { FindingStatus } from './finding-status.js';

/** What a tour found, for a responsible department to fix by a deadline (finding-status.ts). */
@Entity({ name: 'inspection_findings' })
export class InspectionFinding {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) tourId!: string;
  @Column({ type: 'text' }) text!: string;
  @Column({ type: 'uuid' }) departmentId!: string;
  /** Shanghai calendar day, `YYYY-MM-DD`. */
  @Column({ type: 'date' }) deadline!: string;
  @Column({ type: 'text', default: FindingStatus.Open }) status!: FindingStatus;
  /** The department's latest word on it. */
  @Column({ type: 'text', nullable: true }) answer!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) answeredAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) answeredBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
