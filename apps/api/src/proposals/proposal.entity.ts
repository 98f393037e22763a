import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ProposalCategory, ProposalDecision, ProposalKind } from './proposal.enums.js';
import { ProposalStatus } from './proposal-status.js';

/**
 * 提案 (or 意见建议): tabled by a serving delegate of a term, for the session whose intake window
 * was open at tabling. Its history is in proposal_events; co-signers, departments' assignments
 * and answers in their own tables.
 */
@Entity({ name: 'proposals' })
export class Proposal {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) termId!: string;
  /** The session it was tabled for (a suggestion: the next session, if one is planned). */
  @Column({ type: 'uuid', nullable: true }) sessionId!: string | null;
  @Column({ type: 'text', default: ProposalKind.Proposal }) kind!: ProposalKind;
  @Column({ type: 'text', default: ProposalStatus.Draft }) status!: ProposalStatus;
  @Column({ type: 'uuid' }) proposerDelegateId!: string;
  /** The proposer's delegation group when tabled. */
  @Column({ type: 'uuid', nullable: true }) groupId!: string | null;
  /** 案由 */
  @Column({ type: 'text' }) subject!: string;
  /** 理由 */
  @Column({ type: 'text' }) reasons!: string;
  /** 建议/措施 */
  @Column({ type: 'text' }) measures!: string;
  /** The category the proposer chose; `category` is the committee's when it accepts. */
  @Column({ type: 'text' }) proposedCategory!: ProposalCategory;
  @Column({ type: 'text' }) category!: ProposalCategory;
  /** Co-signers needed, fixed when tabled (settings may change later). */
  @Column({ type: 'integer', default: 0 }) cosignersRequired!: number;
  /** `2026-015`, given on acceptance. */
  @Column({ type: 'text', nullable: true }) number!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) tabledAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) submittedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) decision!: ProposalDecision | null;
  /** Written reason of a rejection, or the committee's note on another decision. */
  @Column({ type: 'text', nullable: true }) decisionNote!: string | null;
  @Column({ type: 'uuid', nullable: true }) decidedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) mergedIntoId!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) withdrawnAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) publishedBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
