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
import { IsShanghaiDateTime } from '../../common/validators.js';
import { SessionStatus } from '../session-status.js';
import { SettingsDto } from './settings.dto.js';

export class CreateSessionDto {
  @ApiProperty({ example: '第五届职代会第二次会议' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
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
  @ApiProperty({ description: 'employees in the workforce' })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  employees!: number;
  @ApiProperty({ description: 'women in the workforce' })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  women!: number;
  @ApiProperty({ description: 'dispatched workers (劳务派遣)' })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  dispatched!: number;
  @ApiPropertyOptional({ type: SettingsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SettingsDto)
  settings?: SettingsDto;
}

export class UpdateSessionDto extends PartialType(CreateSessionDto) {}

export class ChangeSessionStatusDto {
  @ApiProperty({ enum: SessionStatus }) @IsEnum(SessionStatus) to!: SessionStatus;
}
