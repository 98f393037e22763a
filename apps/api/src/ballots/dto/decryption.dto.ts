import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, Max, Min } from 'class-validator';

/** A teller's partial decryption of a poll's tally (libs/ballot `PartialDecryption`). */
export class PartialDto {
  @ApiProperty({ type: 'object', additionalProperties: true }) @IsObject() partial!: object;
}

/** What a teller's device asks of the prepared close. */
export class DecryptionInputQuery {
  @ApiPropertyOptional({
    type: Number,
    description:
      '本机在表决中已核验到的公告板位置：此前的选票不再发送（被排除的除外），只比对跟踪码',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  followed?: number;
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
