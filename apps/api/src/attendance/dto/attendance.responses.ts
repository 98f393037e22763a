import { ApiProperty } from '@nestjs/swagger';
import { QuorumResponse } from '../../common/dto/tally.responses.js';
import { RosterKind } from '../../roster/roster.enums.js';
import { AttendanceStatus } from '../attendance.entity.js';
import type { AttendanceRow, AttendanceSummary, CardCheckIn } from '../attendance.service.js';

/** Counts and quorum of a session: no names, no reasons. */
export class AttendanceSummaryResponse implements AttendanceSummary {
  @ApiProperty() sessionId!: string;
  @ApiProperty({ description: 'serving voting delegates right now' }) total!: number;
  @ApiProperty() present!: number;
  @ApiProperty() absentWithReason!: number;
  @ApiProperty() notCheckedIn!: number;
  @ApiProperty() attendeesPresent!: number;
  @ApiProperty({ type: QuorumResponse }) quorum!: QuorumResponse;
}

export class CardDelegateResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: RosterKind }) kind!: RosterKind;
  @ApiProperty({ nullable: true, type: String }) groupName!: string | null;
}

/** A door check-in: who the card names, whether it checked them in now or they already were. */
export class CardCheckInResponse implements CardCheckIn {
  @ApiProperty({ enum: ['checked_in', 'already_checked_in'] })
  result!: 'checked_in' | 'already_checked_in';
  @ApiProperty({ type: CardDelegateResponse }) delegate!: CardDelegateResponse;
  @ApiProperty({ type: AttendanceSummaryResponse }) summary!: AttendanceSummaryResponse;
}

/** One delegate's or attendee's attendance, with the reason of an absence (staff). */
export class AttendanceRowResponse implements AttendanceRow {
  @ApiProperty() delegateId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: RosterKind }) kind!: RosterKind;
  @ApiProperty({ nullable: true, type: String }) groupId!: string | null;
  @ApiProperty({ enum: [...Object.values(AttendanceStatus), 'not_checked_in'] })
  status!: AttendanceStatus | 'not_checked_in';
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ nullable: true, enum: ['tablet', 'staff', 'card'], type: String }) method!:
    string | null;
  @ApiProperty({ nullable: true, type: String }) at!: string | null;
}
