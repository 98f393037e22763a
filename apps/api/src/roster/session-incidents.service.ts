import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { PresenceService } from '../attendance/presence.service.js';
import { AccountsService } from '../auth/accounts.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import { TokenService } from '../auth/token.service.js';
import { Clock } from '../common/clock.js';
import type { Incident } from '../common/contracts.js';
import { SessionStatus } from '../congress/session-status.js';
import { SessionsService } from '../congress/sessions.service.js';
import { RealtimeService } from '../realtime/index.js';
import { Role } from '../users/role.enum.js';
import { Delegate } from './delegate.entity.js';
import { LoginCodesService } from './login-codes.service.js';
import { RosterErrorCode, RosterException } from './roster.exception.js';
import { SessionIncident } from './session-incident.entity.js';

/** Who watches incidents live: the console (staff), the projector (staff or secretary), admins. */
const WATCHERS = [Role.Staff, Role.Secretary, Role.Admin];

/**
 * A new log-in code for a delegate who has checked in at a session in progress (a lost or
 * swapped tablet) is a four-eyes action: one staff member asks, a different staff member or
 * admin approves, and only then is the code made (the delegate's old code and tablet sessions
 * stop working). Every step is a 会议异常事项 row, sent to the console and kept for the minutes.
 */
@Injectable()
export class SessionIncidentsService {
  constructor(
    @InjectRepository(SessionIncident) private readonly incidents: Repository<SessionIncident>,
    @InjectRepository(Delegate) private readonly delegates: Repository<Delegate>,
    private readonly sessions: SessionsService,
    private readonly codes: LoginCodesService,
    private readonly presence: PresenceService,
    private readonly accounts: AccountsService,
    private readonly tokens: TokenService,
    private readonly realtime: RealtimeService,
    private readonly clock: Clock,
  ) {}

  /** Asks for a code for a checked-in delegate; nothing is issued until someone else approves. */
  async request(
    sessionId: string,
    delegateId: string,
    reason: string,
    actor: AuthContext,
  ): Promise<Incident> {
    const session = await this.sessions.get(sessionId);
    const delegate = await this.delegates.findOneBy({ id: delegateId, termId: session.termId });
    if (!delegate?.userId) throw new RosterException(RosterErrorCode.DelegateNotFound);
    const checkedIn = await this.presence.checkedInAtLiveSessions(session.termId, [delegateId]);
    if (session.status !== SessionStatus.InSession || !checkedIn.includes(delegateId))
      throw new RosterException(RosterErrorCode.ReissueNotNeeded);
    const saved = await this.incidents.save(
      this.incidents.create({
        sessionId,
        kind: 'login_code_reissue',
        delegateId,
        reason: reason.trim(),
        status: 'requested',
        requestedBy: actor.userId,
        requestedAt: this.clock.now(),
        decidedBy: null,
        decidedAt: null,
      }),
    );
    return this.announce(saved);
  }

  /** The second person's approval: issues the one new code and closes the delegate's sessions. */
  async approve(
    id: string,
    actor: AuthContext,
  ): Promise<{ incident: Incident; username: string; code: string; expiresAt: string }> {
    const incident = await this.decide(id, actor, 'approved');
    const session = await this.sessions.get(incident.sessionId);
    const batch = await this.codes.issue(
      session.termId,
      {
        delegateIds: [incident.delegateId],
        sessionId: session.id,
        formats: ['json'],
        replaceLiveCodes: true,
      },
      actor,
      { approvedReissue: true },
    );
    const issued = batch.codes[0]!;
    // Whoever holds the lost tablet is logged out: its token is the delegate's vote.
    await this.tokens.revokeAllForUser(issued.delegate.userId!, 'log-in code re-issued');
    return {
      incident: await this.announce(incident),
      username: issued.username,
      code: issued.code,
      expiresAt: batch.expiresAt.toISOString(),
    };
  }

  async refuse(id: string, actor: AuthContext): Promise<Incident> {
    return this.announce(await this.decide(id, actor, 'refused'));
  }

  /** The session's incidents, oldest first: for the console, the projector and the minutes. */
  async forSession(sessionId: string): Promise<Incident[]> {
    await this.sessions.get(sessionId);
    const rows = await this.incidents.find({
      where: { sessionId },
      order: { requestedAt: 'ASC', id: 'ASC' },
    });
    return this.views(rows);
  }

  private async decide(
    id: string,
    actor: AuthContext,
    status: 'approved' | 'refused',
  ): Promise<SessionIncident> {
    const incident = await this.incidents.findOneBy({ id });
    if (!incident) throw new RosterException(RosterErrorCode.ReissueNotFound);
    if (incident.requestedBy === actor.userId)
      throw new RosterException(RosterErrorCode.ReissueSamePerson);
    const session = await this.sessions.get(incident.sessionId);
    if (status === 'approved' && session.status !== SessionStatus.InSession)
      throw new RosterException(RosterErrorCode.ReissueNotNeeded);
    const now = this.clock.now();
    // Decided once: of two people deciding at the same moment, only the first one counts.
    const done = await this.incidents.update(
      { id, decidedBy: IsNull() },
      { status, decidedBy: actor.userId, decidedAt: now },
    );
    if (!done.affected) throw new RosterException(RosterErrorCode.ReissueDecided);
    return { ...incident, status, decidedBy: actor.userId, decidedAt: now };
  }

  private async announce(row: SessionIncident): Promise<Incident> {
    const [view] = await this.views([row]);
    this.realtime.toRoles(WATCHERS, 'incident', view!);
    return view!;
  }

  private async views(rows: SessionIncident[]): Promise<Incident[]> {
    if (rows.length === 0) return [];
    const delegates = new Map(
      (await this.delegates.findBy({ id: In(rows.map((r) => r.delegateId)) })).map((d) => [
        d.id,
        d,
      ]),
    );
    const userIds = rows.flatMap((r) =>
      r.decidedBy ? [r.requestedBy, r.decidedBy] : [r.requestedBy],
    );
    const users = new Map((await this.accounts.byIds([...new Set(userIds)])).map((u) => [u.id, u]));
    const actor = (id: string) => ({ id, displayName: users.get(id)?.displayName ?? '' });
    return rows.map((r) => ({
      id: r.id,
      sessionId: r.sessionId,
      kind: r.kind,
      status: r.status,
      delegateId: r.delegateId,
      delegateName: delegates.get(r.delegateId)?.name ?? '',
      employeeNumber: delegates.get(r.delegateId)?.employeeNumber ?? '',
      reason: r.reason,
      requestedBy: actor(r.requestedBy),
      requestedAt: r.requestedAt.toISOString(),
      decidedBy: r.decidedBy ? actor(r.decidedBy) : null,
      decidedAt: r.decidedAt?.toISOString() ?? null,
    }));
  }
}
