import { ApiProperty } from '@nestjs/swagger';
import { RATINGS, type Rating, REMINDER_KINDS, type ReminderKind } from '../../common/contracts.js';
import type { OpennessAttachment } from '../attachment.entity.js';
import type { OpennessEmployee } from '../employee.entity.js';
import {
  categoryName,
  FORM_LABELS,
  LEVEL_LABELS,
  MeasureStatus,
  OpennessCategory,
  OpennessForm,
  OpennessTiming,
  OpinionKind,
  OPINION_KIND_LABELS,
  PLAN_STATE_LABELS,
  PlanState,
  UnitLevel,
} from '../openness.enums.js';
import { shanghaiDay } from '../../common/time.js';
import { isOverdue, lastDayOfMonth } from '../openness-rules.js';
import { OPENNESS_STATUS_LABELS, OpennessStatus } from '../openness-status.js';
import type { ItemBundle } from '../openness-views.js';
import type { OpennessMeasure } from '../measure.entity.js';
import type { OpennessOpinion } from '../opinion.entity.js';
import type { PlanLine } from '../plan.service.js';
import type { OpennessUnit } from '../unit.entity.js';
import { employeeUsername } from '../units.service.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export class UnitResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: UnitLevel }) level!: UnitLevel;
  @ApiProperty() levelLabel!: string;
  @ApiProperty({ nullable: true, type: String }) parentId!: string | null;

  static of(u: OpennessUnit): UnitResponse {
    return {
      id: u.id,
      name: u.name,
      level: u.level,
      levelLabel: LEVEL_LABELS[u.level],
      parentId: u.parentId,
    };
  }
}

export class EmployeeResponse {
  @ApiProperty() userId!: string;
  @ApiProperty({ description: 'log-in name: emp-<工号>', example: 'emp-a1024' }) username!: string;
  @ApiProperty() employeeNumber!: string;
  @ApiProperty() name!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty({ description: 'the account is disabled (the employee left)' }) disabled!: boolean;

  static of(e: OpennessEmployee, disabled = false): EmployeeResponse {
    return {
      userId: e.userId,
      username: employeeUsername(e.employeeNumber),
      employeeNumber: e.employeeNumber,
      name: e.name,
      unitId: e.unitId,
      disabled,
    };
  }
}

export class PlanLineResponse {
  @ApiProperty() id!: string;
  @ApiProperty() year!: number;
  @ApiProperty() month!: number;
  @ApiProperty() unitId!: string;
  @ApiProperty({ enum: OpennessCategory }) category!: OpennessCategory;
  @ApiProperty() categoryLabel!: string;
  @ApiProperty() title!: string;
  @ApiProperty() departmentId!: string;
  @ApiProperty({ enum: PlanState }) state!: PlanState;
  @ApiProperty() stateLabel!: string;
  @ApiProperty({ nullable: true, type: String }) publishedAt!: string | null;
  @ApiProperty({ type: [String] }) itemIds!: string[];

  static of(l: PlanLine): PlanLineResponse {
    const e = l.entry;
    return {
      id: e.id,
      year: e.year,
      month: e.month,
      unitId: e.unitId,
      category: e.category,
      categoryLabel: categoryName(e.category, null),
      title: e.title,
      departmentId: e.departmentId,
      state: l.state,
      stateLabel: PLAN_STATE_LABELS[l.state],
      publishedAt: iso(l.publishedAt),
      itemIds: l.itemIds,
    };
  }
}

/** A plan line the board shows as due and not published (到期未公开). */
export class DueUnpublishedResponse {
  @ApiProperty() planEntryId!: string;
  @ApiProperty() year!: number;
  @ApiProperty() month!: number;
  @ApiProperty({ description: 'the last day it was due', example: '2026-10-31' }) dueOn!: string;
  @ApiProperty() title!: string;
  @ApiProperty() categoryLabel!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty() levelLabel!: string;
  @ApiProperty() departmentName!: string;

  static of(l: PlanLine, unit: OpennessUnit, departmentName: string): DueUnpublishedResponse {
    const e = l.entry;
    return {
      planEntryId: e.id,
      year: e.year,
      month: e.month,
      dueOn: lastDayOfMonth(e.year, e.month),
      title: e.title,
      categoryLabel: categoryName(e.category, null),
      unitName: unit.name,
      levelLabel: LEVEL_LABELS[unit.level],
      departmentName,
    };
  }
}

/** A reminder just sent to a plan line's department. */
export class ReminderSentResponse {
  @ApiProperty() planEntryId!: string;
  @ApiProperty({ enum: REMINDER_KINDS, description: '即将到期 or 已逾期' }) kind!: ReminderKind;
  @ApiProperty({ description: 'the last day the line is due', example: '2026-11-30' })
  dueOn!: string;
}

export class PlanCountsResponse {
  @ApiProperty() on_time!: number;
  @ApiProperty() late!: number;
  @ApiProperty() missing!: number;
  @ApiProperty() not_due!: number;
}

export class PlanDashboardResponse {
  @ApiProperty() year!: number;
  @ApiProperty({ type: PlanCountsResponse }) counts!: PlanCountsResponse;
  @ApiProperty({ type: [PlanLineResponse] }) lines!: PlanLineResponse[];

  static of(year: number, lines: PlanLine[]): PlanDashboardResponse {
    const counts = { on_time: 0, late: 0, missing: 0, not_due: 0 };
    for (const l of lines) counts[l.state] += 1;
    return { year, counts, lines: lines.map(PlanLineResponse.of) };
  }
}

export class OpennessAttachmentResponse {
  @ApiProperty() id!: string;
  @ApiProperty() filename!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() size!: number;
  @ApiProperty({ description: 'SHA-256 of the bytes, hex' }) sha256!: string;

  static of(a: OpennessAttachment): OpennessAttachmentResponse {
    return {
      id: a.id,
      filename: a.filename,
      contentType: a.contentType,
      size: a.size,
      sha256: a.sha256,
    };
  }
}

export class MeasureResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ nullable: true, type: String }) opinionId!: string | null;
  @ApiProperty() description!: string;
  @ApiProperty() ownerName!: string;
  @ApiProperty() departmentName!: string;
  @ApiProperty({ example: '2026-12-20' }) dueOn!: string;
  @ApiProperty({ enum: MeasureStatus }) status!: MeasureStatus;
  @ApiProperty({ description: 'open after its deadline day (Asia/Shanghai)' }) overdue!: boolean;
  @ApiProperty({ nullable: true, type: String }) result!: string | null;
  @ApiProperty({ nullable: true, type: String }) doneAt!: string | null;

  static of(m: OpennessMeasure & { departmentName?: string }, now: Date): MeasureResponse {
    return {
      id: m.id,
      opinionId: m.opinionId,
      description: m.description,
      ownerName: m.ownerName,
      departmentName: m.departmentName ?? '',
      dueOn: m.dueOn,
      status: m.status,
      overdue: isOverdue(m, now),
      result: m.result,
      doneAt: iso(m.doneAt),
    };
  }
}

/** An opinion as staff and the item's department see it: the author's name unless anonymous. */
export class OpinionResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: OpinionKind }) kind!: OpinionKind;
  @ApiProperty() kindLabel!: string;
  @ApiProperty({ nullable: true, type: String }) body!: string | null;
  @ApiProperty({ nullable: true, enum: RATINGS }) rating!: Rating | null;
  @ApiProperty() anonymous!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'null when anonymous' })
  authorName!: string | null;
  @ApiProperty({ description: 'the day only, never the time', example: '2026-11-21' })
  receivedOn!: string;
  @ApiProperty({ nullable: true, type: String }) answer!: string | null;
  @ApiProperty({ nullable: true, type: String }) answeredAt!: string | null;

  static of(o: OpennessOpinion): OpinionResponse {
    return {
      id: o.id,
      kind: o.kind,
      kindLabel: OPINION_KIND_LABELS[o.kind],
      body: o.body,
      rating: o.rating,
      anonymous: o.anonymous,
      authorName: o.authorName,
      receivedOn: o.receivedOn,
      answer: o.answer,
      answeredAt: iso(o.answeredAt),
    };
  }
}

/** An item as its department and staff manage it. */
export class ItemResponse {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ enum: OpennessCategory }) category!: OpennessCategory;
  @ApiProperty({ nullable: true, type: String }) categoryOwnLabel!: string | null;
  @ApiProperty({ description: 'the category as shown' }) categoryLabel!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: UnitLevel }) level!: UnitLevel;
  @ApiProperty({ enum: OpennessTiming }) timing!: OpennessTiming;
  @ApiProperty({ nullable: true, type: String }) planEntryId!: string | null;
  @ApiProperty({ nullable: true, type: String }) eventOn!: string | null;
  @ApiProperty({ nullable: true, type: Number }) withinDays!: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'last day to publish' })
  dueOn!: string | null;
  @ApiProperty() departmentId!: string;
  @ApiProperty() departmentName!: string;
  @ApiProperty() responsiblePerson!: string;
  @ApiProperty({ enum: OpennessStatus }) status!: OpennessStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty({ nullable: true, type: String }) submittedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) reviewedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) returnReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) publishFrom!: string | null;
  @ApiProperty({ nullable: true, type: String }) publishUntil!: string | null;
  @ApiProperty({ nullable: true, type: String }) scope!: string | null;
  @ApiProperty({ nullable: true, enum: OpennessForm }) form!: OpennessForm | null;
  @ApiProperty({ nullable: true, type: String }) publishedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) contentSha256!: string | null;
  @ApiProperty({ nullable: true, type: String }) outcome!: string | null;
  @ApiProperty({ type: [OpennessAttachmentResponse] }) attachments!: OpennessAttachmentResponse[];

  static of(b: ItemBundle): ItemResponse {
    const i = b.item;
    return {
      id: i.id,
      title: i.title,
      body: i.body,
      category: i.category,
      categoryOwnLabel: i.categoryLabel,
      categoryLabel: categoryName(i.category, i.categoryLabel),
      unitId: i.unitId,
      unitName: b.unit.name,
      level: b.unit.level,
      timing: i.timing,
      planEntryId: i.planEntryId,
      eventOn: i.eventOn,
      withinDays: i.withinDays,
      dueOn: b.dueOn,
      departmentId: i.departmentId,
      departmentName: b.departmentName,
      responsiblePerson: i.responsiblePerson,
      status: i.status,
      statusLabel: OPENNESS_STATUS_LABELS[i.status],
      submittedAt: iso(i.submittedAt),
      reviewedAt: iso(i.reviewedAt),
      returnReason: i.returnReason,
      publishFrom: i.publishFrom,
      publishUntil: i.publishUntil,
      scope: i.scope,
      form: i.form,
      publishedAt: iso(i.publishedAt),
      contentSha256: i.contentSha256,
      outcome: i.outcome,
      attachments: b.attachments.map(OpennessAttachmentResponse.of),
    };
  }
}

export class PublicQuestionResponse {
  @ApiProperty() question!: string;
  @ApiProperty() answer!: string;
  @ApiProperty() receivedOn!: string;
  @ApiProperty() answeredAt!: string;
}

export class OpennessRatingCountsResponse {
  @ApiProperty() satisfied!: number;
  @ApiProperty() basically_satisfied!: number;
  @ApiProperty() unsatisfied!: number;
}

const ratingCounts = (opinions: OpennessOpinion[]): OpennessRatingCountsResponse => {
  const counts = { satisfied: 0, basically_satisfied: 0, unsatisfied: 0 };
  for (const o of opinions) if (o.rating) counts[o.rating] += 1;
  return counts;
};

const answered = (opinions: OpennessOpinion[]): PublicQuestionResponse[] =>
  opinions
    .filter((o) => o.kind === OpinionKind.Question && o.answer !== null)
    .map((o) => ({
      question: o.body!,
      answer: o.answer!,
      receivedOn: o.receivedOn,
      answeredAt: o.answeredAt!.toISOString(),
    }));

/**
 * A published item on the board, built from its frozen content: answered questions (never who
 * asked), rating counts, and the rectification measures published back. Comments stay with the
 * leading group and the department.
 */
export class BoardItemResponse {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty() categoryLabel!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: UnitLevel }) level!: UnitLevel;
  @ApiProperty() levelLabel!: string;
  @ApiProperty() departmentName!: string;
  @ApiProperty() publishFrom!: string;
  @ApiProperty() publishUntil!: string;
  @ApiProperty({
    description: '往期公开: its period has ended (Asia/Shanghai), off the current list',
  })
  archived!: boolean;
  @ApiProperty() scope!: string;
  @ApiProperty() formLabel!: string;
  @ApiProperty() publishedAt!: string;
  @ApiProperty({ description: 'SHA-256 of the frozen content (canonical JSON), hex' })
  contentSha256!: string;
  @ApiProperty({ enum: OpennessStatus }) status!: OpennessStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty({ description: 'the opinion box takes opinions' }) opinionsOpen!: boolean;
  @ApiProperty({ type: [OpennessAttachmentResponse] }) attachments!: OpennessAttachmentResponse[];
  @ApiProperty({ type: [PublicQuestionResponse] }) questions!: PublicQuestionResponse[];
  @ApiProperty({ type: OpennessRatingCountsResponse }) ratings!: OpennessRatingCountsResponse;
  @ApiProperty({ type: [MeasureResponse] }) measures!: MeasureResponse[];
  @ApiProperty({ nullable: true, type: String }) outcome!: string | null;

  static of(b: ItemBundle, files: OpennessAttachment[], now: Date): BoardItemResponse {
    const c = b.item.content!;
    return {
      id: b.item.id,
      title: c.title,
      body: c.body,
      categoryLabel: categoryName(c.category, c.categoryLabel),
      unitName: b.unit.name,
      level: b.unit.level,
      levelLabel: LEVEL_LABELS[b.unit.level],
      departmentName: b.departmentName,
      publishFrom: c.publishFrom,
      publishUntil: c.publishUntil,
      archived: c.publishUntil < shanghaiDay(now),
      scope: c.scope,
      formLabel: FORM_LABELS[c.form],
      publishedAt: b.item.publishedAt!.toISOString(),
      contentSha256: b.item.contentSha256!,
      status: b.item.status,
      statusLabel: OPENNESS_STATUS_LABELS[b.item.status],
      opinionsOpen: b.item.status === OpennessStatus.Published,
      attachments: files.map(OpennessAttachmentResponse.of),
      questions: answered(b.opinions),
      ratings: ratingCounts(b.opinions),
      measures: b.measures.map((m) => MeasureResponse.of(m, now)),
      outcome: b.item.outcome,
    };
  }
}

/** 厂务公开记录表: what, when, where, to whom, questions, answers, outcome. */
export class RecordResponse {
  @ApiProperty() itemId!: string;
  @ApiProperty({ description: '公开事项' }) what!: string;
  @ApiProperty() categoryLabel!: string;
  @ApiProperty({ description: '公开时间（起止）' }) when!: string;
  @ApiProperty() publishedAt!: string;
  @ApiProperty({ description: '公开单位与形式' }) where!: string;
  @ApiProperty({ description: '公开层级（公司、车间、科室、班组）' }) levelLabel!: string;
  @ApiProperty({ description: '公开范围' }) toWhom!: string;
  @ApiProperty() departmentName!: string;
  @ApiProperty() responsiblePerson!: string;
  @ApiProperty({ nullable: true, type: String }) reviewedAt!: string | null;
  @ApiProperty() contentSha256!: string;
  @ApiProperty() commentCount!: number;
  @ApiProperty({ type: OpennessRatingCountsResponse }) ratings!: OpennessRatingCountsResponse;
  @ApiProperty({ type: [OpinionResponse], description: 'questions, answered or not' })
  questions!: OpinionResponse[];
  @ApiProperty({ type: [MeasureResponse] }) measures!: MeasureResponse[];
  @ApiProperty() statusLabel!: string;
  @ApiProperty({ nullable: true, type: String }) outcome!: string | null;

  static of(b: ItemBundle, now: Date): RecordResponse {
    const c = b.item.content!;
    return {
      itemId: b.item.id,
      what: c.title,
      categoryLabel: categoryName(c.category, c.categoryLabel),
      when: `${c.publishFrom} 至 ${c.publishUntil}`,
      publishedAt: b.item.publishedAt!.toISOString(),
      where: `${b.unit.name}（${LEVEL_LABELS[b.unit.level]}）· ${FORM_LABELS[c.form]}`,
      levelLabel: LEVEL_LABELS[b.unit.level],
      toWhom: c.scope,
      departmentName: b.departmentName,
      responsiblePerson: b.item.responsiblePerson,
      reviewedAt: iso(b.item.reviewedAt),
      contentSha256: b.item.contentSha256!,
      commentCount: b.opinions.filter((o) => o.kind === OpinionKind.Comment).length,
      ratings: ratingCounts(b.opinions),
      questions: b.opinions.filter((o) => o.kind === OpinionKind.Question).map(OpinionResponse.of),
      measures: b.measures.map((m) => MeasureResponse.of(m, now)),
      statusLabel: OPENNESS_STATUS_LABELS[b.item.status],
      outcome: b.item.outcome,
    };
  }
}
