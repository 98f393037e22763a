import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One teller's batch of ballot slips (投票凭证) for a session: only the public keys, sorted; the
 * secret keys were printed on the slips by the teller's device and never reach the server.
 */
@Entity({ name: 'slip_batches' })
export class SlipBatchRow {
  @PrimaryColumn({ type: 'uuid' }) sessionId!: string;
  /** The teller's index in the session's ready ceremony (1-based). */
  @PrimaryColumn({ type: 'integer' }) teller!: number;
  @Column({ type: 'uuid' }) ceremonyId!: string;
  /** Not selected by default: up to 100,000 keys. */
  @Column({ type: 'jsonb', select: false }) publicKeys!: string[];
  @Column({ type: 'integer' }) count!: number;
  /** libs/ballot `slipBatchDigest` (hex). */
  @Column({ type: 'text' }) digest!: string;
  @Column({ type: 'uuid' }) uploadedBy!: string;
  @Column({ type: 'timestamptz' }) uploadedAt!: Date;
}
