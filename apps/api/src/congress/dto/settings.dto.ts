import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';

class FractionDto {
  @ApiPropertyOptional() @IsInt() @Min(1) @Max(100) numerator!: number;
  @ApiPropertyOptional() @IsInt() @Min(1) @Max(100) denominator!: number;
}

class MajorityDto extends FractionDto {
  @ApiPropertyOptional({ enum: ['all', 'present', 'cast'] })
  @IsIn(['all', 'present', 'cast'])
  base!: 'all' | 'present' | 'cast';
}

class ProposalWindowDto {
  @ApiPropertyOptional() @IsInt() @Min(0) @Max(365) opensDaysBefore!: number;
  @ApiPropertyOptional() @IsInt() @Min(0) @Max(365) closesDaysBefore!: number;
}

class PublicationDto {
  @ApiPropertyOptional() @IsInt() @Min(0) @Max(60) withinDays!: number;
  @ApiPropertyOptional() @IsInt() @Min(1) @Max(3650) keepDays!: number;
}

/** Overrides of the defaults in docs/rules.md; every field optional (see CongressSettings). */
export class SettingsDto {
  @ApiPropertyOptional({ type: FractionDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => FractionDto)
  quorum?: FractionDto;
  @ApiPropertyOptional({ type: MajorityDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MajorityDto)
  majority?: MajorityDto;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(60) circulationDays?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(20) coSignersRequired?: number;
  @ApiPropertyOptional({ enum: ['national', 'shanghai', 'zhejiang'] })
  @IsOptional()
  @IsIn(['national', 'shanghai', 'zhejiang'])
  sizeFormula?: 'national' | 'shanghai' | 'zhejiang';
  @ApiPropertyOptional({ type: ProposalWindowDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProposalWindowDto)
  proposalWindow?: ProposalWindowDto;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(365) proposalHandlingDays?: number;
  @ApiPropertyOptional({ type: PublicationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PublicationDto)
  publication?: PublicationDto;
}
