import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CheckResult } from './supervision-check.js';

/** A supervision group's check (监督检查) of a period, with what it found, as run. */
@Entity({ name: 'openness_checks' })
export class OpennessCheck {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'date' }) periodFrom!: string;
  @Column({ type: 'date' }) periodTo!: string;
  @Column({ type: 'uuid' }) runBy!: string;
  @Column({ type: 'timestamptz' }) runAt!: Date;
  /** The pure rule's result (supervision-check.ts): the counts and the findings. */
  @Column({ type: 'jsonb' }) findings!: CheckResult;
}
