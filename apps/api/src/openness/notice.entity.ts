import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Finding } from './supervision-check.js';

/** A notice (通报) to one department of a check's findings about it; one per check and department. */
@Entity({ name: 'openness_notices' })
export class OpennessNotice {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) checkId!: string;
  @Column({ type: 'uuid' }) departmentId!: string;
  /** The notice's text as sent. */
  @Column({ type: 'text' }) body!: string;
  @Column({ type: 'jsonb' }) findings!: Finding[];
  @Column({ type: 'uuid' }) sentBy!: string;
  @Column({ type: 'timestamptz' }) sentAt!: Date;
}
