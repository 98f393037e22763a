import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, Matches } from 'class-validator';

/** libs/ballot's largest batch (`generateSlipBatch`). */
export const MAX_SLIPS = 100_000;

/** A teller's device uploads the public keys of the slips it printed (sorted, distinct). */
export class UploadSlipBatchDto {
  @ApiProperty({
    type: [String],
    description:
      '本监票人打印的投票凭证公钥（64 位十六进制，升序、不重复；不少于本届在任代表人数，最多 100000）',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SLIPS)
  @Matches(/^[0-9a-f]{64}$/, { each: true })
  publicKeys!: string[];
}
