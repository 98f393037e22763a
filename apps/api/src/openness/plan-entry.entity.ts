import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { OpennessCategory } from './openness.enums.js';

/** One line of the annual plan (年度公开计划): what a unit publishes in which month, and who does it. */
@Entity({ name: 'openness_plan_entries' })
export class OpennessPlanEntry {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'integer' }) year!: number;
  @Column({ type: 'integer' }) month!: number;
  @Column({ type: 'uuid' }) unitId!: string;
  @Column({ type: 'text' }) category!: OpennessCategory;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'uuid' }) departmentId!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
