import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AssessmentEntry } from '../assessment-entry.entity.js';
import type { Assessment } from '../assessment.entity.js';
import { Area, AREA_LABELS, type Criterion } from '../criteria.js';
import { ASSESSMENT_STATUS_LABELS, AssessmentStatus, Verdict, VERDICT_LABELS } from '../verdict.js';

export class CriterionResponse {
  @ApiProperty({ example: 'PRE-1' }) code!: string;
  @ApiProperty({ enum: Area }) area!: Area;
  @ApiProperty({ example: '会前' }) areaLabel!: string;
  @ApiProperty() text!: string;
  @ApiProperty() howJudged!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) source!: string | null;
  @ApiProperty({ description: '由系统依据记录自动评估' }) auto!: boolean;
  @ApiPropertyOptional({ enum: Verdict, nullable: true }) autoVerdict!: Verdict | null;
  @ApiPropertyOptional({ type: String, nullable: true }) autoVerdictLabel!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '第 1 次会议：文件提前 9 天送达' })
  evidence!: string | null;
  @ApiPropertyOptional({
    enum: Verdict,
    nullable: true,
    description: '工作人员的结论（自动项目为改判）',
  })
  staffVerdict!: Verdict | null;
  @ApiPropertyOptional({ enum: Verdict, nullable: true, description: '最终结论' })
  verdict!: Verdict | null;
  @ApiPropertyOptional({ type: String, nullable: true }) verdictLabel!: string | null;
  @ApiProperty({ description: '工作人员改变了自动结论' }) overridden!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) note!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) overrideReason!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' })
  judgedAt!: string | null;

  static of(c: Criterion, e: AssessmentEntry | undefined): CriterionResponse {
    const autoVerdict = e?.autoVerdict ?? null;
    const staffVerdict = e?.staffVerdict ?? null;
    const verdict = staffVerdict ?? autoVerdict;
    return {
      code: c.code,
      area: c.area,
      areaLabel: AREA_LABELS[c.area],
      text: c.text,
      howJudged: c.howJudged,
      source: c.source,
      auto: c.auto,
      autoVerdict,
      autoVerdictLabel: autoVerdict ? VERDICT_LABELS[autoVerdict] : null,
      evidence: e?.autoEvidence ?? null,
      staffVerdict,
      verdict,
      verdictLabel: verdict ? VERDICT_LABELS[verdict] : null,
      overridden: autoVerdict !== null && staffVerdict !== null && staffVerdict !== autoVerdict,
      note: e?.note ?? null,
      overrideReason: e?.overrideReason ?? null,
      judgedAt: e?.judgedAt?.toISOString() ?? null,
    };
  }
}

/** Counts per final verdict; no weighting (none is cited). */
export class AssessmentSummary {
  @ApiProperty() meets!: number;
  @ApiProperty() partly!: number;
  @ApiProperty() fails!: number;
  @ApiProperty() na!: number;
  @ApiProperty({ description: '尚无结论' }) unjudged!: number;
  @ApiProperty() total!: number;

  static of(criteria: CriterionResponse[]): AssessmentSummary {
    const n = (v: Verdict | null) => criteria.filter((c) => c.verdict === v).length;
    return {
      meets: n(Verdict.Meets),
      partly: n(Verdict.Partly),
      fails: n(Verdict.Fails),
      na: n(Verdict.NotApplicable),
      unjudged: n(null),
      total: criteria.length,
    };
  }
}

export class AssessmentResponse {
  @ApiProperty() id!: string;
  @ApiProperty() termId!: string;
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ example: 1 }) version!: number;
  @ApiPropertyOptional({ type: String, nullable: true }) supersedesId!: string | null;
  @ApiProperty({ description: '已有更正版本取代本版本' }) superseded!: boolean;
  @ApiProperty({ enum: AssessmentStatus }) status!: AssessmentStatus;
  @ApiProperty({ example: '评估中' }) statusLabel!: string;
  @ApiProperty({ format: 'date-time', description: '自动评估依据的数据采集时间' }) factsAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' })
  completedAt!: string | null;
  @ApiProperty({ type: AssessmentSummary }) summary!: AssessmentSummary;
  @ApiProperty({ type: [CriterionResponse] }) criteria!: CriterionResponse[];

  static of(a: Assessment, criteria: CriterionResponse[], superseded: boolean): AssessmentResponse {
    return {
      id: a.id,
      termId: a.termId,
      year: a.year,
      version: a.version,
      supersedesId: a.supersedesId,
      superseded,
      status: a.status,
      statusLabel: ASSESSMENT_STATUS_LABELS[a.status],
      factsAt: a.factsAt.toISOString(),
      completedAt: a.completedAt?.toISOString() ?? null,
      summary: AssessmentSummary.of(criteria),
      criteria,
    };
  }
}
