import { ApiProperty } from '@nestjs/swagger';
import type { Delegate } from '../delegate.entity.js';
import type { DelegateStatusChange } from '../delegate-status-change.entity.js';
import {
  CATEGORY_LABELS,
  DelegateCategory,
  DelegateStatus,
  Gender,
  RosterKind,
  STATUS_LABELS,
} from '../roster.enums.js';

/** The full record, for staff and secretaries, and for a delegate's own seat. */
export class DelegateResponse {
  @ApiProperty() id!: string;
  @ApiProperty() termId!: string;
  @ApiProperty({ enum: RosterKind }) kind!: RosterKind;
  @ApiProperty() name!: string;
  @ApiProperty() employeeNumber!: string;
  @ApiProperty({ enum: Gender, nullable: true }) gender!: Gender | null;
  @ApiProperty({ nullable: true, type: String }) groupId!: string | null;
  @ApiProperty({ nullable: true, type: String }) unit!: string | null;
  @ApiProperty({ enum: DelegateCategory, nullable: true }) category!: DelegateCategory | null;
  @ApiProperty({ nullable: true, type: String }) categoryLabel!: string | null;
  @ApiProperty() dispatched!: boolean;
  @ApiProperty() presidium!: boolean;
  @ApiProperty() teller!: boolean;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ enum: DelegateStatus }) status!: DelegateStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty() statusChangedAt!: string;
  @ApiProperty({ nullable: true, type: String }) replacesDelegateId!: string | null;
  @ApiProperty({ nullable: true, type: String }) username!: string | null;

  static of(d: Delegate, username: string | null = null): DelegateResponse {
    return {
      id: d.id,
      termId: d.termId,
      kind: d.kind,
      name: d.name,
      employeeNumber: d.employeeNumber,
      gender: d.gender,
      groupId: d.groupId,
      unit: d.unit,
      category: d.category,
      categoryLabel: d.category ? CATEGORY_LABELS[d.category] : null,
      dispatched: d.dispatched,
      presidium: d.presidium,
      teller: d.teller,
      phone: d.phone,
      note: d.note,
      status: d.status,
      statusLabel: STATUS_LABELS[d.status],
      statusChangedAt: d.statusChangedAt.toISOString(),
      replacesDelegateId: d.replacesDelegateId,
      username,
    };
  }
}

export class StatusChangeResponse {
  @ApiProperty() at!: string;
  @ApiProperty({ enum: DelegateStatus, nullable: true }) fromStatus!: DelegateStatus | null;
  @ApiProperty({ enum: DelegateStatus }) toStatus!: DelegateStatus;
  @ApiProperty() reason!: string;
  @ApiProperty({ nullable: true, type: String }) recordedBy!: string | null;

  static of(c: DelegateStatusChange): StatusChangeResponse {
    return {
      at: c.at.toISOString(),
      fromStatus: c.fromStatus,
      toStatus: c.toStatus,
      reason: c.reason,
      recordedBy: c.recordedBy,
    };
  }
}
