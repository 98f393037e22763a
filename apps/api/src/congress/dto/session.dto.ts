import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsShanghaiDateTime, IsPlainName } from '../../common/validators.js';
import { SessionStatus } from '../session-status.js';
import { SettingsDto } from './settings.dto.js';

export class CreateSessionDto {
  @ApiProperty({ example: '第五届职代会第二次会议' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @IsPlainName()
  name!: string;
  @ApiProperty({
    example: '2026-12-05 09:00',
    description: 'Asia/Shanghai, or ISO 8601 with an offset',
  })
  @IsShanghaiDateTime()
  startsAt!: string;
  @ApiProperty({ example: '公司三楼大会议室' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  place!: string;
  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    description:
      "the session's own workforce figures (employees, women, dispatched: all three or none); " +
      "omitted or null: the term's figures apply",
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  employees?: number | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: 'women in the workforce' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  women?: number | null;
  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
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

export class UpdateSessionDto extends PartialType(CreateSessionDto) {}

export class ChangeSessionStatusDto {
  @ApiProperty({ enum: SessionStatus }) @IsEnum(SessionStatus) to!: SessionStatus;
  /**
   * Recorded in the session's status history. Required when a date rule asks for a
   * confirmation (opening a session more than a day before or after its date).
   */
  @ApiPropertyOptional({ example: '因生产安排，经主席团同意提前召开' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason?: string;
}
