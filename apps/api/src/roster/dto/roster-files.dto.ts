import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import type { AbsentAction } from '../roster-import.service.js';

export class ImportQuery {
  /** `true` (the default) checks the file and imports nothing. */
  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @Transform(({ value }) => (value === 'false' ? false : value === 'true' ? true : value))
  @IsBoolean()
  dryRun = true;

  /**
   * Serving seats the file does not name: `keep` (the default) leaves them as they are; `leave`
   * marks them as left (离职), with the history kept and their tablet log-in ended.
   */
  @ApiPropertyOptional({ enum: ['keep', 'leave'], default: 'keep' })
  @IsOptional()
  @IsIn(['keep', 'leave'])
  absent: AbsentAction = 'keep';
}

export class CompositionQuery {
  /**
   * A session whose settings and workforce figures to use (its own figures, else the term's);
   * default: the term's figures and settings.
   */
  @ApiPropertyOptional() @IsOptional() @IsUUID() sessionId?: string;
}
