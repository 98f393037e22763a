import { ApiProperty } from '@nestjs/swagger';
import type { AuditEntry } from '../audit-entry.entity.js';

export class AuditEntryResponse {
  @ApiProperty() id!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ nullable: true, type: String }) actorId!: string | null;
  @ApiProperty() actorUsername!: string;
  @ApiProperty() actorRole!: string;
  @ApiProperty() action!: string;
  @ApiProperty({ nullable: true, type: String }) target!: string | null;
  @ApiProperty({ nullable: true, type: Object }) details!: object | null;
  @ApiProperty({ nullable: true, type: String }) ip!: string | null;

  static of(e: AuditEntry): AuditEntryResponse {
    return { ...e, at: e.at.toISOString() };
  }
}
