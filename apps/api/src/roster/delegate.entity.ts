import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { DelegateCategory, DelegateStatus, Gender, RosterKind } from './roster.enums.js';

/**
 * One seat holder of a term: a voting delegate or a non-voting attendee (列席代表). A seat is
 * never deleted; its status changes are kept in delegate_status_history.
 */
@Entity({ name: 'delegates' })
export class Delegate {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) termId!: string;
  @Column({ type: 'text' }) kind!: RosterKind;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) employeeNumber!: string;
  @Column({ type: 'text', nullable: true }) gender!: Gender | null;
  @Column({ type: 'uuid', nullable: true }) groupId!: string | null;
  @Column({ type: 'text', nullable: true }) unit!: string | null;
  @Column({ type: 'text', nullable: true }) category!: DelegateCategory | null;
  @Column({ type: 'boolean', default: false }) dispatched!: boolean;
  @Column({ type: 'boolean', default: false }) presidium!: boolean;
  @Column({ type: 'boolean', default: false }) teller!: boolean;
  @Column({ type: 'text', nullable: true }) phone!: string | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ type: 'text', default: DelegateStatus.Serving }) status!: DelegateStatus;
  @Column({ type: 'timestamptz' }) statusChangedAt!: Date;
  /** For a by-election (补选): the seat holder this one replaces. */
  @Column({ type: 'uuid', nullable: true }) replacesDelegateId!: string | null;
  /** The tablet account (role delegate or attendee). */
  @Column({ type: 'uuid', nullable: true }) userId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
