import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { UnitLevel } from './openness.enums.js';

/** A unit of the enterprise (公司, 车间, 科室, 班组) in one tree: the level an item is published at. */
@Entity({ name: 'openness_units' })
export class OpennessUnit {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) level!: UnitLevel;
  @Column({ type: 'uuid', nullable: true }) parentId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
