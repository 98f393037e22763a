import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { SettingsDto } from './settings.dto.js';

export class CreateTermDto {
  @ApiProperty({ example: '第五届职工代表大会' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;
  @ApiProperty({ example: '2026-01-01' }) @IsISO8601({ strict: true }) startsOn!: string;
  @ApiProperty({ example: '2030-12-31' }) @IsISO8601({ strict: true }) endsOn!: string;
  @ApiPropertyOptional({ type: SettingsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SettingsDto)
  settings?: SettingsDto;
}

export class UpdateTermDto extends PartialType(CreateTermDto) {}
