import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SignatureAlgorithm } from '../common/minutes.js';

/**
 * A signer's public key. The private key is made and kept in the signer's browser and never
 * reaches the server. Append-only: a new key is a new row, the newest one is the signer's.
 */
@Entity({ name: 'signer_keys' })
export class SignerKey {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) userId!: string;
  @Column({ type: 'text' }) algorithm!: SignatureAlgorithm;
  @Column({ type: 'text' }) publicKey!: string;
  @Column({ type: 'text' }) fingerprint!: string;
  @Column({ type: 'timestamptz' }) registeredAt!: Date;
}
