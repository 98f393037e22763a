import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A message to one user's tablet inbox; it survives reconnection (the socket event may not). */
@Entity({ name: 'notifications' })
export class Notification {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @Column({ type: 'uuid' }) userId!: string;
  /** Machine kind, e.g. `proposal.accepted`, `agenda.circulated`. */
  @Column({ type: 'text' }) kind!: string;
  /** Chinese line for the inbox. */
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'jsonb', default: {} }) data!: object;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) readAt!: Date | null;
}
