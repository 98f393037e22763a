import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A cast ballot. Stored against the delegate (one per poll, enforced by a unique index): the link
 * is harmless because a secret ballot's content is encrypted on the tablet. `id` is its place on
 * the bulletin board.
 */
@Entity({ name: 'poll_ballots' })
export class PollBallot {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @Column({ type: 'uuid' }) pollId!: string;
  @Column({ type: 'uuid' }) delegateId!: string;
  /** The voter credential the ballot's proofs are bound to. */
  @Column({ type: 'text' }) credential!: string;
  /** Secret polls: the encrypted ballot (libs/ballot JSON). */
  @Column({ type: 'jsonb', nullable: true }) ballot!: object | null;
  /** Open polls only: the choice per question, as entry indices. */
  @Column({ type: 'jsonb', nullable: true }) openChoice!: number[][] | null;
  @Column({ type: 'text' }) tracker!: string;
  @Column({ type: 'timestamptz' }) receivedAt!: Date;
  /** Set at close: why the ballot was not counted. */
  @Column({ type: 'text', nullable: true }) exclusion!: string | null;
}
