import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum JointRole {
  GroupHead = 'group_head',
  CommitteeHead = 'committee_head',
}

export const JOINT_ROLE_LABELS: Record<JointRole, string> = {
  [JointRole.GroupHead]: '代表团（组）长',
  [JointRole.CommitteeHead]: '专门委员会负责人',
};

/**
 * Who is called to a joint meeting, with attendance. The name and the group or committee are
 * copied when called, so the record still reads right after the roster changes.
 */
@Entity({ name: 'joint_meeting_participants' })
export class JointParticipant {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) meetingId!: string;
  @Column({ type: 'uuid' }) delegateId!: string;
  @Column({ type: 'text' }) role!: JointRole;
  @Column({ type: 'text' }) name!: string;
  /** The group's name (团长/组长) or the committee's (专门委员会). */
  @Column({ type: 'text' }) body!: string;
  /** null: attendance not recorded yet. */
  @Column({ type: 'boolean', nullable: true }) present!: boolean | null;
}
