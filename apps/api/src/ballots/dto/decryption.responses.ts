import { ApiProperty } from '@nestjs/swagger';
import type { DecryptionStatus } from '../decryption.service.js';

/**
 * A poll's prepared close (libs/ballot `PreparedClose['record']`, RECORD.md without the
 * decryptions and the result): what a teller's device re-sums and decrypts.
 */
export class PreparedCloseResponse {
  @ApiProperty({ enum: [2] }) version!: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) poll!: object;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "{ mode: 'tellers', ceremony }",
  })
  key!: object;
  @ApiProperty({ type: 'object', additionalProperties: true }) issued!: object;
  @ApiProperty({ type: 'object', additionalProperties: true }) board!: object;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) exclusions!: object[];
  @ApiProperty({ type: 'object', additionalProperties: true }) tally!: object;
}

export class BoardEntryResponse {
  @ApiProperty({ description: '公告板位置，从 1 起' }) position!: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'libs/ballot Ballot' })
  ballot!: object;
}

/**
 * A page of a secret poll's board while it is open or closing: the poll and key sections of the
 * record (what a teller's device verifies against) and the ballots after a position.
 */
export class BoardPageResponse {
  @ApiProperty() pollId!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: string;
  @ApiProperty({ description: '公告板上的选票总数' }) cast!: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'RecordPoll' })
  poll!: object;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "{ mode: 'tellers', ceremony }",
  })
  key!: object;
  @ApiProperty({ type: [BoardEntryResponse] }) entries!: BoardEntryResponse[];
}

export class PendingDecryptionResponse {
  @ApiProperty() pollId!: string;
  @ApiProperty() sessionId!: string;
  @ApiProperty() ceremonyId!: string;
  @ApiProperty() title!: string;
}

export class DecryptionTellerResponse {
  @ApiProperty() index!: number;
  @ApiProperty() userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: '已提交有效的部分解密' }) answered!: boolean;
}

export class RefusedPartialResponse {
  @ApiProperty() index!: number;
  @ApiProperty({ description: 'libs/ballot 的检查代码与说明' }) reason!: string;
  @ApiProperty() receivedAt!: string;
}

/** Where a tellers-mode close stands: who answered, who is missing, what was refused. */
export class DecryptionStatusResponse implements DecryptionStatus {
  @ApiProperty() pollId!: string;
  @ApiProperty() ceremonyId!: string;
  @ApiProperty() threshold!: number;
  @ApiProperty({ description: '已结束，等待监票人解密' }) waiting!: boolean;
  @ApiProperty() decided!: boolean;
  @ApiProperty({ type: [DecryptionTellerResponse] }) tellers!: DecryptionTellerResponse[];
  @ApiProperty({ type: [Number] }) missing!: number[];
  @ApiProperty({ type: [RefusedPartialResponse] }) refused!: RefusedPartialResponse[];

  static of(s: DecryptionStatus): DecryptionStatusResponse {
    return Object.assign(new DecryptionStatusResponse(), s);
  }
}
