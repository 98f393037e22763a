import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { isHeld, type Poll, PollsService } from '../ballots/index.js';
import { Clock } from '../common/clock.js';
import type { PollResult } from '../common/contracts.js';
import { OpennessErrorCode, OpennessException } from './openness.exception.js';
import { ineligible, satisfactionFigures, type SatisfactionFigures } from './satisfaction.js';
import { OpennessSatisfaction } from './satisfaction.entity.js';

export interface YearSatisfaction {
  year: number;
  poll: { id: string; title: string; closedAt: Date | null };
  figures: SatisfactionFigures;
  linkedAt: Date;
}

const facts = (p: Poll) => ({
  secret: p.secret,
  voteSpec: p.voteSpec,
  result: p.result as PollResult | null,
  held: isHeld(p),
});

/** 满意度测评: staff link a released secret evaluation among the delegates to a year. */
@Injectable()
export class SatisfactionService {
  constructor(
    @InjectRepository(OpennessSatisfaction)
    private readonly links: Repository<OpennessSatisfaction>,
    private readonly polls: PollsService,
    private readonly clock: Clock,
  ) {}

  /** Polls that can be linked now (counted, released, not void), newest first. */
  async candidates(): Promise<Poll[]> {
    return (await this.polls.satisfactionPolls()).filter((p) => ineligible(facts(p)) === null);
  }

  /** Links the poll to the year (replacing an earlier choice for that year). */
  async link(year: number, pollId: string, userId: string): Promise<YearSatisfaction> {
    // An unknown poll: the ballots module's own 404 (POLL_NOT_FOUND).
    const poll = await this.polls.get(pollId);
    const reason = ineligible(facts(poll));
    if (reason) throw new OpennessException(OpennessErrorCode.PollNotEligible, { reason });
    const taken = await this.links.findOneBy({ pollId });
    if (taken && taken.year !== year)
      throw new OpennessException(OpennessErrorCode.PollNotEligible, {
        reason: `该表决已是 ${taken.year} 年度的满意度测评`,
      });
    await this.links.save({ year, pollId, linkedAt: this.clock.now(), linkedBy: userId });
    return (await this.ofYear(year))!;
  }

  async ofYear(year: number): Promise<YearSatisfaction | null> {
    const link = await this.links.findOneBy({ year });
    return link ? this.present(link) : null;
  }

  /** Every year with its result, newest first (the board publishes them). */
  async all(): Promise<YearSatisfaction[]> {
    const links = await this.links.find({ order: { year: 'DESC' } });
    return Promise.all(links.map((l) => this.present(l)));
  }

  private async present(link: OpennessSatisfaction): Promise<YearSatisfaction> {
    const poll = await this.polls.get(link.pollId);
    return {
      year: link.year,
      poll: { id: poll.id, title: poll.title, closedAt: poll.closedAt },
      figures: satisfactionFigures(poll.result as PollResult),
      linkedAt: link.linkedAt,
    };
  }
}
