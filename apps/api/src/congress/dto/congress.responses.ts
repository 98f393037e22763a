import { ApiProperty } from '@nestjs/swagger';
import { formatShanghai } from '../../common/time.js';
import type { CongressSession } from '../congress-session.entity.js';
import {
  type CongressSettings,
  effectiveSettings,
  type SettingsOverrides,
} from '../congress-settings.js';
import { SESSION_STATUS_LABELS, SessionStatus } from '../session-status.js';
import type { Term } from '../term.entity.js';

export class TermResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() startsOn!: string;
  @ApiProperty() endsOn!: string;
  @ApiProperty({ description: "this term's overrides of the defaults" })
  settings!: SettingsOverrides;
  @ApiProperty({ description: 'defaults with the overrides applied' })
  effectiveSettings!: CongressSettings;

  static of(t: Term): TermResponse {
    return {
      id: t.id,
      name: t.name,
      startsOn: t.startsOn,
      endsOn: t.endsOn,
      settings: t.settings,
      effectiveSettings: effectiveSettings(t.settings),
    };
  }
}

export class SessionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() termId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'UTC, ISO 8601' }) startsAt!: string;
  @ApiProperty({ example: '2026-12-05 09:00', description: 'Asia/Shanghai' })
  startsAtLocal!: string;
  @ApiProperty() place!: string;
  @ApiProperty() employees!: number;
  @ApiProperty() women!: number;
  @ApiProperty() dispatched!: number;
  @ApiProperty() settings!: SettingsOverrides;
  @ApiProperty() effectiveSettings!: CongressSettings;
  @ApiProperty({ enum: SessionStatus }) status!: SessionStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty() statusChangedAt!: string;

  static of(s: CongressSession, term: Term): SessionResponse {
    return {
      id: s.id,
      termId: s.termId,
      name: s.name,
      startsAt: s.startsAt.toISOString(),
      startsAtLocal: formatShanghai(s.startsAt),
      place: s.place,
      employees: s.employees,
      women: s.women,
      dispatched: s.dispatched,
      settings: s.settings,
      effectiveSettings: effectiveSettings(term.settings, s.settings),
      status: s.status,
      statusLabel: SESSION_STATUS_LABELS[s.status],
      statusChangedAt: s.statusChangedAt.toISOString(),
    };
  }
}
