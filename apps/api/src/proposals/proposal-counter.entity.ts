import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last proposal number given in a year; bumped in the accepting transaction (gap-free). */
@Entity({ name: 'proposal_counters' })
export class ProposalCounter {
  @PrimaryColumn({ type: 'integer' }) year!: number;
  @Column({ type: 'integer' }) last!: number;
}
