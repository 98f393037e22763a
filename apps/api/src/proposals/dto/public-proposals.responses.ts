import { ApiProperty } from '@nestjs/swagger';
import { shanghaiDay } from '../../common/time.js';
import {
  ASSIGNMENT_STATUS_LABELS,
  CATEGORY_LABELS,
  DECISION_LABELS,
  KIND_LABELS,
  RATING_LABELS,
} from '../proposal.enums.js';
import { PROPOSAL_STATUS_LABELS, ProposalStatus } from '../proposal-status.js';
import type { AssignmentView, ProposalBundle } from '../proposal-views.js';

/*
 * The public board (厂务公开): what every employee may read. Built field by field, so nothing is
 * published by accident: no user or delegate ids, no employee numbers or phones, no drafts or
 * pending uploads, co-signers by name only.
 */

export class PublicAttachmentResponse {
  @ApiProperty() id!: string;
  @ApiProperty() filename!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() size!: number;
}

export class PublicAnswerResponse {
  @ApiProperty() round!: number;
  @ApiProperty() body!: string;
  @ApiProperty({ example: '2026-12-20' }) answeredOn!: string;
  @ApiProperty() onTime!: boolean;
  @ApiProperty({ type: [PublicAttachmentResponse] }) attachments!: PublicAttachmentResponse[];
}

export class PublicHandlingResponse {
  @ApiProperty() department!: string;
  @ApiProperty() statusLabel!: string;
  @ApiProperty() dueOn!: string;
  @ApiProperty() sentBack!: boolean;
  @ApiProperty({ nullable: true, type: String, description: '满意 / 基本满意 / 不满意' })
  rating!: string | null;
  @ApiProperty({ type: [PublicAnswerResponse] }) answers!: PublicAnswerResponse[];
}

export class PublicProposalResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ nullable: true, type: String }) number!: string | null;
  @ApiProperty() kindLabel!: string;
  @ApiProperty({ enum: ProposalStatus }) status!: ProposalStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty({ nullable: true, type: String }) sessionName!: string | null;
  @ApiProperty() subject!: string;
  @ApiProperty() reasons!: string;
  @ApiProperty() measures!: string;
  @ApiProperty() categoryLabel!: string;
  @ApiProperty() proposerName!: string;
  @ApiProperty({ nullable: true, type: String }) groupName!: string | null;
  @ApiProperty({ type: [String] }) cosignerNames!: string[];
  @ApiProperty({ nullable: true, type: String }) decisionLabel!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the written reason of a rejection' })
  decisionNote!: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedOn!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'merged into: its number or subject' })
  mergedInto!: string | null;
  @ApiProperty({ type: [PublicHandlingResponse] }) handling!: PublicHandlingResponse[];
  @ApiProperty() publishedAt!: string;

  static of(b: ProposalBundle): PublicProposalResponse {
    const p = b.proposal;
    return {
      id: p.id,
      number: p.number,
      kindLabel: KIND_LABELS[p.kind],
      status: p.status,
      statusLabel: PROPOSAL_STATUS_LABELS[p.status],
      sessionName: b.sessionName,
      subject: p.subject,
      reasons: p.reasons,
      measures: p.measures,
      categoryLabel: CATEGORY_LABELS[p.category],
      proposerName: b.proposer.name,
      groupName: b.proposer.groupName,
      cosignerNames: b.cosigners.filter((c) => !c.withdrawnAt).map((c) => c.name),
      decisionLabel: p.decision ? DECISION_LABELS[p.decision] : null,
      decisionNote: p.decisionNote,
      decidedOn: p.decidedAt ? shanghaiDay(p.decidedAt) : null,
      mergedInto: b.mergedInto ? (b.mergedInto.number ?? b.mergedInto.subject) : null,
      handling: b.assignments.map(publicHandling),
      publishedAt: p.publishedAt!.toISOString(),
    };
  }
}

function publicHandling(v: AssignmentView): PublicHandlingResponse {
  const a = v.assignment;
  return {
    department: v.departmentName,
    statusLabel: ASSIGNMENT_STATUS_LABELS[a.status],
    dueOn: a.dueOn,
    sentBack: a.round > 1,
    rating: a.rating ? RATING_LABELS[a.rating] : null,
    answers: v.answers.map(({ answer, attachments }) => ({
      round: answer.round,
      body: answer.body,
      answeredOn: shanghaiDay(answer.answeredAt),
      onTime: answer.onTime,
      attachments: attachments.map((f) => ({
        id: f.id,
        filename: f.filename,
        contentType: f.contentType,
        size: f.size,
      })),
    })),
  };
}
