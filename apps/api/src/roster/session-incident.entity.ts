import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type {
  ApproverRole,
  DecidedVia,
  IncidentKind,
  IncidentStatus,
} from '../common/contracts.js';

/**
 * 会议异常事项 (see the migrations): a request by one staff member, decided once by a presidium
 * member or teller (on their tablet, or recorded by staff), then the code issued once. Deleting
 * is refused by the database, and so is changing a decided row beyond that one issue time.
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
  /** The account that wrote the decision: the approver's own, or the recording staff member. */
  @Column({ type: 'uuid', nullable: true }) decidedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  /** The presidium member or teller who decided (null on requests decided before migration 1795348000000). */
  @Column({ type: 'uuid', nullable: true }) decidedByDelegateId!: string | null;
  @Column({ type: 'text', nullable: true }) approverRole!: ApproverRole | null;
  @Column({ type: 'text', nullable: true }) decidedVia!: DecidedVia | null;
  @Column({ type: 'timestamptz', nullable: true }) codeIssuedAt!: Date | null;
}
