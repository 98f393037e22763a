import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { OpennessCategory, OpennessForm, OpennessTiming } from './openness.enums.js';
import type { OpennessStatus } from './openness-status.js';

/**
 * 公开事项: drafted by its department, reviewed by staff for the leading group, published with
 * its content frozen (`content`, hashed in `contentSha256`), then heard and rectified.
 */
@Entity({ name: 'openness_items' })
export class OpennessItem {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) body!: string;
  @Column({ type: 'text' }) category!: OpennessCategory;
  @Column({ type: 'text', nullable: true }) categoryLabel!: string | null;
  @Column({ type: 'uuid' }) unitId!: string;
  @Column({ type: 'text' }) timing!: OpennessTiming;
  @Column({ type: 'uuid', nullable: true }) planEntryId!: string | null;
  @Column({ type: 'date', nullable: true }) eventOn!: string | null;
  @Column({ type: 'integer', nullable: true }) withinDays!: number | null;
  @Column({ type: 'uuid' }) departmentId!: string;
  @Column({ type: 'text' }) responsiblePerson!: string;
  @Column({ type: 'text' }) status!: OpennessStatus;
  @Column({ type: 'uuid' }) draftedBy!: string;
  @Column({ type: 'timestamptz', nullable: true }) submittedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) reviewedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) reviewedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) returnReason!: string | null;
  @Column({ type: 'date', nullable: true }) publishFrom!: string | null;
  @Column({ type: 'date', nullable: true }) publishUntil!: string | null;
  @Column({ type: 'text', nullable: true }) scope!: string | null;
  @Column({ type: 'text', nullable: true }) form!: OpennessForm | null;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  @Column({ type: 'jsonb', nullable: true }) content!: FrozenContent | null;
  @Column({ type: 'text', nullable: true }) contentSha256!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) opinionsClosedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) outcome!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

/** What was published, as hashed: the text, the level and the files by their own hashes. */
export interface FrozenContent {
  title: string;
  body: string;
  category: OpennessCategory;
  categoryLabel: string | null;
  unitId: string;
  publishFrom: string;
  publishUntil: string;
  scope: string;
  form: OpennessForm;
  attachments: { id: string; filename: string; sha256: string }[];
}
