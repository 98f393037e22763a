import { ApiProperty } from '@nestjs/swagger';
import { SessionStatus } from '../../congress/session-status.js';

/** A session whose agenda has been circulated, as the public board lists it. */
export class PublicSessionResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '第五届职工代表大会第二次会议' }) name!: string;
  @ApiProperty({ description: 'ISO 8601 (UTC)' }) startsAt!: string;
  @ApiProperty({ example: '2026-12-05 09:00', description: '北京时间' }) startsAtLocal!: string;
  @ApiProperty() place!: string;
  @ApiProperty({ enum: SessionStatus }) status!: SessionStatus;
  @ApiProperty({ example: '会议中' }) statusLabel!: string;
}
