import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { SessionStatus } from '../congress/session-status.js';
import { SessionsService } from '../congress/sessions.service.js';
import { Attendance, AttendanceStatus } from './attendance.entity.js';

/**
 * Who is checked in, asked by modules that AttendanceService itself depends on: the roster
 * (a new log-in code for a seat checked in at a live session needs a second person). It needs
 * nothing from the roster, so the roster can ask it without a module cycle.
 */
@Injectable()
export class PresenceService {
  constructor(
    @InjectRepository(Attendance) private readonly marks: Repository<Attendance>,
    private readonly sessions: SessionsService,
  ) {}

  /** Which of these seats are checked in at a session of the term that is in progress. */
  async checkedInAtLiveSessions(termId: string, delegateIds: string[]): Promise<string[]> {
    if (delegateIds.length === 0) return [];
    const live = (await this.sessions.listForTerm(termId))
      .filter((s) => s.status === SessionStatus.InSession)
      .map((s) => s.id);
    if (live.length === 0) return [];
    const marks = await this.marks.find({
      select: { delegateId: true },
      where: {
        sessionId: In(live),
        delegateId: In(delegateIds),
        status: AttendanceStatus.Present,
      },
    });
    return [...new Set(marks.map((m) => m.delegateId))];
  }
}
