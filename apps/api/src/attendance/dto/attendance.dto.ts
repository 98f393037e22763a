import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { AttendanceStatus } from '../attendance.entity.js';

export class RecordAttendanceDto {
  @ApiProperty({ enum: AttendanceStatus }) @IsEnum(AttendanceStatus) status!: AttendanceStatus;
  @ApiPropertyOptional({ example: '病假' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reason?: string;
}

export class CardCheckInDto {
  /** What the door page scanned (`congress-card:…`) or the 证号 typed from the card. */
  @ApiProperty({ example: '7KQ2M-9XF4T', description: '扫描到的二维码内容或手工输入的代表证号' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  code!: string;
}

export class SessionRefDto {
  @ApiProperty() @IsUUID() sessionId!: string;
}
