import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A one-time tablet log-in code, stored as an argon2id hash; used once, expires, re-issue revokes. */
@Entity({ name: 'login_codes' })
export class LoginCode {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) userId!: string;
  /** The issue it came from; null for codes issued before batches existed. */
  @Column({ type: 'uuid', nullable: true }) batchId!: string | null;
  @Column({ type: 'text' }) codeHash!: string;
  @Column({ type: 'timestamptz' }) expiresAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) usedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) issuedBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
