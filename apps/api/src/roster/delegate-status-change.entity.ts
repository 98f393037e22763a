import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DelegateStatus } from './roster.enums.js';

/** Append-only history of a seat (elected, recalled, replaced, left). */
@Entity({ name: 'delegate_status_history' })
export class DelegateStatusChange {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @Column({ type: 'uuid' }) delegateId!: string;
  @Column({ type: 'text', nullable: true }) fromStatus!: DelegateStatus | null;
  @Column({ type: 'text' }) toStatus!: DelegateStatus;
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'uuid', nullable: true }) recordedBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) at!: Date;
}
