import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DraftEdits } from './draft-edits.js';

/** One save of the secretary's text; every save is a new version (the table is append-only). */
@Entity({ name: 'minutes_drafts' })
export class MinutesDraft {
  @PrimaryColumn({ type: 'uuid' }) minutesId!: string;
  @PrimaryColumn({ type: 'integer' }) version!: number;
  @Column({ type: 'jsonb' }) edits!: DraftEdits;
  @Column({ type: 'uuid' }) savedBy!: string;
  @Column({ type: 'timestamptz' }) savedAt!: Date;
}
