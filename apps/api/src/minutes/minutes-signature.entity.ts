import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SignerRole } from '../common/minutes.js';

/** A verified signature over frozen minutes (or one of its tallies); append-only. */
@Entity({ name: 'minutes_signatures' })
export class MinutesSignatureRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) minutesId!: string;
  @Column({ type: 'text' }) role!: SignerRole;
  @Column({ type: 'uuid' }) userId!: string;
  @Column({ type: 'uuid' }) keyId!: string;
  @Column({ type: 'uuid', nullable: true }) pollId!: string | null;
  /** The libs/minutes MinutesSignature as canonical JSON. */
  @Column({ type: 'text' }) signature!: string;
  @Column({ type: 'timestamptz' }) signedAt!: Date;
  @Column({ type: 'timestamptz' }) receivedAt!: Date;
}
