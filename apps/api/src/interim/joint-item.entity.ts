import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AgendaItemKind } from '../agenda/index.js';

/** One matter a joint meeting handled; reserved kinds never get here (joint-meeting-rule.ts). */
@Entity({ name: 'joint_meeting_items' })
export class JointItem {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) meetingId!: string;
  @Column({ type: 'text' }) kind!: AgendaItemKind;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text', nullable: true }) outcome!: string | null;
  /** 须提请下次职代会确认: a decision stands only until a session confirms it. */
  @Column({ type: 'boolean' }) needsConfirmation!: boolean;
  /** The session that confirmed it. */
  @Column({ type: 'uuid', nullable: true }) confirmedSessionId!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) confirmedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
