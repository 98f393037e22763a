import { ApiProperty } from '@nestjs/swagger';
import type { ArchiveEntry } from '../../common/minutes.js';
import type { Poll } from '../../ballots/index.js';
import type { SatisfactionFigures } from '../satisfaction.js';
import type { YearSatisfaction } from '../satisfaction.service.js';

/** The archive entry that holds a year's 厂务公开记录表 (PDF). */
export class RecordsArchiveResponse {
  @ApiProperty() seq!: number;
  @ApiProperty({ example: '2026 年度厂务公开记录表' }) title!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ description: "the entry's hash in the archive chain" }) hash!: string;
  @ApiProperty({ description: 'false: the newest entry of the year already holds these forms' })
  appended!: boolean;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'the earlier entry of the year it corrects',
  })
  corrects!: number | null;

  static of(e: ArchiveEntry, appended: boolean): RecordsArchiveResponse {
    return {
      seq: e.seq,
      title: e.title,
      createdAt: e.createdAt,
      hash: e.hash,
      appended,
      corrects: e.links.corrects ?? null,
    };
  }
}

export class SatisfactionFiguresResponse {
  @ApiProperty() satisfied!: number;
  @ApiProperty() basicallySatisfied!: number;
  @ApiProperty() unsatisfied!: number;
  @ApiProperty({ description: 'valid ballots that left the work unrated' }) notRated!: number;
  @ApiProperty({ description: 'valid ballots: the denominator' }) valid!: number;
  @ApiProperty() invalid!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: '(满意 + 基本满意) / valid ballots × 100, one decimal',
  })
  percent!: number | null;
}

/** A year's 满意度测评 and its result. */
export class SatisfactionResponse {
  @ApiProperty() year!: number;
  @ApiProperty() pollId!: string;
  @ApiProperty() pollTitle!: string;
  @ApiProperty({ nullable: true, type: String }) closedAt!: string | null;
  @ApiProperty({ type: SatisfactionFiguresResponse }) figures!: SatisfactionFigures;
  @ApiProperty({ example: '满意率 80%（满意与基本满意之和 ÷ 有效票）' }) text!: string;

  static of(s: YearSatisfaction): SatisfactionResponse {
    const f = s.figures;
    return {
      year: s.year,
      pollId: s.poll.id,
      pollTitle: s.poll.title,
      closedAt: s.poll.closedAt?.toISOString() ?? null,
      figures: f,
      text: `满意率 ${f.percent === null ? '无法计算' : `${f.percent}%`}（满意与基本满意之和 ÷ 有效票）`,
    };
  }
}

/** A poll staff may choose as a year's 满意度测评. */
export class SatisfactionPollResponse {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() sessionId!: string;
  @ApiProperty({ nullable: true, type: String }) closedAt!: string | null;

  static of(p: Poll): SatisfactionPollResponse {
    return {
      id: p.id,
      title: p.title,
      sessionId: p.sessionId,
      closedAt: p.closedAt?.toISOString() ?? null,
    };
  }
}
