import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { parseShanghaiDateTime } from '../common/time.js';
import { CongressErrorCode, CongressException } from './congress.exception.js';
import { CongressSession } from './congress-session.entity.js';
import {
  type CongressSettings,
  effectiveSettings,
  type SettingsOverrides,
} from './congress-settings.js';
import type { CreateSessionDto, UpdateSessionDto } from './dto/session.dto.js';
import { NEXT_STATUS, SessionStatus } from './session-status.js';
import { TermsService } from './terms.service.js';

/** Statuses after which the session's time may no longer move (the 7-day clock depends on it). */
const TIME_LOCKED = new Set([
  SessionStatus.Circulated,
  SessionStatus.InSession,
  SessionStatus.Closed,
  SessionStatus.Archived,
]);

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly terms: TermsService,
    private readonly clock: Clock,
  ) {}

  listForTerm(termId: string): Promise<CongressSession[]> {
    return this.db
      .getRepository(CongressSession)
      .find({ where: { termId }, order: { startsAt: 'ASC' } });
  }

  async get(id: string, manager: EntityManager = this.db.manager): Promise<CongressSession> {
    const session = await manager.findOneBy(CongressSession, { id });
    if (!session) throw new CongressException(CongressErrorCode.SessionNotFound);
    return session;
  }

  /** The settings in force for a session: defaults ← term ← session. */
  async settingsOf(session: CongressSession): Promise<CongressSettings> {
    const term = await this.terms.get(session.termId);
    return effectiveSettings(term.settings, session.settings);
  }

  async create(termId: string, dto: CreateSessionDto): Promise<CongressSession> {
    await this.terms.get(termId);
    checkFigures(dto.employees, dto.women, dto.dispatched);
    const repo = this.db.getRepository(CongressSession);
    return repo.save(
      repo.create({
        termId,
        name: dto.name,
        startsAt: parseShanghaiDateTime(dto.startsAt)!,
        place: dto.place,
        employees: dto.employees,
        women: dto.women,
        dispatched: dto.dispatched,
        settings: (dto.settings ?? {}) as SettingsOverrides,
        status: SessionStatus.Draft,
        statusChangedAt: this.clock.now(),
      }),
    );
  }

  async update(id: string, dto: UpdateSessionDto): Promise<CongressSession> {
    const session = await this.get(id);
    if (dto.startsAt !== undefined) {
      const startsAt = parseShanghaiDateTime(dto.startsAt)!;
      if (startsAt.getTime() !== session.startsAt.getTime() && TIME_LOCKED.has(session.status)) {
        throw new CongressException(CongressErrorCode.SessionLocked);
      }
      session.startsAt = startsAt;
    }
    if (dto.name !== undefined) session.name = dto.name;
    if (dto.place !== undefined) session.place = dto.place;
    if (dto.employees !== undefined) session.employees = dto.employees;
    if (dto.women !== undefined) session.women = dto.women;
    if (dto.dispatched !== undefined) session.dispatched = dto.dispatched;
    if (dto.settings)
      session.settings = { ...session.settings, ...(dto.settings as SettingsOverrides) };
    checkFigures(session.employees, session.women, session.dispatched);
    return this.db.getRepository(CongressSession).save(session);
  }

  /**
   * Moves a session one step forward. Circulation is not a plain status change: it happens
   * when the agenda is circulated, so it cannot be set here.
   */
  async changeStatus(id: string, to: SessionStatus): Promise<CongressSession> {
    const session = await this.get(id);
    const allowed = NEXT_STATUS[session.status];
    if (to !== allowed) {
      throw new CongressException(CongressErrorCode.BadTransition, {
        from: session.status,
        to,
        allowed,
      });
    }
    if (to === SessionStatus.Circulated)
      throw new CongressException(CongressErrorCode.CirculateThroughAgenda);
    return this.setStatus(session, to);
  }

  /** For the modules that own a transition (agenda circulation, minutes archiving). */
  async setStatus(
    session: CongressSession,
    to: SessionStatus,
    manager: EntityManager = this.db.manager,
  ) {
    session.status = to;
    session.statusChangedAt = this.clock.now();
    return manager.save(CongressSession, session);
  }
}

function checkFigures(employees: number, women: number, dispatched: number): void {
  const problems = [
    ...(women > employees ? [{ field: 'women', errors: ['women must not exceed employees'] }] : []),
    ...(dispatched > employees
      ? [{ field: 'dispatched', errors: ['dispatched must not exceed employees'] }]
      : []),
  ];
  if (problems.length) throw new CongressException(CongressErrorCode.BadFigures, problems);
}
