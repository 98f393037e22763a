import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: the database refuses UPDATE, DELETE and TRUNCATE on this table. */
@Entity({ name: 'audit_log' })
export class AuditEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @CreateDateColumn({ type: 'timestamptz' }) at!: Date;
  @Column({ type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ type: 'text' }) actorUsername!: string;
  @Column({ type: 'text' }) actorRole!: string;
  @Column({ type: 'text' }) action!: string;
  @Column({ type: 'text', nullable: true }) target!: string | null;
  @Column({ type: 'jsonb', nullable: true }) details!: object | null;
  @Column({ type: 'text', nullable: true }) ip!: string | null;
}
