import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  CompositionCounts,
  CompositionReport,
  RuleCheck,
  SizeRequirement,
} from '../composition/index.js';
import type { TermComposition } from '../composition.service.js';
import type { ExpiryBasis } from '../login-code-expiry.js';
import type { BatchSummary, IssuePreview } from '../login-codes.service.js';
import type { SheetFormat } from '../login-sheet-output.js';
import type { Workforce, WorkforceSource } from '../../congress/workforce.js';
import type { RosterField, RosterProblem } from '../import/index.js';
import type { AbsentAction, ImportDiff, ImportResult } from '../roster-import.service.js';
import type { Delegate } from '../delegate.entity.js';
import type { DelegationGroup } from '../delegation-group.entity.js';
import type { DelegateChange } from '../delegate-change.entity.js';
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
  /** The seat's account, e.g. to name it a teller (监票人) of a key ceremony. */
  @ApiProperty({ nullable: true, type: String }) userId!: string | null;

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
      userId: d.userId,
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

class RecordedFieldChangeResponse {
  @ApiProperty({ example: 'groupName' }) field!: string;
  @ApiProperty({ example: '代表团' }) label!: string;
  @ApiProperty({ example: '第一代表团' }) from!: string;
  @ApiProperty({ example: '第二代表团' }) to!: string;
}

export class DelegateChangeResponse {
  @ApiProperty() at!: string;
  @ApiProperty({ example: '名册导入' }) reason!: string;
  @ApiProperty({ nullable: true, type: String }) recordedBy!: string | null;
  @ApiProperty({ type: [RecordedFieldChangeResponse] }) changes!: RecordedFieldChangeResponse[];

  static of(c: DelegateChange): DelegateChangeResponse {
    return {
      at: c.at.toISOString(),
      reason: c.reason,
      recordedBy: c.recordedBy,
      changes: c.changes.map(({ field, label, from, to }) => ({ field, label, from, to })),
    };
  }
}

/** One problem found in a roster file (a dry run lists them all). */
export class RosterProblemResponse implements RosterProblem {
  @ApiProperty({ nullable: true, type: Number, description: 'the row in the file (1-based)' })
  row!: number | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '类别',
    description:
      "the column's header as the file writes it (the template's when the file lacks it)",
  })
  column!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'category',
    description: 'what the column means, whatever its header',
  })
  field!: RosterField | null;
  @ApiProperty({
    type: String,
    example: 'UNKNOWN_GROUP',
    description: 'machine-readable problem code',
  })
  code!: RosterProblem['code'];
  @ApiProperty({ example: '第 6 行「代表团」：未知的代表团「三车间」' }) message!: string;
}

class ImportPersonResponse {
  @ApiProperty() employeeNumber!: string;
  @ApiProperty() name!: string;
}

class ImportAddedResponse extends ImportPersonResponse {
  @ApiProperty() row!: number;
}

class ImportFieldChangeResponse {
  @ApiProperty({ example: 'category' }) field!: string;
  @ApiProperty({ example: '类别', description: 'the header as the file writes it' })
  column!: string;
  @ApiProperty({ example: '一线职工' }) from!: string;
  @ApiProperty({ example: '管理人员' }) to!: string;
}

class ImportChangedResponse extends ImportAddedResponse {
  @ApiProperty() delegateId!: string;
  @ApiProperty({ type: [ImportFieldChangeResponse] }) changes!: ImportFieldChangeResponse[];
}

class ImportNotServingResponse extends ImportAddedResponse {
  @ApiProperty() delegateId!: string;
  @ApiProperty({ enum: DelegateStatus }) status!: string;
  @ApiProperty({ example: '离职' }) statusLabel!: string;
}

class ImportAbsentResponse extends ImportPersonResponse {
  @ApiProperty() delegateId!: string;
  @ApiProperty({ enum: RosterKind }) kind!: RosterKind;
  @ApiProperty({ enum: ['keep', 'leave'] }) action!: AbsentAction;
}

class ImportHeadChangeResponse {
  @ApiProperty() group!: string;
  @ApiProperty({ type: ImportPersonResponse, nullable: true }) from!: ImportPersonResponse | null;
  @ApiProperty({ type: ImportPersonResponse, nullable: true }) to!: ImportPersonResponse | null;
}

/** What an import changes on the roster, matched by 工号. */
class ImportDiffResponse implements ImportDiff {
  @ApiProperty({ type: [ImportAddedResponse] }) added!: ImportAddedResponse[];
  @ApiProperty({ type: [ImportChangedResponse] }) changed!: ImportChangedResponse[];
  @ApiProperty({ description: 'rows matching their seat exactly' }) unchanged!: number;
  @ApiProperty({
    type: [ImportNotServingResponse],
    description: 'rows naming a seat no longer serving: left as they are',
  })
  notServing!: ImportNotServingResponse[];
  @ApiProperty({
    type: [ImportAbsentResponse],
    description: 'serving seats the file does not name',
  })
  absent!: ImportAbsentResponse[];
  @ApiProperty({ type: [ImportHeadChangeResponse] }) groupHeads!: ImportHeadChangeResponse[];
}

export class ImportResultResponse implements ImportResult {
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ description: 'no problem found: the file can be imported' }) valid!: boolean;
  @ApiProperty() rows!: number;
  @ApiProperty() delegates!: number;
  @ApiProperty() attendees!: number;
  @ApiProperty({ description: 'seats added (0 in a dry run)' }) imported!: number;
  @ApiProperty({ description: 'seats whose fields were updated (0 in a dry run)' })
  updated!: number;
  @ApiProperty({ description: 'seats marked as left (0 unless absent=leave)' })
  markedLeft!: number;
  @ApiProperty({ enum: ['keep', 'leave'] }) absentAction!: AbsentAction;
  @ApiProperty({ type: ImportDiffResponse }) diff!: ImportDiffResponse;
  @ApiProperty({ type: [RosterProblemResponse] }) problems!: RosterProblemResponse[];
}

/** One printed log-in code (the only place it ever appears: the server keeps its hash). */
export class LoginCodeEntryResponse {
  @ApiProperty() delegateId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() employeeNumber!: string;
  @ApiProperty({ nullable: true, type: String }) groupName!: string | null;
  @ApiProperty() username!: string;
  @ApiProperty({ example: 'K7QF-2M9X' }) code!: string;
  @ApiProperty({ description: 'the link in the QR code' }) loginUrl!: string;
  @ApiProperty() expiresAt!: string;
}

/** `format: json` of an issue of log-in codes: one batch. */
export class LoginCodesResponse {
  @ApiProperty() batchId!: string;
  @ApiProperty() generatedAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'the session the codes are for' })
  sessionId!: string | null;
  @ApiProperty({ nullable: true, type: String }) sessionName!: string | null;
  @ApiProperty({ description: 'UTC, ISO 8601' }) expiresAt!: string;
  @ApiProperty({
    enum: ['session', 'hours'],
    description: "session: to the end of the session's day (Beijing); hours: from the issue",
  })
  expiryBasis!: ExpiryBasis;
  @ApiProperty({ description: 'live codes of earlier issues this issue made stop working' })
  revokedCodes!: number;
  @ApiProperty({ type: [LoginCodeEntryResponse] }) entries!: LoginCodeEntryResponse[];
}

class RevokedBatchResponse {
  @ApiProperty({ nullable: true, type: String, description: 'null: codes from before batches' })
  batchId!: string | null;
  @ApiProperty({ nullable: true, type: String }) issuedAt!: string | null;
  @ApiProperty() codes!: number;
}

/** `dryRun=true` of an issue of log-in codes: what it would do. */
export class LoginCodesPreviewResponse implements IssuePreview {
  @ApiProperty({ enum: [true] }) dryRun!: true;
  @ApiProperty({ description: 'codes the issue would make' }) codes!: number;
  @ApiProperty({ nullable: true, type: String }) sessionId!: string | null;
  @ApiProperty({ nullable: true, type: String }) sessionName!: string | null;
  @ApiProperty() expiresAt!: string;
  @ApiProperty({ enum: ['session', 'hours'] }) expiryBasis!: ExpiryBasis;
  @ApiProperty({ description: 'printed codes (live: unused, unexpired) it would revoke' })
  revokes!: number;
  @ApiProperty({ type: [RevokedBatchResponse] }) revokesByBatch!: RevokedBatchResponse[];
}

/** A batch of log-in codes as staff see it later: counted, never shown. */
export class LoginCodeBatchResponse implements BatchSummary {
  @ApiProperty() id!: string;
  @ApiProperty() issuedAt!: string;
  @ApiProperty({ nullable: true, type: String }) issuedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) sessionId!: string | null;
  @ApiProperty() expiresAt!: string;
  @ApiProperty({ enum: ['session', 'hours'] }) expiryBasis!: ExpiryBasis;
  @ApiProperty({ enum: ['pdf', 'xlsx', 'json'], isArray: true }) formats!: SheetFormat[];
  @ApiProperty() codes!: number;
  @ApiProperty() used!: number;
  @ApiProperty() live!: number;
  @ApiProperty() revoked!: number;
  @ApiProperty() expired!: number;
  @ApiProperty({ description: 'earlier codes this issue revoked' }) revokedCodes!: number;
}

class CompositionFormulaResponse {
  @ApiProperty({ example: 'national' }) id!: string;
  @ApiProperty() label!: string;
  @ApiProperty() source!: string;
}

class SizeRequirementResponse implements SizeRequirement {
  @ApiProperty() minimum!: number;
  @ApiProperty() explanation!: string;
  @ApiPropertyOptional({ description: 'seats above this are set by agreement' })
  agreementAbove?: number;
}

class CompositionCountsResponse implements CompositionCounts {
  @ApiProperty() listed!: number;
  @ApiProperty({ description: 'serving voting delegates: the base of every share' })
  delegates!: number;
  @ApiProperty() excluded!: number;
  @ApiProperty() excludedAttendees!: number;
  @ApiProperty() excludedNotServing!: number;
  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(
      Object.values(DelegateCategory).map((c) => [c, { type: 'integer' }]),
    ),
  })
  byCategory!: Record<DelegateCategory, number>;
  @ApiProperty() uncategorised!: number;
  @ApiProperty() managersAndLeaders!: number;
  @ApiProperty() women!: number;
  @ApiProperty() men!: number;
  @ApiProperty() dispatched!: number;
  @ApiProperty() presidium!: number;
  @ApiProperty() presidiumQualifying!: number;
  @ApiProperty() presidiumUncategorised!: number;
  @ApiProperty() presidiumExcluded!: number;
}

class RuleCheckResponse implements RuleCheck {
  @ApiProperty({
    enum: ['size', 'managers_share', 'women_share', 'dispatched_share', 'presidium_composition'],
  })
  id!: RuleCheck['id'];
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['pass', 'warning', 'violation'] }) outcome!: RuleCheck['outcome'];
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'number' }, { type: 'string' }] },
    description: 'the numbers behind the outcome',
  })
  numbers!: Record<string, number | string>;
  @ApiProperty() explanation!: string;
  @ApiProperty({ example: '[N] 企业民主管理规定（2012）' }) source!: string;
}

class CompositionReportResponse implements CompositionReport {
  @ApiProperty({ type: CompositionFormulaResponse }) formula!: CompositionFormulaResponse;
  @ApiProperty({ type: SizeRequirementResponse }) requirement!: SizeRequirementResponse;
  @ApiProperty({ type: CompositionCountsResponse }) counts!: CompositionCountsResponse;
  @ApiProperty({ type: [RuleCheckResponse] }) rules!: RuleCheckResponse[];
  @ApiProperty({ enum: ['pass', 'warning', 'violation'] }) worst!: CompositionReport['worst'];
}

/** Each roster rule: pass, warning or violation, with the numbers behind it. */
class WorkforceResponse implements Workforce {
  @ApiProperty({ description: 'all employees, dispatched workers included' }) employees!: number;
  @ApiProperty() women!: number;
  @ApiProperty() dispatched!: number;
}

export class CompositionResponse implements TermComposition {
  @ApiProperty({
    nullable: true,
    type: String,
    description: "the session whose settings (and own figures) were used; null: the term's",
  })
  sessionId!: string | null;
  @ApiProperty({ nullable: true, type: String }) sessionName!: string | null;
  @ApiProperty({
    type: WorkforceResponse,
    nullable: true,
    description: 'the figures measured against; null: none filled in (the report says so)',
  })
  workforce!: WorkforceResponse | null;
  @ApiProperty({ enum: ['session', 'term'], nullable: true })
  workforceFrom!: WorkforceSource | null;
  @ApiProperty({ type: CompositionReportResponse }) report!: CompositionReportResponse;
}

export class GroupResponse {
  @ApiProperty() id!: string;
  @ApiProperty() termId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) headDelegateId!: string | null;
  @ApiProperty() sortOrder!: number;
  @ApiProperty({ description: 'serving delegates in the group' }) servingDelegates!: number;

  static of(g: DelegationGroup, servingDelegates: number): GroupResponse {
    return {
      id: g.id,
      termId: g.termId,
      name: g.name,
      headDelegateId: g.headDelegateId,
      sortOrder: g.sortOrder,
      servingDelegates,
    };
  }
}
