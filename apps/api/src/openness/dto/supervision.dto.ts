import { ApiProperty } from '@nestjs/swagger';
import { FINDING_KINDS, FINDING_KIND_LABELS, type FindingKind } from '../../common/contracts.js';
import type { OpennessCheck } from '../check.entity.js';
import type { OpennessNotice } from '../notice.entity.js';
import type { Finding } from '../supervision-check.js';
import { IsDay } from './openness.dto.js';

/** 监督检查: the period checked, Shanghai calendar days, both included. */
export class RunCheckDto {
  @ApiProperty({ example: '2026-11-01' }) @IsDay() from!: string;
  @ApiProperty({ example: '2026-11-30' }) @IsDay() to!: string;
}

export class FindingResponse {
  @ApiProperty({ enum: FINDING_KINDS }) kind!: FindingKind;
  @ApiProperty({ example: '到期未公开' }) kindLabel!: string;
  @ApiProperty() departmentId!: string;
  @ApiProperty() departmentName!: string;
  @ApiProperty({ description: 'the plan line’s title or the item’s' }) subject!: string;
  @ApiProperty({ example: '2026-11-30' }) dueOn!: string;
  @ApiProperty() detail!: string;
  @ApiProperty({ nullable: true, type: String }) planEntryId!: string | null;
  @ApiProperty({ nullable: true, type: String }) itemId!: string | null;

  static of(f: Finding, names: Map<string, string>): FindingResponse {
    return {
      ...f,
      kindLabel: FINDING_KIND_LABELS[f.kind],
      departmentName: names.get(f.departmentId) ?? '',
    };
  }
}

export class CheckSummaryResponse {
  @ApiProperty({ description: 'plan lines due in the period' }) planned!: number;
  @ApiProperty() onTime!: number;
  @ApiProperty({ description: 'questions asked in the period' }) questions!: number;
  @ApiProperty() answered!: number;
  @ApiProperty({ description: 'measures whose deadline fell in the period' }) measures!: number;
  @ApiProperty() doneOnTime!: number;
}

export class CheckResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '2026-11-01' }) periodFrom!: string;
  @ApiProperty({ example: '2026-11-30' }) periodTo!: string;
  @ApiProperty() runAt!: string;
  @ApiProperty({ type: CheckSummaryResponse }) summary!: CheckSummaryResponse;
  @ApiProperty({ type: [FindingResponse] }) findings!: FindingResponse[];

  static of(c: OpennessCheck, names: Map<string, string>): CheckResponse {
    return {
      id: c.id,
      periodFrom: c.periodFrom,
      periodTo: c.periodTo,
      runAt: c.runAt.toISOString(),
      summary: c.findings.summary,
      findings: c.findings.findings.map((f) => FindingResponse.of(f, names)),
    };
  }
}

/** 通报: what one department was told of a check. */
export class NoticeResponse {
  @ApiProperty() id!: string;
  @ApiProperty() checkId!: string;
  @ApiProperty() departmentId!: string;
  @ApiProperty() departmentName!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: [FindingResponse] }) findings!: FindingResponse[];
  @ApiProperty() sentAt!: string;

  static of(n: OpennessNotice, names: Map<string, string>): NoticeResponse {
    return {
      id: n.id,
      checkId: n.checkId,
      departmentId: n.departmentId,
      departmentName: names.get(n.departmentId) ?? '',
      body: n.body,
      findings: n.findings.map((f) => FindingResponse.of(f, names)),
      sentAt: n.sentAt.toISOString(),
    };
  }
}
