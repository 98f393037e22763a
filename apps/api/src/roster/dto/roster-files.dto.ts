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
  /** The session whose workforce figures to use; default: the term's latest session. */
  @ApiPropertyOptional() @IsOptional() @IsUUID() sessionId?: string;
}
