import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { KEY_MODES, type KeyMode } from '../../common/contracts.js';

export class OpenPollDto {
  @ApiProperty() @IsUUID() itemId!: string;
  /** Secret (无记名) unless chosen open (记名, for procedural items) here, at creation. */
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() secret = true;
  /**
   * A preset duration (GB 50799 §6.2): the api closes the poll itself when it ends, and every
   * screen counts down. Without it, staff close the poll.
   */
  @ApiPropertyOptional({ minimum: 30, maximum: 7200, description: '预设时长（秒），到时自动结束' })
  @IsOptional()
  @IsInt()
  @Min(30)
  @Max(7200)
  durationSeconds?: number;
  /**
   * A secret poll's key: 'tellers' (the default; the session's key ceremony must be ready) or
   * 'custodian', an explicit choice for trials whose key the api process holds (不对运维方保密).
   */
  @ApiPropertyOptional({ enum: KEY_MODES, description: "默认 'tellers'（须先完成监票人密钥仪式）" })
  @IsOptional()
  @IsIn(KEY_MODES)
  keyMode?: KeyMode;
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
