import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 联席会议: group heads and special committees' heads meeting between sessions of a term. */
@Entity({ name: 'joint_meetings' })
export class JointMeeting {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) termId!: string;
  /** Shanghai calendar day, `YYYY-MM-DD`. */
  @Column({ type: 'date' }) heldOn!: string;
  @Column({ type: 'text' }) place!: string;
  @Column({ type: 'text' }) topic!: string;
  /** 纪要: the record, written by staff. */
  @Column({ type: 'text', nullable: true }) record!: string | null;
  @Column({ type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
