import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { AgendaItemKind } from './agenda.enums.js';
import type { VoteSpec } from './vote-spec.js';

/** The working copy of an agenda item; what delegates received is frozen in agenda_versions. */
@Entity({ name: 'agenda_items' })
export class AgendaItem {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) sessionId!: string;
  @Column({ type: 'integer' }) position!: number;
  @Column({ type: 'text' }) kind!: AgendaItemKind;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text', default: '' }) description!: string;
  @Column({ type: 'text', nullable: true }) presenter!: string | null;
  @Column({ type: 'jsonb', nullable: true }) voteSpec!: VoteSpec | null;
  @Column({ type: 'uuid', array: true, default: '{}' }) proposalIds!: string[];
  /** When this item's current content first reached delegates (its 7-day clock). */
  @Column({ type: 'timestamptz', nullable: true }) circulatedAt!: Date | null;
  @Column({ type: 'integer', nullable: true }) circulatedInVersion!: number | null;
  @Column({ type: 'boolean', default: false }) withdrawn!: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
