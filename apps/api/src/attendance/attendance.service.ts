import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../common/clock.js';
import type { AttendanceSummary } from '../common/contracts.js';
import { KeyedThrottle } from '../common/keyed-throttle.js';
import { checkQuorum } from '../common/tally.js';
import type { CongressSession } from '../congress/congress-session.entity.js';
import { SessionStatus } from '../congress/session-status.js';
import { SessionsService } from '../congress/sessions.service.js';
import { RealtimeService } from '../realtime/realtime.service.js';
import { servingAttendeeSql, servingSeatSql, servingVoterSql } from '../roster/seat-rules.js';
import { SeatsService } from '../roster/seats.service.js';
import { DelegateCardsService } from '../roster/delegate-cards.service.js';
import { GroupsService } from '../roster/groups.service.js';
import { AuditService } from '../audit/audit.service.js';
import { DelegateStatus, type RosterKind } from '../roster/roster.enums.js';
import { Attendance, type AttendanceMethod, AttendanceStatus } from './attendance.entity.js';
import { AttendanceErrorCode, AttendanceException } from './attendance.exception.js';
import { type Following, mayFollow, mayWatch, sessionRoom } from './following.js';
import { checkedInSql } from './presence.js';

const CHECK_IN_OPEN = new Set([SessionStatus.Circulated, SessionStatus.InSession]);
const BROADCAST_EVERY_MS = 250;

export type { AttendanceSummary };
export { type Following, mayFollow, mayWatch, sessionRoom, watchRoom } from './following.js';

export interface AttendanceRow {
  delegateId: string;
  name: string;
  kind: RosterKind;
  groupId: string | null;
  status: AttendanceStatus | 'not_checked_in';
  reason: string | null;
  method: string | null;
  at: string | null;
}

/** What the door page shows after a scan. */
export interface CardCheckIn {
  result: 'checked_in' | 'already_checked_in';
  delegate: { id: string; name: string; kind: RosterKind; groupName: string | null };
  summary: AttendanceSummary;
}

/** 签到 and the quorum, counted from PostgreSQL every time, and broadcast to the session's room. */
@Injectable()
export class AttendanceService implements OnModuleDestroy {
  private readonly broadcasts = new KeyedThrottle(
    BROADCAST_EVERY_MS,
    new Logger('Attendance'),
    'attendance broadcast',
  );

  constructor(
    @InjectRepository(Attendance) private readonly marks: Repository<Attendance>,
    private readonly seats: SeatsService,
    private readonly sessions: SessionsService,
    private readonly realtime: RealtimeService,
    private readonly clock: Clock,
    private readonly cards: DelegateCardsService,
    private readonly groups: GroupsService,
    private readonly audit: AuditService,
  ) {}

  /** Counted by PostgreSQL in one query: a hall of tablets joining must not each load the roster. */
  async summary(sessionId: string): Promise<AttendanceSummary> {
    const session = await this.sessions.get(sessionId);
    const c = await this.count(sessionId, session.termId);
    const settings = await this.sessions.settingsOf(session);
    return {
      sessionId,
      total: c.total,
      present: c.present,
      absentWithReason: c.absent,
      notCheckedIn: c.total - c.present - c.absent,
      attendeesPresent: c.attendeesPresent,
      quorum: checkQuorum(
        { total: c.total, present: c.present },
        { fraction: settings.quorum, comparison: '>=' },
      ),
    };
  }

  /**
   * A poll's electorate as it closes: the serving voting delegates and those checked in (the
   * summary's `total` and `present`, without reading the congress's settings for the quorum).
   */
  async electorate(sessionId: string): Promise<{ total: number; present: number }> {
    const session = await this.sessions.get(sessionId);
    const { total, present } = await this.count(sessionId, session.termId);
    return { total, present };
  }

  /** Serving voting delegates checked in at the session: the quorum's and the turnout's "present". */
  async presentVoters(sessionId: string): Promise<number> {
    const session = await this.sessions.get(sessionId);
    return (await this.count(sessionId, session.termId)).present;
  }

  /** The seats counted by `presentVoters`: serving voting delegates checked in at the session. */
  async presentVoterIds(sessionId: string): Promise<string[]> {
    const session = await this.sessions.get(sessionId);
    const rows: { id: string }[] = await this.marks.query(
      `SELECT d.id FROM delegates d
        WHERE d.term_id = $2 AND ${servingVoterSql('d')} AND ${checkedInSql('$1', 'd.id')}`,
      [sessionId, session.termId],
    );
    return rows.map((r) => r.id);
  }

  /** Whether this seat is checked in at the session. */
  isPresent(sessionId: string, delegateId: string): Promise<boolean> {
    return this.marks.existsBy({ sessionId, delegateId, status: AttendanceStatus.Present });
  }

  /** The one count of a session's attendance; every figure above comes from here. */
  private async count(sessionId: string, termId: string) {
    const voter = servingVoterSql('d');
    const [c]: { total: number; present: number; absent: number; attendees_present: number }[] =
      await this.marks.query(
        `SELECT count(*) FILTER (WHERE ${voter})::int AS total,
                count(*) FILTER (WHERE ${voter} AND a.status = $3)::int AS present,
                count(*) FILTER (WHERE ${voter} AND a.status = $4)::int AS absent,
                count(*) FILTER (WHERE ${servingAttendeeSql('d')} AND a.status = $3)::int AS attendees_present
           FROM delegates d LEFT JOIN attendance a ON a.delegate_id = d.id AND a.session_id = $1
          WHERE d.term_id = $2 AND ${servingSeatSql('d')}`,
        [sessionId, termId, AttendanceStatus.Present, AttendanceStatus.Absent],
      );
    return {
      total: c!.total,
      present: c!.present,
      absent: c!.absent,
      attendeesPresent: c!.attendees_present,
    };
  }

  /** Every serving seat of the term with its attendance (staff and secretaries). */
  async rows(session: CongressSession): Promise<AttendanceRow[]> {
    const seats = await this.seats.servingSeats(session.termId);
    const marks = new Map(
      (await this.marks.findBy({ sessionId: session.id })).map((a) => [a.delegateId, a]),
    );
    return seats.map((d) => {
      const a = marks.get(d.id);
      return {
        delegateId: d.id,
        name: d.name,
        kind: d.kind,
        groupId: d.groupId,
        status: a?.status ?? 'not_checked_in',
        reason: a?.reason ?? null,
        method: a?.method ?? null,
        at: a?.at.toISOString() ?? null,
      };
    });
  }

  /** The delegate checks in on the tablet; checking in again changes nothing. */
  async checkIn(sessionId: string, auth: AuthContext): Promise<AttendanceSummary> {
    const session = await this.openSession(sessionId);
    const seat = await this.seats.servingSeat(session.termId, auth.userId);
    if (!seat) throw new AttendanceException(AttendanceErrorCode.NoSeat);
    await this.upsert(
      sessionId,
      seat.id,
      AttendanceStatus.Present,
      null,
      'tablet',
      auth.userId,
      false,
    );
    return this.broadcast(sessionId);
  }

  /** Staff check in a delegate without a tablet, or record an absence with its reason. */
  async record(
    sessionId: string,
    delegateId: string,
    status: AttendanceStatus,
    reason: string | undefined,
    actor: AuthContext,
  ) {
    const session = await this.openSession(sessionId);
    if (status === AttendanceStatus.Absent && !reason)
      throw new AttendanceException(AttendanceErrorCode.ReasonRequired);
    const seat = await this.seats.servingSeatById(session.termId, delegateId);
    if (!seat) throw new AttendanceException(AttendanceErrorCode.DelegateNotInTerm);
    await this.upsert(
      sessionId,
      seat.id,
      status,
      status === AttendanceStatus.Absent ? reason! : null,
      'staff',
      actor.userId,
      true,
    );
    return this.broadcast(sessionId);
  }

  /**
   * Staff at the door scan a 代表证 (or type its 证号): the seat it names is checked in as on the
   * tablet (an absence on record becomes present, a check-in already made stays as it was). The
   * card must be live, of this session's term, and its seat serving; the audit log gets the staff
   * user, the seat and whether anything changed.
   */
  async checkInByCard(sessionId: string, code: string, actor: AuthContext): Promise<CardCheckIn> {
    const session = await this.openSession(sessionId);
    const seat = await this.cards.seatOf(code);
    if (!seat) throw new AttendanceException(AttendanceErrorCode.CardUnknown);
    const delegate = {
      id: seat.id,
      name: seat.name,
      kind: seat.kind,
      groupName: seat.groupId ? ((await this.groups.byIds([seat.groupId]))[0]?.name ?? null) : null,
    };
    if (seat.termId !== session.termId)
      throw new AttendanceException(AttendanceErrorCode.CardOtherTerm, { delegate });
    if (seat.status !== DelegateStatus.Serving)
      throw new AttendanceException(AttendanceErrorCode.CardSeatEnded, {
        delegate,
        status: seat.status,
      });
    const changed = await this.upsert(
      sessionId,
      seat.id,
      AttendanceStatus.Present,
      null,
      'card',
      actor.userId,
      false,
    );
    await this.audit.record({
      actor: { id: actor.userId, username: actor.username, role: actor.role },
      action: 'attendance.card-check-in',
      target: `delegate:${seat.id}`,
      details: { sessionId, checkedIn: changed },
    });
    return {
      result: changed ? 'checked_in' : 'already_checked_in',
      delegate,
      summary: await this.broadcast(sessionId),
    };
  }

  /**
   * The caller gets the fresh summary; the room gets it at most every 250 ms, so a hall checking
   * in at once does not send every tablet one message per check-in.
   */
  async broadcast(sessionId: string): Promise<AttendanceSummary> {
    const summary = await this.summary(sessionId);
    this.broadcasts.schedule(sessionId, async () =>
      this.realtime.toRoom(sessionRoom(sessionId), 'attendance', await this.summary(sessionId)),
    );
    return summary;
  }

  onModuleDestroy(): void {
    this.broadcasts.clear();
  }

  private async upsert(
    sessionId: string,
    delegateId: string,
    status: AttendanceStatus,
    reason: string | null,
    method: AttendanceMethod,
    recordedBy: string,
    overwrite: boolean,
  ): Promise<boolean> {
    const written: unknown[] = await this.marks.query(
      `INSERT INTO attendance (session_id, delegate_id, status, reason, method, recorded_by, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (session_id, delegate_id) DO UPDATE
         SET status = EXCLUDED.status, reason = EXCLUDED.reason, method = EXCLUDED.method,
             recorded_by = EXCLUDED.recorded_by, at = EXCLUDED.at, updated_at = now()
         WHERE $8 OR attendance.status <> 'present'
       RETURNING id`,
      [sessionId, delegateId, status, reason, method, recordedBy, this.clock.now(), overwrite],
    );
    return written.length > 0;
  }

  private async openSession(sessionId: string): Promise<CongressSession> {
    const session = await this.sessions.get(sessionId);
    if (!CHECK_IN_OPEN.has(session.status))
      throw new AttendanceException(AttendanceErrorCode.NotOpen, { status: session.status });
    return session;
  }

  /** Who may follow a session live: its term's serving seats, and staff and secretaries. */
  async mayJoin(sessionId: string, auth: AuthContext): Promise<boolean> {
    return (await this.following(sessionId, auth)) !== 'none';
  }

  /** Whether an account follows a session (`mayFollow`) and watches it too (`mayWatch`). */
  async following(sessionId: string, auth: AuthContext): Promise<Following> {
    if (mayWatch(auth, null)) return 'watch'; // staff and secretaries: no seat to read
    const session = await this.sessions.get(sessionId);
    const seat = await this.seats.seatOf(session.termId, auth.userId);
    if (!mayFollow(auth, seat)) return 'none';
    return mayWatch(auth, seat) ? 'watch' : 'hall';
  }
}
