import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { ProposalCategory } from '../proposal.enums.js';

export const trim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;

export class CreateProposalDto {
  @ApiPropertyOptional({ description: "default: the caller's only term as a serving delegate" })
  @IsOptional()
  @IsUUID()
  termId?: string;
  @ApiProperty({ description: '案由', example: '关于增设夜班职工班车的建议' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  subject!: string;
  @ApiProperty({ description: '理由（现状与问题）' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  reasons!: string;
  @ApiProperty({ description: '建议/措施' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  measures!: string;
  @ApiProperty({ enum: ProposalCategory }) @IsEnum(ProposalCategory) category!: ProposalCategory;
  @ApiPropertyOptional({ description: 'true: keep as a draft; default: table it at once' })
  @IsOptional()
  @IsBoolean()
  draft?: boolean;
}

/** A draft's fields; a tabled proposal no longer changes (co-signers signed what they read). */
export class UpdateProposalDto extends PartialType(
  OmitType(CreateProposalDto, ['termId', 'draft'] as const),
) {}

export class WithdrawProposalDto {
  @ApiPropertyOptional({ example: '问题已解决' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  reason?: string;
}
