import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DateFinding } from './date-rules.js';
import { SessionStatus } from './session-status.js';

/**
 * Append-only history of a session's status: every move, who made it, and the reason given
 * when a date rule asked for a confirmation (with the findings confirmed).
 */
@Entity({ name: 'session_status_history' })
export class SessionStatusChange {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @Column({ type: 'uuid' }) sessionId!: string;
  @Column({ type: 'text', nullable: true }) fromStatus!: SessionStatus | null;
  @Column({ type: 'text' }) toStatus!: SessionStatus;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  /** The date rules the move broke and that the reason confirms (empty when none). */
  @Column({ type: 'jsonb', default: [] }) confirmedFindings!: DateFinding[];
  @Column({ type: 'uuid', nullable: true }) recordedBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) at!: Date;
}
