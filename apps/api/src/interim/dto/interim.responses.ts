import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGENDA_KIND_LABELS, AgendaItemKind } from '../../agenda/index.js';
import { FINDING_STATUS_LABELS, FindingStatus } from '../finding-status.js';
import type { InspectionFinding } from '../inspection-finding.entity.js';
import type { InspectionTour, InspectionTourMember } from '../inspection-tour.entity.js';
import type { JointItem } from '../joint-item.entity.js';
import type { JointMeeting } from '../joint-meeting.entity.js';
import {
  JOINT_ROLE_LABELS,
  JointRole,
  type JointParticipant,
} from '../joint-participant.entity.js';

export class JointMeetingResponse {
  @ApiProperty() id!: string;
  @ApiProperty() termId!: string;
  @ApiProperty({ example: '2026-09-15' }) heldOn!: string;
  @ApiProperty() place!: string;
  @ApiProperty() topic!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) record!: string | null;

  static of(m: JointMeeting): JointMeetingResponse {
    return {
      id: m.id,
      termId: m.termId,
      heldOn: m.heldOn,
      place: m.place,
      topic: m.topic,
      record: m.record,
    };
  }
}

export class JointParticipantResponse {
  @ApiProperty() id!: string;
  @ApiProperty() delegateId!: string;
  @ApiProperty({ enum: JointRole }) role!: JointRole;
  @ApiProperty({ example: '代表团（组）长' }) roleLabel!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: '代表团（组）或专门委员会名称' }) body!: string;
  @ApiProperty({ type: Boolean, nullable: true, description: 'null：尚未登记出席' })
  present!: boolean | null;

  static of(p: JointParticipant): JointParticipantResponse {
    return {
      id: p.id,
      delegateId: p.delegateId,
      role: p.role,
      roleLabel: JOINT_ROLE_LABELS[p.role],
      name: p.name,
      body: p.body,
      present: p.present,
    };
  }
}

export class JointItemResponse {
  @ApiProperty() id!: string;
  @ApiProperty() meetingId!: string;
  @ApiProperty({ enum: AgendaItemKind }) kind!: AgendaItemKind;
  @ApiProperty({ example: '审议决定' }) kindLabel!: string;
  @ApiProperty() title!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) outcome!: string | null;
  @ApiProperty({ description: '须提请下次职代会确认' }) needsConfirmation!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) confirmedSessionId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) confirmedAt!: string | null;

  static of(i: JointItem): JointItemResponse {
    return {
      id: i.id,
      meetingId: i.meetingId,
      kind: i.kind,
      kindLabel: AGENDA_KIND_LABELS[i.kind],
      title: i.title,
      outcome: i.outcome,
      needsConfirmation: i.needsConfirmation,
      confirmedSessionId: i.confirmedSessionId,
      confirmedAt: i.confirmedAt?.toISOString() ?? null,
    };
  }
}

export class JointMeetingDetailResponse extends JointMeetingResponse {
  @ApiProperty({ type: [JointParticipantResponse] }) participants!: JointParticipantResponse[];
  @ApiProperty({ type: [JointItemResponse] }) items!: JointItemResponse[];
}

/** A decision waiting for the next session, with the meeting it came from. */
export class PendingDecisionResponse extends JointItemResponse {
  @ApiProperty() meetingTopic!: string;
  @ApiProperty({ example: '2026-09-15' }) meetingHeldOn!: string;
}

export class InspectionFindingResponse {
  @ApiProperty() id!: string;
  @ApiProperty() tourId!: string;
  @ApiProperty() text!: string;
  @ApiProperty() departmentId!: string;
  @ApiProperty() departmentName!: string;
  @ApiProperty({ example: '2026-07-31' }) deadline!: string;
  @ApiProperty({ enum: FindingStatus }) status!: FindingStatus;
  @ApiProperty({ example: '待办理' }) statusLabel!: string;
  @ApiProperty({ description: '未办结且已过整改期限' }) overdue!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) answer!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) answeredAt!: string | null;

  static of(f: InspectionFinding, departmentName: string, overdue: boolean) {
    const r: InspectionFindingResponse = {
      id: f.id,
      tourId: f.tourId,
      text: f.text,
      departmentId: f.departmentId,
      departmentName,
      deadline: f.deadline,
      status: f.status,
      statusLabel: FINDING_STATUS_LABELS[f.status],
      overdue,
      answer: f.answer,
      answeredAt: f.answeredAt?.toISOString() ?? null,
    };
    return r;
  }
}

/** A department's finding with the tour it came from. */
export class DepartmentFindingResponse extends InspectionFindingResponse {
  @ApiProperty() tourTopic!: string;
  @ApiProperty() tourPlaces!: string;
}

export class TourMemberResponse {
  @ApiProperty() delegateId!: string;
  @ApiProperty() name!: string;

  static of(m: InspectionTourMember): TourMemberResponse {
    return { delegateId: m.delegateId, name: m.name };
  }
}

export class InspectionTourResponse {
  @ApiProperty() id!: string;
  @ApiProperty() termId!: string;
  @ApiProperty() topic!: string;
  @ApiProperty() places!: string;
  @ApiProperty({ example: '2026-07-10' }) heldOn!: string;
  @ApiProperty({ type: [TourMemberResponse] }) members!: TourMemberResponse[];
  @ApiProperty({ type: [InspectionFindingResponse] }) findings!: InspectionFindingResponse[];

  static of(
    t: InspectionTour,
    members: TourMemberResponse[],
    findings: InspectionFindingResponse[],
  ): InspectionTourResponse {
    return {
      id: t.id,
      termId: t.termId,
      topic: t.topic,
      places: t.places,
      heldOn: t.heldOn,
      members,
      findings,
    };
  }
}
