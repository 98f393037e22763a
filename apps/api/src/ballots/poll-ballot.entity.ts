import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SlipSignature } from '../common/ballot.js';

/**
 * A cast ballot. Stored against the delegate (one current ballot per poll, enforced by a unique index on the rows not superseded): the link
 * is harmless because a secret ballot's content is encrypted on the tablet. `position` is its
 * place on the bulletin board, `chainHead` the board's hash chain after it.
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
  /** Place on the board, from 1, in the order the ballots were stored. */
  @Column({ type: 'integer', nullable: true }) position!: number | null;
  /** h_position of the board's hash chain (secret polls). */
  @Column({ type: 'text', nullable: true }) chainHead!: string | null;
  /** The board key's Ed25519 signature on the receipt the tablet got (secret polls). */
  @Column({ type: 'text', nullable: true }) signature!: string | null;
  /** True when the proofs were verified as the ballot arrived (a failing ballot is never stored). */
  @Column({ type: 'boolean', default: false }) verified!: boolean;
  /**
   * Last press counts: the board position of this delegate's newer ballot that replaced this one
   * (written once, when the newer is appended). Null for the current ballot.
   */
  @Column({ type: 'integer', nullable: true }) supersededBy!: number | null;
  /** A slips poll: the ballot's slip signatures, one per teller (libs/ballot `SlipSignature`). */
  @Column({ type: 'jsonb', nullable: true }) slips!: SlipSignature[] | null;
  /** Set at close: why the ballot was not counted. */
  @Column({ type: 'text', nullable: true }) exclusion!: string | null;
}
