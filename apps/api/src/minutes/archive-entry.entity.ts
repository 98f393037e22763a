import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ArchiveKind, ArchiveLinks } from '../common/minutes.js';

/**
 * One entry of the permanent archive: a libs/minutes ArchiveEntry (hash chain) with the content
 * it archives. The database refuses UPDATE, DELETE and TRUNCATE, and an INSERT that does not
 * continue the chain at its head.
 */
@Entity({ name: 'archive_entries' })
export class ArchiveEntryRow {
  @PrimaryColumn({ type: 'bigint' }) seq!: string;
  @Column({ type: 'text' }) kind!: ArchiveKind;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) contentHash!: string;
  @Column({ type: 'text' }) previousHash!: string;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'jsonb' }) links!: ArchiveLinks;
  @Column({ type: 'text' }) hash!: string;
  /** Canonical JSON of minutes; an election record as libs/ballot writes it. */
  @Column({ type: 'text', nullable: true }) content!: string | null;
  /** Canonical JSON of the minutes' signatures (minutes and corrections only). */
  @Column({ type: 'text', nullable: true }) signatures!: string | null;
}
