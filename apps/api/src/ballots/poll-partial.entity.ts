import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A teller's partial decryption of a poll's tally: accepted, or refused with the reason. */
@Entity({ name: 'poll_partials' })
export class PollPartial {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @Column({ type: 'uuid' }) pollId!: string;
  @Column({ type: 'integer', name: 'teller_index' }) index!: number;
  @Column({ type: 'uuid' }) userId!: string;
  @Column({ type: 'jsonb' }) partial!: object;
  @Column({ type: 'boolean' }) accepted!: boolean;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ type: 'timestamptz' }) receivedAt!: Date;
}
