import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { SettingsOverrides } from './congress-settings.js';

/** 届: e.g. 第五届职工代表大会, 3 to 5 years. */
@Entity({ name: 'terms' })
export class Term {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'date' }) startsOn!: string;
  @Column({ type: 'date' }) endsOn!: string;
  /** Workforce figures (all three or none): what the composition report measures against. */
  @Column({ type: 'integer', nullable: true }) employees!: number | null;
  @Column({ type: 'integer', nullable: true }) women!: number | null;
  @Column({ type: 'integer', nullable: true }) dispatched!: number | null;
  @Column({ type: 'jsonb', default: {} }) settings!: SettingsOverrides;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
