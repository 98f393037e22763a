import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  APPROVER_ROLES,
  type ApproverRole,
  DECIDED_VIA,
  type DecidedVia,
  INCIDENT_KINDS,
  INCIDENT_STATUSES,
  type Incident,
  type IncidentApprover,
  type IncidentKind,
  type IncidentStatus,
} from '../../common/contracts.js';
import type { ReissueApprover } from '../session-incidents.service.js';
import { IsPlainName } from '../../common/validators.js';

export class RequestCodeReissueDto {
  /** The checked-in delegate whose tablet is lost or swapped. */
  @ApiProperty() @IsUUID() delegateId!: string;
  /** Why (平板遗失、更换平板 …): shown on the console and in the minutes. */
  @ApiProperty({ example: '平板故障，更换备用平板' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @IsPlainName()
  reason!: string;
}

/** Staff recording the decision a presidium member or teller gave in person, naming them. */
export class RecordedDecisionDto {
  /** The presidium member's or teller's seat (GET /api/code-reissues/{id}/approvers). */
  @ApiProperty() @IsUUID() approverDelegateId!: string;
}

/** A refusal: on the approver's tablet (no body), or recorded by staff naming the approver. */
export class RefuseReissueDto {
  @ApiPropertyOptional({ description: '工作人员记录时必填：当面不批准的主席团成员或监票人' })
  @IsOptional()
  @IsUUID()
  approverDelegateId?: string;
}

export class ReissueApproverResponse implements ReissueApprover {
  @ApiProperty() delegateId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() employeeNumber!: string;
  @ApiProperty({ enum: APPROVER_ROLES }) role!: ApproverRole;
}

export class IncidentApproverResponse implements IncidentApprover {
  @ApiProperty() delegateId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: APPROVER_ROLES }) role!: ApproverRole;
}

export class IncidentActorResponse {
  @ApiProperty() id!: string;
  @ApiProperty() displayName!: string;
}

export class IncidentResponse implements Incident {
  @ApiProperty() id!: string;
  @ApiProperty() sessionId!: string;
  @ApiProperty({ enum: INCIDENT_KINDS }) kind!: IncidentKind;
  @ApiProperty({ enum: INCIDENT_STATUSES }) status!: IncidentStatus;
  @ApiProperty() delegateId!: string;
  @ApiProperty() delegateName!: string;
  @ApiProperty() employeeNumber!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: IncidentActorResponse }) requestedBy!: IncidentActorResponse;
  @ApiProperty() requestedAt!: string;
  @ApiPropertyOptional({ type: IncidentActorResponse, nullable: true })
  decidedBy!: IncidentActorResponse | null;
  @ApiPropertyOptional({ type: String, nullable: true }) decidedAt!: string | null;
  @ApiPropertyOptional({ type: IncidentApproverResponse, nullable: true })
  approver!: IncidentApproverResponse | null;
  @ApiPropertyOptional({ enum: DECIDED_VIA, nullable: true }) decidedVia!: DecidedVia | null;
  @ApiPropertyOptional({ type: String, nullable: true }) codeIssuedAt!: string | null;
}

/** An issued re-issue: the one new code, shown only in this answer, for staff to hand over. */
export class IssuedReissueResponse {
  @ApiProperty({ type: IncidentResponse }) incident!: IncidentResponse;
  @ApiProperty() username!: string;
  @ApiProperty({ example: 'K7QF-2M9X' }) code!: string;
  @ApiProperty() expiresAt!: string;
}
