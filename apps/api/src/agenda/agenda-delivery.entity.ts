import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ReceiptMethod } from './agenda.enums.js';

/** One delegate's copy of one circulated version: delivered, then signed for (签收) once. */
@Entity({ name: 'agenda_deliveries' })
export class AgendaDelivery {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) versionId!: string;
  @Column({ type: 'uuid' }) delegateId!: string;
  @Column({ type: 'uuid', nullable: true }) userId!: string | null;
  @Column({ type: 'timestamptz' }) deliveredAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) receiptAt!: Date | null;
  @Column({ type: 'text', nullable: true }) receiptMethod!: ReceiptMethod | null;
  /** For a paper receipt: the date written on the paper, and who entered it. */
  @Column({ type: 'date', nullable: true }) paperSignedOn!: string | null;
  @Column({ type: 'uuid', nullable: true }) recordedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) lastRemindedAt!: Date | null;
}
