import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { SettingsDto } from './settings.dto.js';
import { IsPlainName } from '../../common/validators.js';

export class CreateTermDto {
  @ApiProperty({ example: '第五届职工代表大会' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @IsPlainName()
  name!: string;
  @ApiProperty({ example: '2026-01-01' }) @IsISO8601({ strict: true }) startsOn!: string;
  @ApiProperty({ example: '2030-12-31' }) @IsISO8601({ strict: true }) endsOn!: string;
  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    example: 1200,
    description:
      'workforce figures for the composition report (employees, women, dispatched: all three ' +
      'or none); a session may override them',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  employees?: number | null;
  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    example: 400,
    description: 'women in the workforce',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  women?: number | null;
  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    example: 60,
    description: 'dispatched workers (劳务派遣)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  dispatched?: number | null;
  @ApiPropertyOptional({ type: SettingsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SettingsDto)
  settings?: SettingsDto;
}

export class UpdateTermDto extends PartialType(CreateTermDto) {}
