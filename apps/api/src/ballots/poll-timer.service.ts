import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../common/clock.js';
import { BallotsErrorCode, BallotsException } from './ballots.exception.js';
import { BallotsClose } from './close.service.js';
import { Poll } from './poll.entity.js';

/** How often the api looks for polls whose preset duration has ended. */
export const SWEEP_MS = 1_000;

/**
 * Closes polls at the end of their preset duration. A sweep (not one timer per poll) so that a
 * poll opened before a restart, or by another api process, is closed all the same; when two
 * processes reach the same poll, the close's `WHERE status = 'open'` lets one win and the other
 * gets POLL_NOT_OPEN, which is the expected outcome here.
 */
@Injectable()
export class PollTimer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PollTimer');
  private timer?: NodeJS.Timeout;
  private sweeping = false;

  constructor(
    @InjectRepository(Poll) private readonly polls: Repository<Poll>,
    private readonly closing: BallotsClose,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Closes every open poll whose time is up; returns their ids (tests call it directly). */
  async sweep(): Promise<string[]> {
    if (this.sweeping) return [];
    this.sweeping = true;
    const closed: string[] = [];
    try {
      const due: { id: string }[] = await this.polls.query(
        `SELECT id FROM polls WHERE status = 'open' AND closes_at <= $1 ORDER BY closes_at`,
        [this.clock.now()],
      );
      for (const { id } of due) {
        try {
          await this.closing.close(id, null);
          closed.push(id);
          this.logger.log({ pollId: id }, 'poll closed at the end of its preset duration');
        } catch (e) {
          if (e instanceof BallotsException && e.code === BallotsErrorCode.NotOpen) continue;
          this.logger.warn({ err: e, pollId: id }, 'closing a poll at its preset time failed');
        }
      }
    } catch (e) {
      // The database away (a restart): the next sweep tries again.
      this.logger.warn({ err: e }, 'looking for polls to close failed');
    } finally {
      this.sweeping = false;
    }
    return closed;
  }
}
