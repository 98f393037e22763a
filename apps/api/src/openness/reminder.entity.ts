import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ReminderKind } from '../common/contracts.js';

/**
 * A reminder sent for a plan line: the unique (line, kind) row is what makes it once only, across
 * restarts and api processes.
 */
@Entity({ name: 'openness_reminders' })
export class OpennessReminder {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) planEntryId!: string;
  @Column({ type: 'text' }) kind!: ReminderKind;
  @Column({ type: 'timestamptz' }) sentAt!: Date;
  /** How many department accounts it went to (0: the department has none yet). */
  @Column({ type: 'integer' }) recipients!: number;
}
