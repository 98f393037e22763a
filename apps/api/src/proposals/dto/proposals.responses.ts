import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ASSIGNMENT_STATUS_LABELS,
  AssignmentStatus,
  AWAITING_ANSWER,
  CATEGORY_LABELS,
  DECISION_LABELS,
  KIND_LABELS,
  ProposalCategory,
  ProposalDecision,
  ProposalKind,
  Rating,
  RATING_LABELS,
} from '../proposal.enums.js';
import { PROPOSAL_STATUS_LABELS, ProposalStatus } from '../proposal-status.js';
import type {
  CategoryFigures,
  DepartmentFigures,
  HandlingFigures,
  ProposalStatistics,
  Rate,
  RatingCounts,
  ReportItem,
  StatusCount,
} from '../proposal-stats.js';
import type { ProposalFileMeta } from '../proposal-files.service.js';
import type { AssignmentView, AttachmentMeta, ProposalBundle } from '../proposal-views.js';
import type { ProposalReport } from '../reporting.service.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Who is looking, for the parts of a view that depend on it. */
export interface ViewerContext {
  /** Today in Shanghai (`YYYY-MM-DD`), for overdue flags. */
  today: string;
  /** A department user's department: sees its own pending uploads. */
  departmentId?: string | null;
  /** A delegate's seats: tells them whether they proposed or co-signed. */
  delegateIds?: ReadonlySet<string>;
  /** The proposals the caller follows (关注). */
  followed?: ReadonlySet<string>;
}

export const isOverdue = (a: { status: AssignmentStatus; dueOn: string }, today: string) =>
  AWAITING_ANSWER.includes(a.status) && a.dueOn < today;

export class AttachmentResponse {
  @ApiProperty() id!: string;
  @ApiProperty() filename!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() size!: number;
  @ApiProperty({ description: 'SHA-256 of the bytes, hex' }) sha256!: string;

  static of(f: AttachmentMeta | ProposalFileMeta): AttachmentResponse {
    return {
      id: f.id,
      filename: f.filename,
      contentType: f.contentType,
      size: f.size,
      sha256: f.sha256,
    };
  }
}

export class AnswerResponse {
  @ApiProperty() round!: number;
  @ApiProperty() body!: string;
  @ApiProperty() answeredAt!: string;
  @ApiProperty({ description: 'the deadline it was measured against' }) dueOn!: string;
  @ApiProperty() onTime!: boolean;
  @ApiProperty({ type: [AttachmentResponse] }) attachments!: AttachmentResponse[];

  static of(x: AssignmentView['answers'][number]): AnswerResponse {
    return {
      round: x.answer.round,
      body: x.answer.body,
      answeredAt: x.answer.answeredAt.toISOString(),
      dueOn: x.answer.dueOn,
      onTime: x.answer.onTime,
      attachments: x.attachments.map(AttachmentResponse.of),
    };
  }
}

export class AssignmentResponse {
  @ApiProperty() id!: string;
  @ApiProperty() proposalId!: string;
  @ApiProperty() departmentId!: string;
  @ApiProperty() departmentName!: string;
  @ApiProperty({ enum: AssignmentStatus }) status!: AssignmentStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty({ description: '2 after the proposer sent the answer back' }) round!: number;
  @ApiProperty({ description: 'last day to answer (Asia/Shanghai)' }) dueOn!: string;
  @ApiProperty() overdue!: boolean;
  @ApiProperty() assignedAt!: string;
  @ApiProperty({ nullable: true, type: String }) sentBackAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) sentBackReason!: string | null;
  @ApiProperty({ enum: Rating, nullable: true }) rating!: Rating | null;
  @ApiProperty({ nullable: true, type: String }) ratingLabel!: string | null;
  @ApiProperty({ nullable: true, type: String }) ratingComment!: string | null;
  @ApiProperty({ nullable: true, type: String }) ratedAt!: string | null;
  @ApiProperty({ type: [AnswerResponse] }) answers!: AnswerResponse[];
  @ApiPropertyOptional({
    type: [AttachmentResponse],
    description: "uploaded, not yet sent: only to the department's own users",
  })
  pendingAttachments?: AttachmentResponse[];

  static of(v: AssignmentView, ctx: ViewerContext): AssignmentResponse {
    const a = v.assignment;
    const own = !!ctx.departmentId && ctx.departmentId === a.departmentId;
    return {
      id: a.id,
      proposalId: a.proposalId,
      departmentId: a.departmentId,
      departmentName: v.departmentName,
      status: a.status,
      statusLabel: ASSIGNMENT_STATUS_LABELS[a.status],
      round: a.round,
      dueOn: a.dueOn,
      overdue: isOverdue(a, ctx.today),
      assignedAt: a.assignedAt.toISOString(),
      sentBackAt: iso(a.sentBackAt),
      sentBackReason: a.sentBackReason,
      rating: a.rating,
      ratingLabel: a.rating ? RATING_LABELS[a.rating] : null,
      ratingComment: a.ratingComment,
      ratedAt: iso(a.ratedAt),
      answers: v.answers.map(AnswerResponse.of),
      ...(own ? { pendingAttachments: v.pending.map(AttachmentResponse.of) } : {}),
    };
  }
}

export class PersonResponse {
  @ApiProperty() delegateId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) groupName!: string | null;
}

export class CosignerResponse extends PersonResponse {
  @ApiProperty() signedAt!: string;
}

export class DecisionResponse {
  @ApiProperty({ enum: ProposalDecision }) decision!: ProposalDecision;
  @ApiProperty() label!: string;
  @ApiProperty({ nullable: true, type: String, description: 'reason of a rejection' })
  note!: string | null;
  @ApiProperty() decidedAt!: string;
  @ApiProperty({ nullable: true, type: String }) decidedBy!: string | null;
}

export class ProposalRefResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ nullable: true, type: String }) number!: string | null;
  @ApiProperty() subject!: string;
}

/** A proposal as its proposer, co-signers, the committee and its departments see it. */
export class ProposalResponse {
  @ApiProperty() id!: string;
  @ApiProperty() termId!: string;
  @ApiProperty({ nullable: true, type: String }) sessionId!: string | null;
  @ApiProperty({ nullable: true, type: String }) sessionName!: string | null;
  @ApiProperty({ enum: ProposalKind }) kind!: ProposalKind;
  @ApiProperty() kindLabel!: string;
  @ApiProperty({ enum: ProposalStatus }) status!: ProposalStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-015' }) number!: string | null;
  @ApiProperty() subject!: string;
  @ApiProperty() reasons!: string;
  @ApiProperty() measures!: string;
  @ApiProperty({ enum: ProposalCategory }) category!: ProposalCategory;
  @ApiProperty() categoryLabel!: string;
  @ApiProperty({ enum: ProposalCategory }) proposedCategory!: ProposalCategory;
  @ApiProperty({ type: PersonResponse }) proposer!: PersonResponse;
  @ApiProperty() cosignersRequired!: number;
  @ApiProperty({ type: [CosignerResponse], description: 'live signatures' })
  cosigners!: CosignerResponse[];
  @ApiProperty({ nullable: true, type: String }) tabledAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) submittedAt!: string | null;
  @ApiProperty({ nullable: true, type: DecisionResponse }) decision!: DecisionResponse | null;
  @ApiProperty({ nullable: true, type: ProposalRefResponse })
  mergedInto!: ProposalRefResponse | null;
  @ApiProperty({ type: [ProposalRefResponse] }) mergedFrom!: ProposalRefResponse[];
  @ApiProperty({ nullable: true, type: String }) withdrawnAt!: string | null;
  @ApiProperty({ type: [AssignmentResponse] }) assignments!: AssignmentResponse[];
  @ApiProperty({ nullable: true, type: String }) publishedAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ description: 'the caller proposed it' }) isProposer!: boolean;
  @ApiProperty({ description: 'the caller co-signs it' }) cosignedByMe!: boolean;
  @ApiProperty({ type: [AttachmentResponse], description: "the proposer's own files (材料)" })
  files!: AttachmentResponse[];
  @ApiProperty({ description: 'the caller follows it (关注)' }) following!: boolean;

  static of(b: ProposalBundle, ctx: ViewerContext): ProposalResponse {
    const p = b.proposal;
    const live = b.cosigners.filter((c) => !c.withdrawnAt);
    return {
      id: p.id,
      termId: p.termId,
      sessionId: p.sessionId,
      sessionName: b.sessionName,
      kind: p.kind,
      kindLabel: KIND_LABELS[p.kind],
      status: p.status,
      statusLabel: PROPOSAL_STATUS_LABELS[p.status],
      number: p.number,
      subject: p.subject,
      reasons: p.reasons,
      measures: p.measures,
      category: p.category,
      categoryLabel: CATEGORY_LABELS[p.category],
      proposedCategory: p.proposedCategory,
      proposer: {
        delegateId: b.proposer.delegateId,
        name: b.proposer.name,
        groupName: b.proposer.groupName,
      },
      cosignersRequired: p.cosignersRequired,
      cosigners: live.map((c) => ({
        delegateId: c.delegateId,
        name: c.name,
        groupName: c.groupName,
        signedAt: c.signedAt.toISOString(),
      })),
      tabledAt: iso(p.tabledAt),
      submittedAt: iso(p.submittedAt),
      decision:
        p.decision && p.decidedAt
          ? {
              decision: p.decision,
              label: DECISION_LABELS[p.decision],
              note: p.decisionNote,
              decidedAt: p.decidedAt.toISOString(),
              decidedBy: b.decidedByName,
            }
          : null,
      mergedInto: b.mergedInto,
      mergedFrom: b.mergedFrom.map(({ id, number, subject }) => ({ id, number, subject })),
      withdrawnAt: iso(p.withdrawnAt),
      assignments: b.assignments.map((a) => AssignmentResponse.of(a, ctx)),
      publishedAt: iso(p.publishedAt),
      createdAt: p.createdAt.toISOString(),
      isProposer: !!ctx.delegateIds?.has(p.proposerDelegateId),
      cosignedByMe: live.some((c) => ctx.delegateIds?.has(c.delegateId)),
      files: b.files.map(AttachmentResponse.of),
      following: !!ctx.followed?.has(p.id),
    };
  }
}

export class DepartmentProgressResponse {
  @ApiProperty() assignmentId!: string;
  @ApiProperty() departmentName!: string;
  @ApiProperty({ enum: AssignmentStatus }) status!: AssignmentStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty() dueOn!: string;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ nullable: true, type: String }) ratingLabel!: string | null;
}

/** One line of a list. */
export class ProposalSummaryResponse {
  @ApiProperty() id!: string;
  @ApiProperty() termId!: string;
  @ApiProperty({ nullable: true, type: String }) sessionId!: string | null;
  @ApiProperty({ nullable: true, type: String }) number!: string | null;
  @ApiProperty({ enum: ProposalKind }) kind!: ProposalKind;
  @ApiProperty() kindLabel!: string;
  @ApiProperty({ enum: ProposalStatus }) status!: ProposalStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ enum: ProposalCategory }) category!: ProposalCategory;
  @ApiProperty() categoryLabel!: string;
  @ApiProperty() proposerName!: string;
  @ApiProperty({ nullable: true, type: String }) groupName!: string | null;
  @ApiProperty() cosigners!: number;
  @ApiProperty() cosignersRequired!: number;
  @ApiProperty({ type: [DepartmentProgressResponse] }) departments!: DepartmentProgressResponse[];
  @ApiProperty({ description: 'a department is past its deadline' }) overdue!: boolean;
  @ApiProperty({ nullable: true, type: String }) tabledAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) publishedAt!: string | null;
  @ApiProperty() isProposer!: boolean;
  @ApiProperty() cosignedByMe!: boolean;
  @ApiProperty({ description: 'the caller follows it (关注)' }) following!: boolean;
  @ApiProperty({ description: 'how many files the proposer attached' }) files!: number;

  static of(b: ProposalBundle, ctx: ViewerContext): ProposalSummaryResponse {
    const p = b.proposal;
    const live = b.cosigners.filter((c) => !c.withdrawnAt);
    const departments = b.assignments.map(({ assignment: a, departmentName }) => ({
      assignmentId: a.id,
      departmentName,
      status: a.status,
      statusLabel: ASSIGNMENT_STATUS_LABELS[a.status],
      dueOn: a.dueOn,
      overdue: isOverdue(a, ctx.today),
      ratingLabel: a.rating ? RATING_LABELS[a.rating] : null,
    }));
    return {
      id: p.id,
      termId: p.termId,
      sessionId: p.sessionId,
      number: p.number,
      kind: p.kind,
      kindLabel: KIND_LABELS[p.kind],
      status: p.status,
      statusLabel: PROPOSAL_STATUS_LABELS[p.status],
      subject: p.subject,
      category: p.category,
      categoryLabel: CATEGORY_LABELS[p.category],
      proposerName: b.proposer.name,
      groupName: b.proposer.groupName,
      cosigners: live.length,
      cosignersRequired: p.cosignersRequired,
      departments,
      overdue: departments.some((d) => d.overdue),
      tabledAt: iso(p.tabledAt),
      publishedAt: iso(p.publishedAt),
      isProposer: !!ctx.delegateIds?.has(p.proposerDelegateId),
      cosignedByMe: live.some((c) => ctx.delegateIds?.has(c.delegateId)),
      following: !!ctx.followed?.has(p.id),
      files: b.files.length,
    };
  }
}

/** A department's to-do line, or an overdue one for staff: the assignment and its proposal. */
export class AssignmentWithProposalResponse extends AssignmentResponse {
  @ApiProperty({ type: ProposalSummaryResponse }) proposal!: ProposalSummaryResponse;

  static ofBundle(
    b: ProposalBundle,
    assignmentId: string,
    ctx: ViewerContext,
  ): AssignmentWithProposalResponse {
    const view = b.assignments.find((a) => a.assignment.id === assignmentId)!;
    return { ...AssignmentResponse.of(view, ctx), proposal: ProposalSummaryResponse.of(b, ctx) };
  }
}

export class ProposalEventResponse {
  @ApiProperty() at!: string;
  @ApiProperty() event!: string;
  @ApiProperty({ nullable: true, type: String }) fromStatus!: string | null;
  @ApiProperty({ nullable: true, type: String }) toStatus!: string | null;
  @ApiProperty({ nullable: true, type: String }) actor!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty() data!: object;
}

export class IntakeWindowResponse {
  @ApiProperty({ description: 'proposals are taken now; otherwise a new one is a suggestion' })
  open!: boolean;
  @ApiProperty({ nullable: true, type: String }) sessionId!: string | null;
  @ApiProperty({ nullable: true, type: String }) sessionName!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-11-05' }) opensOn!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-04' }) closesOn!: string | null;
  @ApiProperty() cosignersRequired!: number;
}

export class PublishedCountResponse {
  @ApiProperty() published!: number;
}

/** An exact fraction and its percentage (one decimal; null when there is nothing to count). */
export class RateResponse implements Rate {
  @ApiProperty() count!: number;
  @ApiProperty() of!: number;
  @ApiProperty({ nullable: true, type: Number, example: 87.5 }) percent!: number | null;
}

export class RatingCountsResponse implements RatingCounts {
  @ApiProperty() satisfied!: number;
  @ApiProperty() basicallySatisfied!: number;
  @ApiProperty() unsatisfied!: number;
}

export class HandlingFiguresResponse implements HandlingFigures {
  @ApiProperty() assignments!: number;
  @ApiProperty({ description: 'answers given (a re-answer counts again)' }) answers!: number;
  @ApiProperty() answersOnTime!: number;
  @ApiProperty() overdue!: number;
  @ApiProperty() sentBack!: number;
  @ApiProperty() rated!: number;
  @ApiProperty({ type: RatingCountsResponse }) ratings!: RatingCountsResponse;
  @ApiProperty({ type: RateResponse, description: 'answers on time / answers' })
  onTimeRate!: RateResponse;
  @ApiProperty({ type: RateResponse, description: '(满意 + 基本满意) / rated' })
  satisfactionRate!: RateResponse;
}

export class DepartmentFiguresResponse
  extends HandlingFiguresResponse
  implements DepartmentFigures
{
  @ApiProperty() departmentId!: string;
  @ApiProperty() name!: string;
}

export class CategoryFiguresResponse implements CategoryFigures {
  @ApiProperty({ enum: ProposalCategory }) category!: ProposalCategory;
  @ApiProperty() label!: string;
  @ApiProperty() total!: number;
  @ApiProperty() accepted!: number;
}

export class StatusCountResponse implements StatusCount {
  @ApiProperty({ enum: ProposalStatus }) status!: ProposalStatus;
  @ApiProperty() label!: string;
  @ApiProperty() count!: number;
}

/** 提案办理情况 in figures: by status, category and department. */
export class ProposalStatisticsResponse implements ProposalStatistics {
  @ApiProperty({ description: 'tabled proposals (or suggestions)' }) total!: number;
  @ApiProperty({ type: [StatusCountResponse] }) byStatus!: StatusCountResponse[];
  @ApiProperty({ type: [CategoryFiguresResponse] }) byCategory!: CategoryFiguresResponse[];
  @ApiProperty({ type: [DepartmentFiguresResponse] }) byDepartment!: DepartmentFiguresResponse[];
  @ApiProperty({ type: HandlingFiguresResponse }) handling!: HandlingFiguresResponse;
}

class ReportDepartmentResponse {
  @ApiProperty() name!: string;
  @ApiProperty() dueOn!: string;
  @ApiProperty({ nullable: true, type: String }) answeredOn!: string | null;
  @ApiProperty({ nullable: true, type: Boolean }) onTime!: boolean | null;
  @ApiProperty() sentBack!: boolean;
  @ApiProperty({ nullable: true, type: String }) rating!: string | null;
}

class ReportItemResponse implements ReportItem {
  @ApiProperty({ nullable: true, type: String }) number!: string | null;
  @ApiProperty() kindLabel!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() categoryLabel!: string;
  @ApiProperty() proposerName!: string;
  @ApiProperty({ nullable: true, type: String }) groupName!: string | null;
  @ApiProperty({ type: [String] }) cosignerNames!: string[];
  @ApiProperty() statusLabel!: string;
  @ApiProperty({ nullable: true, type: String }) decisionLabel!: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionNote!: string | null;
  @ApiProperty({ nullable: true, type: String }) mergedInto!: string | null;
  @ApiProperty({ type: [ReportDepartmentResponse] }) departments!: ReportDepartmentResponse[];
}

class ReportSessionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() startsAt!: string;
  @ApiProperty({ example: '2026-12-05 09:00' }) startsAtLocal!: string;
}

class ReportReceivedResponse {
  @ApiProperty() total!: number;
  @ApiProperty() proposals!: number;
  @ApiProperty() suggestions!: number;
  @ApiProperty() withdrawn!: number;
}

class ReportDecisionsResponse {
  @ApiProperty() accepted!: number;
  @ApiProperty() merged!: number;
  @ApiProperty() converted!: number;
  @ApiProperty() rejected!: number;
  @ApiProperty({ description: 'not decided yet' }) pending!: number;
}

/** 提案办理情况报告 as data for the minutes. */
export class ProposalReportResponse extends ProposalStatisticsResponse implements ProposalReport {
  @ApiProperty() title!: string;
  @ApiProperty({ type: ReportSessionResponse }) session!: ReportSessionResponse;
  @ApiProperty() generatedAt!: string;
  @ApiProperty({ type: ReportReceivedResponse }) received!: ReportReceivedResponse;
  @ApiProperty({ type: ReportDecisionsResponse }) decisions!: ReportDecisionsResponse;
  @ApiProperty({ type: [ReportItemResponse] }) items!: ReportItemResponse[];
}
