import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ExpiryBasis } from './login-code-expiry.js';
import type { SheetFormat } from './login-sheet-output.js';

/**
 * One issue of tablet log-in codes: for whom (a term, maybe a session), until when, in which
 * formats it was handed out, and how many earlier live codes it revoked. The codes themselves
 * are only hashes (login_codes.batch_id): a batch can never be rendered again.
 */
@Entity({ name: 'login_code_batches' })
export class LoginCodeBatch {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) termId!: string;
  /** The session the codes are printed for (their default lifetime ends with its day). */
  @Column({ type: 'uuid', nullable: true }) sessionId!: string | null;
  @Column({ type: 'timestamptz' }) expiresAt!: Date;
  @Column({ type: 'text' }) expiryBasis!: ExpiryBasis;
  @Column({ type: 'text', array: true }) formats!: SheetFormat[];
  @Column({ type: 'integer' }) codes!: number;
  /** Live codes of earlier batches (or older codes) that this issue made stop working. */
  @Column({ type: 'integer' }) revokedCodes!: number;
  @Column({ type: 'uuid', nullable: true }) issuedBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) issuedAt!: Date;
}
