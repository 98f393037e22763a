import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MeasureStatus } from './openness.enums.js';

/** A rectification measure (整改措施): owner, department, deadline, and its result once done. */
@Entity({ name: 'openness_measures' })
export class OpennessMeasure {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) itemId!: string;
  @Column({ type: 'uuid', nullable: true }) opinionId!: string | null;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'text' }) ownerName!: string;
  @Column({ type: 'uuid' }) departmentId!: string;
  @Column({ type: 'date' }) dueOn!: string;
  @Column({ type: 'text' }) status!: MeasureStatus;
  @Column({ type: 'text', nullable: true }) result!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) doneAt!: Date | null;
  @Column({ type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
