import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsObject,
  IsOptional,
  IsUUID,
  Max,
  Min,
} from 'class-validator';
import { CEREMONY_LIMITS } from '../../common/ballot.js';

/** Staff name the session's tellers (监票人), in index order, and the threshold t. */
export class StartCeremonyDto {
  @ApiProperty({
    type: [String],
    description: '监票人的用户账号（任意角色，至少 3 人），顺序即编号 1..n',
  })
  @IsArray()
  @ArrayMinSize(CEREMONY_LIMITS.minTellers)
  @ArrayMaxSize(CEREMONY_LIMITS.maxTellers)
  @IsUUID('all', { each: true })
  tellers!: string[];

  @ApiPropertyOptional({
    type: 'integer',
    default: 2,
    description: '解密所需的监票人数 t（默认 3 人中任意 2 人）',
  })
  @IsOptional()
  @IsInt()
  @Min(CEREMONY_LIMITS.minThreshold)
  @Max(CEREMONY_LIMITS.maxTellers)
  threshold = 2;
}

/** One message of a teller's device (libs/ballot's round-1, round-2, complaint or ack JSON). */
export class CeremonyMessageDto {
  @ApiProperty({ type: 'object', additionalProperties: true }) @IsObject() message!: object;
}
