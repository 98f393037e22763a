import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { SessionsService } from '../congress/sessions.service.js';
import { SeatsService } from '../roster/seats.service.js';
import { MinutesErrorCode, MinutesException } from './minutes.exception.js';
import { RecordAssembler } from './record-assembler.js';
import { SessionChair } from './session-chair.entity.js';

/** The presiding chairs (执行主席) of a session: serving presidium members, in order. */
@Injectable()
export class ChairsService {
  constructor(
    @InjectRepository(SessionChair) private readonly chairs: Repository<SessionChair>,
    private readonly sessions: SessionsService,
    private readonly seats: SeatsService,
    private readonly assembler: RecordAssembler,
  ) {}

  async list(sessionId: string) {
    await this.sessions.get(sessionId);
    return this.assembler.chairsOf(sessionId);
  }

  /** Replaces the session's chairs; each must be a serving presidium member of its term. */
  async set(sessionId: string, delegateIds: string[], title = '执行主席') {
    const session = await this.sessions.get(sessionId);
    for (const delegateId of delegateIds)
      if (!(await this.seats.presidiumMember(session.termId, { delegateId })))
        throw new MinutesException(MinutesErrorCode.NotPresidium, { delegateId });
    await this.chairs.manager.transaction(async (m) => {
      await m.delete(SessionChair, { sessionId });
      if (delegateIds.length === 0) return;
      await m.insert(
        SessionChair,
        delegateIds.map((delegateId, i) => ({ sessionId, delegateId, position: i + 1, title })),
      );
    });
    return this.assembler.chairsOf(sessionId);
  }
}
