import { ApiProperty } from '@nestjs/swagger';
import { formatShanghai } from '../../common/time.js';
import type { CongressSession } from '../congress-session.entity.js';
import {
  type CongressSettings,
  effectiveSettings,
  type SettingsOverrides,
} from '../congress-settings.js';
import {
  type DateFinding,
  type DateOutcome,
  type DateRuleId,
  DATE_RULES,
  termDateFindings,
  warnings,
} from '../date-rules.js';
import type { SessionStatusChange } from '../session-status-change.entity.js';
import { SESSION_STATUS_LABELS, SessionStatus } from '../session-status.js';
import type { Term } from '../term.entity.js';
import { effectiveWorkforce, type WorkforceSource } from '../workforce.js';

/** A date rule's finding (see docs/rules.md, "Dates the app checks"). */
export class DateFindingResponse implements DateFinding {
  @ApiProperty({ enum: Object.keys(DATE_RULES) }) rule!: DateRuleId;
  @ApiProperty({ enum: ['refuse', 'confirm', 'warn'] }) outcome!: DateOutcome;
  @ApiProperty({ nullable: true, type: String }) field!: string | null;
  @ApiProperty({ example: '会议日期 2031-01-05 不在本届任期（2026-01-01 至 2030-12-31）之内' })
  message!: string;
}

export class TermResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() startsOn!: string;
  @ApiProperty() endsOn!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'workforce: all employees' })
  employees!: number | null;
  @ApiProperty({ nullable: true, type: Number }) women!: number | null;
  @ApiProperty({ nullable: true, type: Number }) dispatched!: number | null;
  @ApiProperty({ type: [DateFindingResponse], description: "warnings about the term's dates" })
  warnings!: DateFindingResponse[];
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
      employees: t.employees,
      women: t.women,
      dispatched: t.dispatched,
      warnings: warnings(termDateFindings(t.startsOn, t.endsOn)),
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
  @ApiProperty({
    nullable: true,
    type: Number,
    description: "workforce figures in force: the session's own, else its term's",
  })
  employees!: number | null;
  @ApiProperty({ nullable: true, type: Number }) women!: number | null;
  @ApiProperty({ nullable: true, type: Number }) dispatched!: number | null;
  @ApiProperty({
    enum: ['session', 'term'],
    nullable: true,
    description: 'where the figures come from; null: neither the session nor its term has any',
  })
  workforceFrom!: WorkforceSource | null;
  @ApiProperty() settings!: SettingsOverrides;
  @ApiProperty() effectiveSettings!: CongressSettings;
  @ApiProperty({ enum: SessionStatus }) status!: SessionStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty() statusChangedAt!: string;
  @ApiProperty({ type: [DateFindingResponse], description: "warnings about the session's date" })
  warnings!: DateFindingResponse[];

  static of(s: CongressSession, term: Term, dateWarnings: DateFinding[]): SessionResponse {
    const figures = effectiveWorkforce(term, s);
    return {
      id: s.id,
      termId: s.termId,
      name: s.name,
      startsAt: s.startsAt.toISOString(),
      startsAtLocal: formatShanghai(s.startsAt),
      place: s.place,
      employees: figures?.workforce.employees ?? null,
      women: figures?.workforce.women ?? null,
      dispatched: figures?.workforce.dispatched ?? null,
      workforceFrom: figures?.from ?? null,
      settings: s.settings,
      effectiveSettings: effectiveSettings(term.settings, s.settings),
      status: s.status,
      statusLabel: SESSION_STATUS_LABELS[s.status],
      statusChangedAt: s.statusChangedAt.toISOString(),
      warnings: dateWarnings,
    };
  }
}

export class SessionStatusChangeResponse {
  @ApiProperty() at!: string;
  @ApiProperty({ enum: SessionStatus, nullable: true }) fromStatus!: SessionStatus | null;
  @ApiProperty({ enum: SessionStatus }) toStatus!: SessionStatus;
  @ApiProperty() toStatusLabel!: string;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({
    type: [DateFindingResponse],
    description: 'the date rules this move broke, confirmed by the reason',
  })
  confirmedFindings!: DateFindingResponse[];
  @ApiProperty({ nullable: true, type: String }) recordedBy!: string | null;

  static of(c: SessionStatusChange): SessionStatusChangeResponse {
    return {
      at: c.at.toISOString(),
      fromStatus: c.fromStatus,
      toStatus: c.toStatus,
      toStatusLabel: SESSION_STATUS_LABELS[c.toStatus],
      reason: c.reason,
      confirmedFindings: c.confirmedFindings,
      recordedBy: c.recordedBy,
    };
  }
}
