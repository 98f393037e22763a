import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, Not, Repository } from 'typeorm';
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
    @InjectRepository(CongressSession) private readonly sessions: Repository<CongressSession>,
    private readonly terms: TermsService,
    private readonly clock: Clock,
  ) {}

  listForTerm(termId: string): Promise<CongressSession[]> {
    return this.sessions.find({ where: { termId }, order: { startsAt: 'ASC' } });
  }

  /** The term's sessions not yet over (closed or archived), by start time. */
  upcoming(termId: string, m: EntityManager = this.sessions.manager): Promise<CongressSession[]> {
    return m.find(CongressSession, {
      where: { termId, status: Not(In([SessionStatus.Closed, SessionStatus.Archived])) },
      order: { startsAt: 'ASC' },
    });
  }

  /** The given session of the term, or else the term's latest one; null when there is none. */
  latestOfTerm(termId: string, sessionId?: string): Promise<CongressSession | null> {
    return this.sessions.findOne({
      where: sessionId ? { id: sessionId, termId } : { termId },
      order: { startsAt: 'DESC' },
    });
  }

  async get(id: string, manager: EntityManager = this.sessions.manager): Promise<CongressSession> {
    const session = await manager.findOneBy(CongressSession, { id });
    if (!session) throw new CongressException(CongressErrorCode.SessionNotFound);
    return session;
  }

  /** The sessions among these ids (unknown ids are simply missing). */
  byIds(ids: string[], m: EntityManager = this.sessions.manager): Promise<CongressSession[]> {
    return ids.length ? m.findBy(CongressSession, { id: In(ids) }) : Promise.resolve([]);
  }

  /**
   * Locks the session's row for the rest of the caller's transaction (null when there is no
   * such session): concurrent changes that depend on its status queue here.
   */
  lock(id: string, m: EntityManager): Promise<CongressSession | null> {
    return m.findOne(CongressSession, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The settings in force for a session: defaults ← term ← session. */
  async settingsOf(session: CongressSession): Promise<CongressSettings> {
    const term = await this.terms.get(session.termId);
    return effectiveSettings(term.settings, session.settings);
  }

  async create(termId: string, dto: CreateSessionDto): Promise<CongressSession> {
    await this.terms.get(termId);
    checkFigures(dto.employees, dto.women, dto.dispatched);
    return this.sessions.save(
      this.sessions.create({
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
    return this.sessions.save(session);
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
    manager: EntityManager = this.sessions.manager,
  ) {
    session.status = to;
    session.statusChangedAt = this.clock.now();
    return manager.save(CongressSession, session);
  }
}

function checkFigures(employees: number, women: number, dispatched: number): void {
  const problems = [
    ...(women > employees ? [{ field: 'women', errors: ['女职工人数不能多于职工总数'] }] : []),
    ...(dispatched > employees
      ? [{ field: 'dispatched', errors: ['劳务派遣人数不能多于职工总数'] }]
      : []),
  ];
  if (problems.length) throw new CongressException(CongressErrorCode.BadFigures, problems);
}
