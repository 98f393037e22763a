import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CeremonyKey, CeremonyTranscript } from '../common/ballot.js';
import type { CeremonyStatus } from './ceremony-status.js';

/**
 * A session's key ceremony (监票人密钥): the tellers' devices make the election key together,
 * without a dealer; the server relays and checks their public messages and holds no secret.
 */
@Entity({ name: 'teller_ceremonies' })
export class TellerCeremony {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) sessionId!: string;
  /** libs/ballot's `ceremonyId`, bound into every proof, share and signature. */
  @Column({ type: 'text' }) ceremonyKeyId!: string;
  /** n */
  @Column({ type: 'integer' }) tellers!: number;
  /** t */
  @Column({ type: 'integer' }) threshold!: number;
  @Column({ type: 'text' }) status!: CeremonyStatus;
  @Column({ type: 'jsonb', nullable: true }) transcript!: CeremonyTranscript | null;
  @Column({ type: 'jsonb', nullable: true }) ceremonyKey!: CeremonyKey | null;
  @Column({ type: 'text', nullable: true }) fingerprint!: string | null;
  @Column({ type: 'text', nullable: true }) shortFingerprint!: string | null;
  @Column({ type: 'jsonb', nullable: true }) failure!: CeremonyFailure | null;
  @Column({ type: 'uuid' }) createdBy!: string;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) endedAt!: Date | null;
}

/** Why a ceremony failed: the complaints as judged from public data, or staff abandoning it. */
export interface CeremonyFailure {
  reason: string;
  verdicts?: {
    accuser: number;
    accused: number;
    upheld: boolean;
    guilty: number;
    reason: string;
  }[];
}
