import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum MinutesStatus {
  /** The secretary is still writing; the record parts are assembled afresh on every read. */
  Draft = 'draft',
  /** Frozen: `document` is the canonical JSON that is signed; nothing in it changes again. */
  Final = 'final',
  /** Signed by everyone required and appended to the archive chain (`archiveSeq`). */
  Archived = 'archived',
}

/**
 * The minutes of one session, or a correction of archived minutes (`correctsId`). The database
 * refuses any change to a frozen document (trigger `minutes_frozen`) and any delete.
 */
@Entity({ name: 'minutes' })
export class Minutes {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) sessionId!: string;
  @Column({ type: 'uuid', nullable: true }) correctsId!: string | null;
  @Column({ type: 'text', nullable: true }) correctionReason!: string | null;
  @Column({ type: 'uuid' }) recorderUserId!: string;
  /** The recorder's name as the minutes give it (the secretary's display name). */
  @Column({ type: 'text' }) recorderName!: string;
  @Column({ type: 'text' }) status!: MinutesStatus;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) finalisedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) finalisedBy!: string | null;
  /** RFC 8785 canonical JSON, byte for byte what is hashed and signed. */
  @Column({ type: 'text', nullable: true }) document!: string | null;
  @Column({ type: 'text', nullable: true }) documentHash!: string | null;
  @Column({ type: 'bigint', nullable: true }) archiveSeq!: string | null;
}
