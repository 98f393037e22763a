import { ApiProperty } from '@nestjs/swagger';
import type { SlipBatchRow } from '../slip-batch.entity.js';

/** One teller's uploaded batch, without its keys (they are in each slips poll's record). */
export class SlipBatchView {
  @ApiProperty({ description: '监票人在密钥仪式中的编号' }) teller!: number;
  @ApiProperty({ description: '凭证张数' }) count!: number;
  @ApiProperty({ description: '公钥列表的 SHA-256（libs/ballot slipBatchDigest，hex）' })
  digest!: string;
  @ApiProperty({ description: 'ISO 8601 (UTC)' }) uploadedAt!: string;

  static of(b: SlipBatchRow): SlipBatchView {
    return {
      teller: b.teller,
      count: b.count,
      digest: b.digest,
      uploadedAt: b.uploadedAt.toISOString(),
    };
  }
}

/** A session's slip batches: complete when every teller of the ready ceremony has uploaded. */
export class SlipBatchesView {
  @ApiProperty({ description: '就绪的密钥仪式的监票人数 n（没有就绪的仪式时为 0）' })
  tellers!: number;
  @ApiProperty({ type: [SlipBatchView] }) batches!: SlipBatchView[];
  @ApiProperty({ description: '每位监票人都已上传' }) complete!: boolean;
}
