import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';

export class ImportQuery {
  /** `true` (the default) checks the file and imports nothing. */
  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @Transform(({ value }) => (value === 'false' ? false : value === 'true' ? true : value))
  @IsBoolean()
  dryRun = true;
}

export class CompositionQuery {
  /**
   * A session whose settings and workforce figures to use (its own figures, else the term's);
   * default: the term's figures and settings.
   */
  @ApiPropertyOptional() @IsOptional() @IsUUID() sessionId?: string;
}
