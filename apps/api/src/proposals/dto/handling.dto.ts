import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { Rating } from '../proposal.enums.js';
import { trim } from './tabling.dto.js';

export class AnswerDto {
  @ApiProperty({ description: '书面答复' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  body!: string;
  @ApiPropertyOptional({
    type: [String],
    description: 'attachments uploaded for this answer (POST …/attachments)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

export class RateDto {
  @ApiProperty({ enum: Rating, description: '满意 / 基本满意 / 不满意' })
  @IsEnum(Rating)
  rating!: Rating;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class SendBackDto {
  @ApiProperty({ description: 'why the answer is not satisfactory' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
