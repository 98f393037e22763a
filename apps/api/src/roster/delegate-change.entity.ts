import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { TrackedField } from './import/index.js';

/** One field of a change record: its label and its value before and after, as staff read them. */
export interface RecordedFieldChange {
  field: TrackedField;
  /** The template's header (姓名, 代表团…), whatever the uploaded file called the column. */
  label: string;
  from: string;
  to: string;
  fromValue: string | boolean | null;
  toValue: string | boolean | null;
}

/**
 * Append-only history of a seat's fields (name, group, category…): every correction by staff
 * and every update by a roster import, with the values before and after. Status changes have
 * their own history (delegate_status_history).
 */
@Entity({ name: 'delegate_changes' })
export class DelegateChange {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @Column({ type: 'uuid' }) delegateId!: string;
  @Column({ type: 'jsonb' }) changes!: RecordedFieldChange[];
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'uuid', nullable: true }) recordedBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) at!: Date;
}
