import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  KEY_MODES,
  type KeyMode,
  PRESS_RULES,
  type PressRule,
  RESULT_RELEASES,
  type ResultRelease,
} from '../../common/contracts.js';
import { ParsedByService } from '../../common/validation.js';

export class OpenPollDto {
  @ApiProperty() @IsUUID() itemId!: string;
  /** Secret (无记名) unless chosen open (记名, for procedural items) here, at creation. */
  @ApiPropertyOptional({ type: Boolean, default: true }) @IsOptional() @IsBoolean() secret = true;
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
  /**
   * Ballot slips (投票凭证): each ballot must be signed by one slip from each teller's box. Only
   * with the tellers' key and once every teller has uploaded a batch.
   */
  @ApiPropertyOptional({
    type: Boolean,
    description: '使用投票凭证（默认否；须采用监票人密钥，且每位监票人都已上传投票凭证）',
  })
  @IsOptional()
  @IsBoolean()
  slips?: boolean;
  /**
   * GB 50799 §6.2: 'first' (the default) counts the first ballot and refuses a different second
   * one; 'last' lets a delegate change their ballot until the close (the older is kept on the
   * board, marked superseded).
   */
  @ApiPropertyOptional({
    enum: PRESS_RULES,
    default: 'first',
    description: "'first' 以第一次按键为准；'last' 以最后一次按键为准（结束前可修改选票）",
  })
  @IsOptional()
  @IsIn(PRESS_RULES)
  pressRule?: PressRule;
  /** GB 50799 §6.2: 'immediate' (the default), or 'held' until the chair releases it. */
  @ApiPropertyOptional({
    enum: RESULT_RELEASES,
    default: 'immediate',
    description: "'immediate' 计票后即时公布；'held' 主持人宣布后才向大屏、平板和公开栏公布",
  })
  @IsOptional()
  @IsIn(RESULT_RELEASES)
  resultRelease?: ResultRelease;
}

/** The chair starts a poll on the item the presidium's screen shows as next (with the defaults). */
export class StartChairPollDto {
  @ApiProperty({ description: '主席团屏幕显示的下一项议程' }) @IsUUID() itemId!: string;
}

/** One drawn slip's signature on the ballot's tracker (libs/ballot `SlipSignature`). */
export class SlipSignatureDto {
  @ApiProperty({ description: '监票人编号' }) @IsInt() @Min(1) @Max(64) teller!: number;
  @ApiProperty({ description: '凭证公钥（hex）' })
  @Matches(/^[0-9a-f]{64}$/)
  publicKey!: string;
  @ApiProperty({ description: 'Ed25519 签名（hex）' })
  @Matches(/^[0-9a-f]{128}$/)
  signature!: string;
}

/** A cast over the socket: an encrypted ballot (secret polls) or a choice per question (open polls). */
export class CastDto {
  @ApiProperty() @IsUUID() pollId!: string;
  /** Read by the cast itself (parseBallot: every field, strictly, with a coded refusal). */
  @ApiPropertyOptional() @ParsedByService() ballot?: unknown;
  @ApiPropertyOptional() @IsOptional() choice?: unknown;
  /** A slips poll: one signature per teller's slip, in teller order (`signWithSlips`). */
  @ApiPropertyOptional({ type: [SlipSignatureDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(64)
  @ValidateNested({ each: true })
  @Type(() => SlipSignatureDto)
  slips?: SlipSignatureDto[];
}

export class PollRefDto {
  @ApiProperty() @IsUUID() sessionId!: string;
}
