import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  INCIDENT_KINDS,
  INCIDENT_STATUSES,
  type Incident,
  type IncidentKind,
  type IncidentStatus,
} from '../../common/contracts.js';
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
}

/** An approved re-issue: the one new code, shown only in this answer, for the approver to hand over. */
export class ApprovedReissueResponse {
  @ApiProperty({ type: IncidentResponse }) incident!: IncidentResponse;
  @ApiProperty() username!: string;
  @ApiProperty({ example: 'K7QF-2M9X' }) code!: string;
  @ApiProperty() expiresAt!: string;
}
