import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type {
  Agree,
  Difference,
  AttendanceStatus as ContractAttendanceStatus,
} from '../common/contracts.js';

export enum AttendanceStatus {
  Present = 'present',
  Absent = 'absent',
}
// The same values as the client contract (libs/contracts): a difference does not compile.
type _AttendanceStatusContract = Agree<Difference<`${AttendanceStatus}`, ContractAttendanceStatus>>;

/** How a check-in was made: on the tablet, by staff from the list, or by staff scanning the 代表证. */
export type AttendanceMethod = 'tablet' | 'staff' | 'card';

/** One delegate's attendance at one session: checked in (tablet or staff), or absent with a reason. */
@Entity({ name: 'attendance' })
export class Attendance {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) sessionId!: string;
  @Column({ type: 'uuid' }) delegateId!: string;
  @Column({ type: 'text' }) status!: AttendanceStatus;
  /** For an absence: 病假, 公假, 事假 … */
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ type: 'text' }) method!: AttendanceMethod;
  @Column({ type: 'uuid', nullable: true }) recordedBy!: string | null;
  @Column({ type: 'timestamptz' }) at!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
