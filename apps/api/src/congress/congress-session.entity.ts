import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { SettingsOverrides } from './congress-settings.js';
import { SessionStatus } from './session-status.js';

/** 次会议: e.g. 第五届职代会第二次会议. Times are stored in UTC. */
@Entity({ name: 'congress_sessions' })
export class CongressSession {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) termId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'timestamptz' }) startsAt!: Date;
  @Column({ type: 'text' }) place!: string;
  /** The session's own workforce figures (all three or none); none: the term's are used. */
  @Column({ type: 'integer', nullable: true }) employees!: number | null;
  @Column({ type: 'integer', nullable: true }) women!: number | null;
  @Column({ type: 'integer', nullable: true }) dispatched!: number | null;
  @Column({ type: 'jsonb', default: {} }) settings!: SettingsOverrides;
  @Column({ type: 'text', default: SessionStatus.Draft }) status!: SessionStatus;
  @Column({ type: 'timestamptz' }) statusChangedAt!: Date;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
