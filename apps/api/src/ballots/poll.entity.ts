import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { VoteSpec } from '../agenda/vote-spec.js';
import type { Agree, Difference, PollStatus as ContractPollStatus } from '../common/contracts.js';

export enum PollStatus {
  Open = 'open',
  Closed = 'closed',
}
// The same values as the client contract (libs/contracts): a difference does not compile.
type _PollStatusContract = Agree<Difference<`${PollStatus}`, ContractPollStatus>>;

/**
 * One vote on one agenda item. Secret (the default): ballots are encrypted on the tablets to
 * `electionKey`; in custodian mode the server holds the only trustee secret, which means the
 * operator could decrypt single ballots — it is labelled so everywhere. Open (记名): plain choices.
 */
@Entity({ name: 'polls' })
export class Poll {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) sessionId!: string;
  @Column({ type: 'uuid' }) itemId!: string;
  /** The circulated version of the item that is put to the vote. */
  @Column({ type: 'integer' }) itemVersion!: number;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'jsonb' }) voteSpec!: VoteSpec;
  @Column({ type: 'boolean' }) secret!: boolean;
  @Column({ type: 'text', nullable: true }) keyMode!: 'custodian' | null;
  @Column({ type: 'jsonb', nullable: true }) electionKey!: object | null;
  @Column({ type: 'jsonb', nullable: true, select: false }) custodianSecret!: object | null;
  @Column({ type: 'text' }) status!: PollStatus;
  @Column({ type: 'jsonb' }) quorumAtOpen!: object;
  @Column({ type: 'timestamptz' }) openedAt!: Date;
  @Column({ type: 'uuid' }) openedBy!: string;
  @Column({ type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) closedBy!: string | null;
  /** The decided result (libs/tally) with the rule and numbers, for the minutes. */
  @Column({ type: 'jsonb', nullable: true }) result!: object | null;
  /** The encrypted tally and decryption with its proofs: the published election record's core. */
  @Column({ type: 'json', nullable: true }) record!: object | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
