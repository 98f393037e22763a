import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { IncidentKind, IncidentStatus } from '../common/contracts.js';

/**
 * 会议异常事项 (see the migration): a request by one staff member, decided once by another
 * person. Deleting is refused by the database, and so is changing a decided row.
 */
@Entity({ name: 'session_incidents' })
export class SessionIncident {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) sessionId!: string;
  @Column({ type: 'text' }) kind!: IncidentKind;
  @Column({ type: 'uuid' }) delegateId!: string;
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'text' }) status!: IncidentStatus;
  @Column({ type: 'uuid' }) requestedBy!: string;
  @Column({ type: 'timestamptz' }) requestedAt!: Date;
  @Column({ type: 'uuid', nullable: true }) decidedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
}
