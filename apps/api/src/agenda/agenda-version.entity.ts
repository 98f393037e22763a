import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AgendaSnapshot } from './agenda-snapshot.js';

/** A circulated agenda, frozen: numbered per session, hashed, never updated (the database refuses). */
@Entity({ name: 'agenda_versions' })
export class AgendaVersion {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) sessionId!: string;
  @Column({ type: 'integer' }) number!: number;
  @Column({ type: 'text' }) hash!: string;
  @Column({ type: 'jsonb' }) snapshot!: AgendaSnapshot;
  @Column({ type: 'timestamptz' }) circulatedAt!: Date;
  @Column({ type: 'uuid', nullable: true }) circulatedBy!: string | null;
  /** Shanghai calendar days between circulation and the session day. */
  @Column({ type: 'integer' }) daysBefore!: number;
  @Column({ type: 'integer' }) requiredDays!: number;
  @Column({ type: 'text', nullable: true }) lateReason!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
