import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 关注: an account told when the proposal's status changes or an answer arrives. */
@Entity({ name: 'proposal_follows' })
export class ProposalFollow {
  @PrimaryColumn({ type: 'uuid' }) proposalId!: string;
  @PrimaryColumn({ type: 'uuid' }) userId!: string;
  @Column({ type: 'timestamptz' }) followedAt!: Date;
}
