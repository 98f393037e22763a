import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
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
import { SHEET_FORMATS, type SheetFormat } from '../login-sheet-output.js';

export class IssueLoginCodesDto {
  /** Chosen roster entries; omitted = every serving delegate and attendee of the term. */
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @IsUUID('all', { each: true })
  delegateIds?: string[];

  /**
   * The session the codes are printed for: they work until the end of its day (Beijing time),
   * and the sheet names it. Omitted: the term's next session; none ahead: 72 hours.
   */
  @ApiPropertyOptional({ description: 'the session the codes are for (default: the next one)' })
  @IsOptional()
  @IsUUID()
  sessionId?: string;

  /** Overrides the session-based lifetime: the codes stop working this many hours after issue. */
  @ApiPropertyOptional({ description: 'hours the codes stay valid (default: to the session end)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  validHours?: number;

  /** One format; see `formats` for several from the same issue. */
  @ApiPropertyOptional({ enum: SHEET_FORMATS, default: 'pdf' })
  @IsOptional()
  @IsIn(SHEET_FORMATS)
  format?: SheetFormat;

  /**
   * Several formats of the SAME codes, answered as one ZIP (e.g. `["pdf", "xlsx"]`: print the
   * PDF, keep the XLSX). The codes cannot be rendered again later: choose every format here.
   */
  @ApiPropertyOptional({ enum: SHEET_FORMATS, isArray: true, example: ['pdf', 'xlsx'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(SHEET_FORMATS, { each: true })
  formats?: SheetFormat[];

  /**
   * Must be true when the chosen delegates still hold live (unused, unexpired) codes from an
   * earlier issue: those printed codes stop working. The dry run says how many.
   */
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  replaceLiveCodes?: boolean;
}

export class IssueLoginCodesQuery {
  /** `true`: issue nothing; say what an issue would do (how many codes, how many revoked). */
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @Transform(({ value }) => (value === 'false' ? false : value === 'true' ? true : value))
  @IsBoolean()
  dryRun = false;
}

export class CodeLoginDto {
  @ApiProperty({ description: 'the employee number' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username!: string;
  @ApiProperty({ example: 'K7QF-2M9X' }) @IsString() @IsNotEmpty() @MaxLength(32) code!: string;
}
