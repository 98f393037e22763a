import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { RemindersService } from './reminders.service.js';

/** How often the api looks for plan lines to remind of: the rule works by the day. */
export const REMINDER_SWEEP_MS = 60 * 60 * 1000;

/**
 * Sends the plan reminders at start-up and then every hour. Several api processes may all do it:
 * the reminders' unique row lets one send each reminder (RemindersService).
 */
@Injectable()
export class RemindersTimer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OpennessReminders');
  private timer?: NodeJS.Timeout;
  private sweeping = false;

  constructor(private readonly reminders: RemindersService) {}

  onApplicationBootstrap(): void {
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), REMINDER_SWEEP_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async sweep(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      await this.reminders.send();
    } catch (e) {
      // The database away (a restart): the next sweep tries again; nothing was half sent.
      this.logger.warn({ err: e }, 'sending openness reminders failed');
    } finally {
      this.sweeping = false;
    }
  }
}
