import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MessageKind } from './ceremony-status.js';

/** A message a teller's device published in a ceremony, stored once it passed its check. */
@Entity({ name: 'ceremony_messages' })
export class CeremonyMessage {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @Column({ type: 'uuid' }) ceremonyId!: string;
  @Column({ type: 'text' }) kind!: MessageKind;
  @Column({ type: 'integer', name: 'teller_index' }) index!: number;
  @Column({ type: 'jsonb' }) message!: object;
  @Column({ type: 'timestamptz' }) receivedAt!: Date;
}
