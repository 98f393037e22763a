import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A teller of a ceremony: a user account (any role) with its index 1..n in the ceremony. */
@Entity({ name: 'ceremony_tellers' })
export class CeremonyTeller {
  @PrimaryColumn({ type: 'uuid' }) ceremonyId!: string;
  @PrimaryColumn({ type: 'integer', name: 'teller_index' }) index!: number;
  @Column({ type: 'uuid' }) userId!: string;
}
