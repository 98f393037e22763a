import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, Max, Min } from 'class-validator';

/** A teller's partial decryption of a poll's tally (libs/ballot `PartialDecryption`). */
export class PartialDto {
  @ApiProperty({ type: 'object', additionalProperties: true }) @IsObject() partial!: object;
}

/** A page of a poll's board, after a position (a teller's device follows it during the poll). */
export class BoardPageQuery {
  @ApiPropertyOptional({ type: Number, default: 0, description: '只返回此位置之后的选票' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  after = 0;

  @ApiPropertyOptional({ type: Number, default: 500, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit = 500;
}
