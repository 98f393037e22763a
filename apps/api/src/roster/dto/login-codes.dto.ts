import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

export class IssueLoginCodesDto {
  /** Chosen roster entries; omitted = every serving delegate and attendee of the term. */
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @IsUUID('all', { each: true })
  delegateIds?: string[];

  @ApiPropertyOptional({ default: 72, description: 'hours the codes stay valid' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  validHours = 72;

  @ApiPropertyOptional({ enum: ['pdf', 'xlsx', 'json'], default: 'pdf' })
  @IsOptional()
  @IsIn(['pdf', 'xlsx', 'json'])
  format: 'pdf' | 'xlsx' | 'json' = 'pdf';
}

export class CodeLoginDto {
  @ApiProperty({ description: 'the employee number' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username!: string;
  @ApiProperty({ example: 'K7QF-2M9X' }) @IsString() @IsNotEmpty() @MaxLength(32) code!: string;
}
