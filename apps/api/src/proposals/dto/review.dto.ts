import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  registerDecorator,
} from 'class-validator';
import { isCalendarDay } from '../proposal-days.js';
import { ProposalCategory } from '../proposal.enums.js';
import { trim } from './tabling.dto.js';

/** A calendar day `YYYY-MM-DD` (Asia/Shanghai). */
export function IsCalendarDay() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDay',
      target: target.constructor,
      propertyName,
      options: { message: '应为日期，如 2026-12-25' },
      validator: { validate: (v: unknown) => typeof v === 'string' && isCalendarDay(v) },
    });
}

export class AssignDto {
  @ApiProperty({ type: [String], description: 'handling departments (承办部门)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  departmentIds!: string[];
  @ApiPropertyOptional({
    example: '2026-12-25',
    description: 'last day to answer; default: today + proposalHandlingDays',
  })
  @IsOptional()
  @IsCalendarDay()
  dueOn?: string;
}

class DecisionNoteDto {
  @ApiPropertyOptional({ description: "the committee's note" })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** 立案, optionally assigning the departments at once. */
export class AcceptProposalDto extends DecisionNoteDto {
  @ApiProperty({ enum: ProposalCategory }) @IsEnum(ProposalCategory) category!: ProposalCategory;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  departmentIds?: string[];
  @ApiPropertyOptional({ example: '2026-12-25' }) @IsOptional() @IsCalendarDay() dueOn?: string;
}

/** 转为意见建议, optionally forwarding it to departments at once. */
export class ConvertProposalDto extends DecisionNoteDto {
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  departmentIds?: string[];
  @ApiPropertyOptional({ example: '2026-12-25' }) @IsOptional() @IsCalendarDay() dueOn?: string;
}

export class MergeProposalDto extends DecisionNoteDto {
  @ApiProperty({ description: 'the proposal this one is merged into' })
  @IsUUID()
  intoProposalId!: string;
}

export class RejectProposalDto {
  @ApiProperty({ description: '不立案理由 (written reason, shown to the proposer)' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
