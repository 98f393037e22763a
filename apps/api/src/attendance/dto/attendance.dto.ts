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

export class SessionRefDto {
  @ApiProperty() @IsUUID() sessionId!: string;
}
