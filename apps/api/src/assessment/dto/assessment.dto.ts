import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Verdict } from '../verdict.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateAssessmentDto {
  @ApiProperty({ example: 2026, description: '评估年度（北京时间的日历年）' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

export class JudgeCriterionDto {
  @ApiProperty({ enum: Verdict, description: '符合 / 部分符合 / 不符合 / 不适用' })
  @IsEnum(Verdict)
  verdict!: Verdict;
  @ApiPropertyOptional({ description: '说明（人工评估的项目必填）' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note?: string;
  @ApiPropertyOptional({ description: '改变自动评估结论的理由（改变时必填）' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason?: string;
}
