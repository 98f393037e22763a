import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { AgendaItemsService } from '../agenda/index.js';
import { BallotsErrorCode, BallotsException } from './ballots.exception.js';
import { BallotsClose } from './close.service.js';
import { Poll } from './poll.entity.js';
import { PollsService } from './polls.service.js';
import { ResultRelease } from './release.service.js';

/**
 * GB 50799 §6.2 "started by the chair or the operator, closed by the chair": the presidium's
 * screen starts a poll on the next votable item and closes the open one. Who may: the one check
 * of `ResultRelease.isChair` (staff, or a serving presidium member of the session's term). The
 * poll is opened with the defaults (secret, the tellers' key — refused with POLL_NO_TELLERS_KEY
 * when it is not ready, never custodian —, first press counts, result shown at once, no preset
 * duration); the operator's console is where the other choices are made.
 */
@Injectable()
export class ChairPolls {
  constructor(
    @InjectRepository(Poll) private readonly pollRows: Repository<Poll>,
    private readonly chair: ResultRelease,
    private readonly polls: PollsService,
    private readonly closing: BallotsClose,
    private readonly items: AgendaItemsService,
  ) {}

  /** `itemId` is the item the chair saw as next: starting a different one is refused. */
  async start(sessionId: string, itemId: string, auth: AuthContext): Promise<Poll> {
    if (!(await this.chair.isChair(sessionId, auth)))
      throw new BallotsException(BallotsErrorCode.NotPresidium);
    const item = await this.items.get(itemId);
    const { nextItemId } = await this.chair.presidiumView(sessionId, auth);
    if (item.sessionId !== sessionId || item.id !== nextItemId)
      throw new BallotsException(BallotsErrorCode.ItemNotVotable, {
        reason: '不是本次会议下一项待表决的议程',
      });
    return this.polls.open(item.id, true, auth);
  }

  async close(pollId: string, auth: AuthContext): Promise<Poll> {
    const poll = await this.pollRows.findOneBy({ id: pollId });
    if (!poll) throw new BallotsException(BallotsErrorCode.PollNotFound);
    if (!(await this.chair.isChair(poll.sessionId, auth)))
      throw new BallotsException(BallotsErrorCode.NotPresidium);
    return this.closing.close(pollId, auth);
  }
}
