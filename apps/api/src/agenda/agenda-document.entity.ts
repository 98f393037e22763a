import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A document attached to an agenda item. Never changed once stored (a circulated version refers
 * to it by id and SHA-256); `detachedAt` takes it off the item without losing it.
 */
@Entity({ name: 'agenda_documents' })
export class AgendaDocument {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) itemId!: string;
  @Column({ type: 'text' }) filename!: string;
  @Column({ type: 'text' }) contentType!: string;
  @Column({ type: 'integer' }) size!: number;
  @Column({ type: 'text' }) sha256!: string;
  @Column({ type: 'bytea', select: false }) data!: Buffer;
  @Column({ type: 'uuid', nullable: true }) uploadedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) detachedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
