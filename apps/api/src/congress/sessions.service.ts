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
import {
  type DateFinding,
  needsConfirmation,
  openingFindings,
  sessionDateFindings,
} from './date-rules.js';
import type { CreateSessionDto, UpdateSessionDto } from './dto/session.dto.js';
import { SessionStatusChange } from './session-status-change.entity.js';
import { NEXT_STATUS, SessionStatus } from './session-status.js';
import type { Term } from './term.entity.js';
import { TermsService } from './terms.service.js';
import { WORKFORCE_FIELDS, workforceProblems } from './workforce.js';

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
    @InjectRepository(SessionStatusChange)
    private readonly statusChanges: Repository<SessionStatusChange>,
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

  async create(termId: string, dto: CreateSessionDto, by: string): Promise<CongressSession> {
    await this.terms.get(termId);
    const figures = {
      employees: dto.employees ?? null,
      women: dto.women ?? null,
      dispatched: dto.dispatched ?? null,
    };
    checkFigures(figures);
    return this.sessions.manager.transaction(async (m) => {
      const session = await m.save(
        CongressSession,
        m.create(CongressSession, {
          termId,
          name: dto.name,
          startsAt: parseShanghaiDateTime(dto.startsAt)!,
          place: dto.place,
          ...figures,
          settings: (dto.settings ?? {}) as SettingsOverrides,
          status: SessionStatus.Draft,
          statusChangedAt: this.clock.now(),
        }),
      );
      await this.record(m, session, null, null, [], by);
      return session;
    });
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
    // null clears the session's own figures: the term's apply again.
    for (const f of WORKFORCE_FIELDS) if (dto[f] !== undefined) session[f] = dto[f];
    if (dto.settings)
      session.settings = { ...session.settings, ...(dto.settings as SettingsOverrides) };
    checkFigures(session);
    return this.sessions.save(session);
  }

  /** The date rules' warnings about a session now (shown with it; see date-rules.ts). */
  dateWarnings(session: CongressSession, term: Term): DateFinding[] {
    return sessionDateFindings(session, term, this.clock.now());
  }

  /** The session's status history, oldest first. */
  async history(id: string): Promise<SessionStatusChange[]> {
    await this.get(id);
    return this.statusChanges.find({ where: { sessionId: id }, order: { id: 'ASC' } });
  }

  /**
   * Moves a session one step forward. Circulation is not a plain status change: it happens
   * when the agenda is circulated, so it cannot be set here.
   */
  async changeStatus(
    id: string,
    to: SessionStatus,
    reason: string | undefined,
    by: string,
  ): Promise<CongressSession> {
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
    const confirm =
      to === SessionStatus.InSession
        ? needsConfirmation(openingFindings(session.startsAt, this.clock.now()))
        : [];
    if (confirm.length > 0 && !reason) {
      throw new CongressException(CongressErrorCode.DateConfirmationRequired, {
        findings: confirm,
      });
    }
    return this.setStatus(session, to, this.sessions.manager, { by, reason, confirmed: confirm });
  }

  /**
   * For the modules that own a transition (agenda circulation, minutes archiving). The move is
   * recorded in the session's status history, in the caller's transaction.
   */
  async setStatus(
    session: CongressSession,
    to: SessionStatus,
    manager: EntityManager = this.sessions.manager,
    why: { by?: string; reason?: string; confirmed?: DateFinding[] } = {},
  ) {
    const from = session.status;
    session.status = to;
    session.statusChangedAt = this.clock.now();
    const saved = await manager.save(CongressSession, session);
    await this.record(manager, saved, from, why.reason ?? null, why.confirmed ?? [], why.by);
    return saved;
  }

  private async record(
    m: EntityManager,
    session: CongressSession,
    from: SessionStatus | null,
    reason: string | null,
    confirmedFindings: DateFinding[],
    by: string | undefined,
  ): Promise<void> {
    await m.insert(SessionStatusChange, {
      sessionId: session.id,
      fromStatus: from,
      toStatus: session.status,
      reason,
      confirmedFindings,
      recordedBy: by ?? null,
    });
  }
}

function checkFigures(figures: Parameters<typeof workforceProblems>[0]): void {
  const problems = workforceProblems(figures);
  if (problems.length) throw new CongressException(CongressErrorCode.BadFigures, problems);
}
