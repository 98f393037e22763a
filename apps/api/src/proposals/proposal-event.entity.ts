import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Who did what to a proposal and when; the database refuses updates and deletes. */
@Entity({ name: 'proposal_events' })
export class ProposalEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @Column({ type: 'uuid' }) proposalId!: string;
  /** e.g. `tabled`, `cosigned`, `accepted`, `answered`, `sent_back`. */
  @Column({ type: 'text' }) event!: string;
  @Column({ type: 'text', nullable: true }) fromStatus!: string | null;
  @Column({ type: 'text', nullable: true }) toStatus!: string | null;
  @Column({ type: 'uuid', nullable: true }) actorUserId!: string | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ type: 'jsonb', default: {} }) data!: object;
  @Column({ type: 'timestamptz' }) at!: Date;
}
