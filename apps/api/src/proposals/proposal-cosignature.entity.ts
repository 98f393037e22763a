import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 附议: one live signature per proposal and delegate; a withdrawn one is kept. */
@Entity({ name: 'proposal_cosignatures' })
export class ProposalCosignature {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) proposalId!: string;
  @Column({ type: 'uuid' }) delegateId!: string;
  @Column({ type: 'timestamptz' }) signedAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) withdrawnAt!: Date | null;
}
