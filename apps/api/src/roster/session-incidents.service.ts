import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { PresenceService } from '../attendance/presence.service.js';
import { AccountsService } from '../auth/accounts.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import { TokenService } from '../auth/token.service.js';
import { Clock } from '../common/clock.js';
import type { ApproverRole, DecidedVia, Incident } from '../common/contracts.js';
import type { CongressSession } from '../congress/congress-session.entity.js';
import { SessionStatus } from '../congress/session-status.js';
import { SessionsService } from '../congress/sessions.service.js';
import { RealtimeService } from '../realtime/index.js';
import { Role } from '../users/role.enum.js';
import { Delegate } from './delegate.entity.js';
import { LoginCodesService } from './login-codes.service.js';
import { reissueApproverRole } from './reissue-approver.js';
import { RosterErrorCode, RosterException } from './roster.exception.js';
import { SeatsService } from './seats.service.js';
import { SessionIncident } from './session-incident.entity.js';

/** Who watches incidents live: the console (staff), the projector (staff or secretary), admins. */
const WATCHERS = [Role.Staff, Role.Secretary, Role.Admin];

export interface IssuedReissue {
  incident: Incident;
  username: string;
  code: string;
  expiresAt: string;
}

/** Who may approve, for the console's select: the term's serving presidium members and tellers. */
export interface ReissueApprover {
  delegateId: string;
  name: string;
  employeeNumber: string;
  role: ApproverRole;
}

interface Approver {
  seat: Delegate;
  role: ApproverRole;
  via: DecidedVia;
}

/**
 * A new log-in code for a delegate who has checked in at a session in progress (a lost or
 * swapped tablet) is a four-eyes action (issue 16, item 2): a staff member asks; a presidium
 * member or a teller of the term approves or refuses, on their own tablet or in person with
 * another staff member recording it; then a staff member issues the code, once (the delegate's
 * old code and tablet sessions stop working). A tablet's approval never sees the code: the code
 * is the delegate's vote, so it is shown only at the console, to hand over. Every step is a
 * 会议异常事项 row, sent to the console, the projector and the term's approvers, kept for the
 * minutes.
 */
@Injectable()
export class SessionIncidentsService {
  constructor(
    @InjectRepository(SessionIncident) private readonly incidents: Repository<SessionIncident>,
    @InjectRepository(Delegate) private readonly delegates: Repository<Delegate>,
    private readonly sessions: SessionsService,
    private readonly seats: SeatsService,
    private readonly codes: LoginCodesService,
    private readonly presence: PresenceService,
    private readonly accounts: AccountsService,
    private readonly tokens: TokenService,
    private readonly realtime: RealtimeService,
    private readonly clock: Clock,
  ) {}

  /** Asks for a code for a checked-in delegate; nothing is issued until someone approves. */
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
        decidedByDelegateId: null,
        approverRole: null,
        decidedVia: null,
        codeIssuedAt: null,
      }),
    );
    return this.announce(saved, session);
  }

  /**
   * The session's requests waiting for this delegate's decision: only a presidium member or
   * teller of the term may read them (their own re-issue is not theirs to decide).
   */
  async waitingFor(sessionId: string, actor: AuthContext): Promise<Incident[]> {
    const session = await this.sessions.get(sessionId);
    const seat = await this.seats.votingSeat(session.termId, actor.userId);
    if (!reissueApproverRole(seat, ''))
      throw new RosterException(RosterErrorCode.ReissueNotApprover);
    const rows = await this.incidents.find({
      where: { sessionId, status: 'requested' },
      order: { requestedAt: 'ASC', id: 'ASC' },
    });
    return this.views(rows.filter((r) => r.delegateId !== seat!.id));
  }

  /** A presidium member's or teller's approval on their own tablet: recorded, no code made. */
  async approveOnTablet(id: string, actor: AuthContext): Promise<Incident> {
    const { row, session } = await this.decide(id, actor, 'approved');
    return this.announce(row, session);
  }

  /**
   * Staff record that a named presidium member or teller approved in person: approves and
   * issues the one new code in one step (shown only in this answer).
   */
  async approveInPerson(
    id: string,
    approverDelegateId: string,
    actor: AuthContext,
  ): Promise<IssuedReissue> {
    const { row, session } = await this.decide(id, actor, 'approved', approverDelegateId);
    return this.issueCode(row, session, actor);
  }

  /** Refused by a presidium member or teller: on their tablet, or recorded by staff naming them. */
  async refuse(id: string, actor: AuthContext, approverDelegateId?: string): Promise<Incident> {
    const { row, session } = await this.decide(id, actor, 'refused', approverDelegateId);
    return this.announce(row, session);
  }

  /** After an approval on a tablet: any staff member issues the code, once. */
  async issue(id: string, actor: AuthContext): Promise<IssuedReissue> {
    const row = await this.incidents.findOneBy({ id });
    if (!row) throw new RosterException(RosterErrorCode.ReissueNotFound);
    if (row.codeIssuedAt) throw new RosterException(RosterErrorCode.ReissueIssued);
    if (row.status !== 'approved') throw new RosterException(RosterErrorCode.ReissueNotApproved);
    const session = await this.sessions.get(row.sessionId);
    if (session.status !== SessionStatus.InSession)
      throw new RosterException(RosterErrorCode.ReissueNotNeeded);
    return this.issueCode(row, session, actor);
  }

  /** The term's serving presidium members and tellers, but the delegate concerned. */
  async approversFor(id: string): Promise<ReissueApprover[]> {
    const row = await this.incidents.findOneBy({ id });
    if (!row) throw new RosterException(RosterErrorCode.ReissueNotFound);
    const session = await this.sessions.get(row.sessionId);
    return (await this.seats.presidiumAndTellers(session.termId)).flatMap((seat) => {
      const role = reissueApproverRole(seat, row.delegateId);
      return role
        ? [{ delegateId: seat.id, name: seat.name, employeeNumber: seat.employeeNumber, role }]
        : [];
    });
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

  private async issueCode(
    row: SessionIncident,
    session: CongressSession,
    actor: AuthContext,
  ): Promise<IssuedReissue> {
    const now = this.clock.now();
    const batch = await this.codes.issue(
      session.termId,
      {
        delegateIds: [row.delegateId],
        sessionId: session.id,
        formats: ['json'],
        replaceLiveCodes: true,
      },
      actor,
      {
        approvedReissue: true,
        // Issued once: of two staff members issuing at the same moment, only the first one counts.
        within: async (m) => {
          const done = await m.update(
            SessionIncident,
            { id: row.id, status: 'approved', codeIssuedAt: IsNull() },
            { codeIssuedAt: now },
          );
          if (!done.affected) throw new RosterException(RosterErrorCode.ReissueIssued);
        },
      },
    );
    const issued = batch.codes[0]!;
    // Whoever holds the lost tablet is logged out: its token is the delegate's vote.
    await this.tokens.revokeAllForUser(issued.delegate.userId!, 'log-in code re-issued');
    return {
      incident: await this.announce({ ...row, codeIssuedAt: now }, session),
      username: issued.username,
      code: issued.code,
      expiresAt: batch.expiresAt.toISOString(),
    };
  }

  /**
   * Writes the one decision. A delegate decides on their own tablet; staff record the decision
   * of the presidium member or teller they name (never on their own request).
   */
  private async decide(
    id: string,
    actor: AuthContext,
    status: 'approved' | 'refused',
    namedDelegateId?: string,
  ): Promise<{ row: SessionIncident; session: CongressSession }> {
    const incident = await this.incidents.findOneBy({ id });
    if (!incident) throw new RosterException(RosterErrorCode.ReissueNotFound);
    const session = await this.sessions.get(incident.sessionId);
    const approver = await this.approver(incident, session, actor, namedDelegateId);
    if (incident.status !== 'requested') throw new RosterException(RosterErrorCode.ReissueDecided);
    if (status === 'approved' && session.status !== SessionStatus.InSession)
      throw new RosterException(RosterErrorCode.ReissueNotNeeded);
    const decision = {
      status,
      decidedBy: actor.userId,
      decidedAt: this.clock.now(),
      decidedByDelegateId: approver.seat.id,
      approverRole: approver.role,
      decidedVia: approver.via,
    };
    // Decided once: of two people deciding at the same moment, only the first one counts.
    const done = await this.incidents.update({ id, decidedBy: IsNull() }, decision);
    if (!done.affected) throw new RosterException(RosterErrorCode.ReissueDecided);
    return { row: { ...incident, ...decision }, session };
  }

  private async approver(
    incident: SessionIncident,
    session: CongressSession,
    actor: AuthContext,
    namedDelegateId?: string,
  ): Promise<Approver> {
    if (actor.role === Role.Delegate) {
      const seat = await this.seats.votingSeat(session.termId, actor.userId);
      if (seat?.id === incident.delegateId)
        throw new RosterException(RosterErrorCode.ReissueOwnCode);
      const role = reissueApproverRole(seat, incident.delegateId);
      if (!role) throw new RosterException(RosterErrorCode.ReissueNotApprover);
      return { seat: seat!, role, via: 'tablet' };
    }
    if (incident.requestedBy === actor.userId)
      throw new RosterException(RosterErrorCode.ReissueSamePerson);
    const seat = namedDelegateId
      ? await this.seats.servingSeatById(session.termId, namedDelegateId)
      : null;
    const role = reissueApproverRole(seat, incident.delegateId);
    if (!role) throw new RosterException(RosterErrorCode.ReissueApproverInvalid);
    return { seat: seat!, role, via: 'recorded' };
  }

  /**
   * Sends the incident to the console and the projector (role rooms) and to the tablets of the
   * term's presidium members and tellers (their own rooms), but the delegate concerned.
   */
  private async announce(row: SessionIncident, session: CongressSession): Promise<Incident> {
    const [view] = await this.views([row]);
    this.realtime.toRoles(WATCHERS, 'incident', view!);
    const approvers = (await this.seats.presidiumAndTellers(session.termId)).filter(
      (s) => s.id !== row.delegateId && s.userId,
    );
    this.realtime.toUsers(
      approvers.map((s) => s.userId!),
      'incident',
      view!,
    );
    return view!;
  }

  private async views(rows: SessionIncident[]): Promise<Incident[]> {
    if (rows.length === 0) return [];
    const seatIds = rows.flatMap((r) =>
      r.decidedByDelegateId ? [r.delegateId, r.decidedByDelegateId] : [r.delegateId],
    );
    const seats = new Map((await this.seats.byIds([...new Set(seatIds)])).map((d) => [d.id, d]));
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
      delegateName: seats.get(r.delegateId)?.name ?? '',
      employeeNumber: seats.get(r.delegateId)?.employeeNumber ?? '',
      reason: r.reason,
      requestedBy: actor(r.requestedBy),
      requestedAt: r.requestedAt.toISOString(),
      decidedBy: r.decidedBy ? actor(r.decidedBy) : null,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      approver:
        r.decidedByDelegateId && r.approverRole
          ? {
              delegateId: r.decidedByDelegateId,
              name: seats.get(r.decidedByDelegateId)?.name ?? '',
              role: r.approverRole,
            }
          : null,
      decidedVia: r.decidedVia,
      codeIssuedAt: r.codeIssuedAt?.toISOString() ?? null,
    }));
  }
}
