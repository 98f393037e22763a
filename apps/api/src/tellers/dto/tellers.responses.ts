import { ApiProperty } from '@nestjs/swagger';
import type { CeremonyProgress } from '../../common/contracts.js';
import type { MessagesByKind } from '../ceremonies.service.js';
import type { CeremonyFailure, TellerCeremony } from '../teller-ceremony.entity.js';

export class CeremonyTellerResponse {
  @ApiProperty() index!: number;
  @ApiProperty() userId!: string;
  @ApiProperty() name!: string;
}

export class CeremonyReceivedResponse {
  @ApiProperty() round1!: number;
  @ApiProperty() round2!: number;
  @ApiProperty() complaint!: number;
  @ApiProperty() ack!: number;
}

export class CeremonyMessagesResponse {
  @ApiProperty({ type: 'array', items: { type: 'object' } }) round1!: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) round2!: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) complaint!: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) ack!: object[];
}

/** A session's key ceremony: everything in it is public (no secret is ever sent to the server). */
export class CeremonyResponse {
  @ApiProperty() id!: string;
  @ApiProperty() sessionId!: string;
  @ApiProperty({ description: 'libs/ballot 的 ceremonyId（绑定在每个证明和签名中）' })
  ceremonyId!: string;
  @ApiProperty({ description: 'n' }) tellers!: number;
  @ApiProperty({ description: 't' }) threshold!: number;
  @ApiProperty({ enum: ['collecting', 'ready', 'failed'] }) status!: string;
  @ApiProperty({ type: [CeremonyTellerResponse] }) members!: CeremonyTellerResponse[];
  @ApiProperty({ type: CeremonyReceivedResponse }) received!: CeremonyReceivedResponse;
  @ApiProperty({ nullable: true, enum: ['round1', 'round2', 'ack'], type: String })
  next!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '密钥指纹（hex）' })
  fingerprint!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '短指纹，在大屏上宣读核对' })
  shortFingerprint!: string | null;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true })
  failure!: CeremonyFailure | null;
  @ApiProperty({ type: CeremonyMessagesResponse }) messages!: CeremonyMessagesResponse;
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description: '公开的仪式记录（libs/ballot CeremonyTranscript），就绪后提供',
  })
  transcript!: object | null;
  @ApiProperty() createdAt!: string;

  static of(
    c: TellerCeremony,
    members: CeremonyTellerResponse[],
    progress: CeremonyProgress,
    messages: MessagesByKind,
  ): CeremonyResponse {
    return Object.assign(new CeremonyResponse(), {
      id: c.id,
      sessionId: c.sessionId,
      ceremonyId: c.ceremonyKeyId,
      tellers: c.tellers,
      threshold: c.threshold,
      status: c.status,
      members,
      received: progress.received,
      next: progress.next,
      fingerprint: c.fingerprint,
      shortFingerprint: c.shortFingerprint,
      failure: c.failure,
      messages,
      transcript: c.transcript,
      createdAt: c.createdAt.toISOString(),
    });
  }
}

/** A ceremony the caller is a teller of, with the caller's index. */
export class MyCeremonyResponse {
  @ApiProperty() index!: number;
  @ApiProperty({ type: CeremonyResponse }) ceremony!: CeremonyResponse;
}
