import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AGENDA_KIND_LABELS, AgendaItemsService, VOTED_KINDS } from '../agenda/index.js';
import { AttendanceService, sessionRoom } from '../attendance/attendance.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../common/clock.js';
import type { AttendanceSummary, PollView } from '../common/contracts.js';
import { SessionsService } from '../congress/sessions.service.js';
import { RealtimeService } from '../realtime/realtime.service.js';
import { SeatsService } from '../roster/seats.service.js';
import { Role } from '../users/role.enum.js';
import { BallotsErrorCode, BallotsException } from './ballots.exception.js';
import { Poll } from './poll.entity.js';
import { isHeld, pollView } from './poll-view.js';

/** What the presidium's screen shows the chair (GB 50799 §6.2: not what the hall display shows). */
export interface PresidiumView {
  attendance: AttendanceSummary;
  /** Every poll of the session, held results included (with `resultHeld` set). */
  polls: PollView[];
  /** The votable agenda items in order, each with how many polls it had. */
  items: { id: string; position: number; title: string; kindLabel: string; polls: number }[];
  /** The first votable item not yet put to a poll, if any. */
  nextItemId: string | null;
}

/**
 * Held results (GB 50799 §6.2 "shown at once or held until the chair releases it"): who may see
 * and release them — staff, or a presidium member of the session's term on their own account —
 * and the release, which broadcasts the result to the session like an immediate one.
 */
@Injectable()
export class ResultRelease {
  constructor(
    @InjectRepository(Poll) private readonly polls: Repository<Poll>,
    private readonly sessions: SessionsService,
    private readonly seats: SeatsService,
    private readonly attendance: AttendanceService,
    private readonly items: AgendaItemsService,
    private readonly realtime: RealtimeService,
    private readonly clock: Clock,
  ) {}

  /** Staff, or a serving presidium member of the session's term. */
  async isChair(sessionId: string, auth: AuthContext): Promise<boolean> {
    if (auth.role === Role.Staff) return true;
    if (auth.role !== Role.Delegate) return false;
    const session = await this.sessions.get(sessionId);
    return !!(await this.seats.presidiumMember(session.termId, { userId: auth.userId }));
  }

  async release(pollId: string, auth: AuthContext): Promise<Poll> {
    const poll = await this.polls.findOneBy({ id: pollId });
    if (!poll) throw new BallotsException(BallotsErrorCode.PollNotFound);
    if (!(await this.isChair(poll.sessionId, auth)))
      throw new BallotsException(BallotsErrorCode.NotPresidium);
    if (poll.resultRelease !== 'held') throw new BallotsException(BallotsErrorCode.NotHeld);
    if (!poll.result) throw new BallotsException(BallotsErrorCode.NotDecided);
    if (!isHeld(poll)) return poll; // released already: releasing again changes nothing
    const done: unknown[] = (
      await this.polls.query(
        `UPDATE polls SET released_at = $2, released_by = $3
          WHERE id = $1 AND released_at IS NULL AND result IS NOT NULL RETURNING id`,
        [pollId, this.clock.now(), auth.userId],
      )
    )[0] as unknown[];
    const released = await this.polls.findOneByOrFail({ id: pollId });
    if (done.length > 0)
      this.realtime.toRoomAfterAnswer(
        sessionRoom(poll.sessionId),
        'poll:result',
        pollView(released),
      );
    return released;
  }

  async presidiumView(sessionId: string, auth: AuthContext): Promise<PresidiumView> {
    if (!(await this.isChair(sessionId, auth)))
      throw new BallotsException(BallotsErrorCode.NotPresidium);
    const [attendance, polls, agenda] = await Promise.all([
      this.attendance.summary(sessionId),
      this.polls.find({ where: { sessionId }, order: { openedAt: 'ASC' } }),
      this.items.list(sessionId),
    ]);
    const items = agenda
      .map(({ item }) => item)
      .filter((i) => VOTED_KINDS.has(i.kind))
      .map((i) => ({
        id: i.id,
        position: i.position,
        title: i.title,
        kindLabel: AGENDA_KIND_LABELS[i.kind],
        polls: polls.filter((p) => p.itemId === i.id).length,
      }));
    return {
      attendance,
      polls: polls.map((p) => pollView(p, true)),
      items,
      nextItemId: items.find((i) => i.polls === 0)?.id ?? null,
    };
  }
}
