import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The presidium's leave to vote on an item circulated less than N days before the session. */
@Entity({ name: 'late_item_approvals' })
export class LateItemApproval {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) itemId!: string;
  /** The item version (circulatedInVersion) the approval covers; a later change needs a new one. */
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'uuid' }) presidiumDelegateId!: string;
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'uuid' }) recordedBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
