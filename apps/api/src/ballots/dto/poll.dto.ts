import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';

export class OpenPollDto {
  @ApiProperty() @IsUUID() itemId!: string;
  /** Secret (无记名) unless chosen open (记名, for procedural items) here, at creation. */
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() secret = true;
}

/** A cast over the socket: an encrypted ballot (secret polls) or a choice per question (open polls). */
export class CastDto {
  @ApiProperty() @IsUUID() pollId!: string;
  @ApiPropertyOptional() @IsOptional() ballot?: unknown;
  @ApiPropertyOptional() @IsOptional() choice?: unknown;
}

export class PollRefDto {
  @ApiProperty() @IsUUID() sessionId!: string;
}
