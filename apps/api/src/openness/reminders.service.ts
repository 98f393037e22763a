import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Clock } from '../common/clock.js';
import { shanghaiDay } from '../common/time.js';
import { DepartmentsService } from '../departments/departments.service.js';
import { NotificationsService } from '../notifications/index.js';
import { remindersDue, type ReminderDue } from './plan-reminders.js';
import { PlanService } from './plan.service.js';
import { OpennessReminder } from './reminder.entity.js';

/**
 * 公开提醒: tells a plan line's responsible department that the line falls due or is late, through
 * its users' inboxes. Which line needs which reminder is the pure rule `remindersDue`; that each is
 * sent once is the unique (line, kind) row, inserted in the same transaction as the inbox entries,
 * so a second api process (or a second press of the button) inserts nothing and notifies nobody.
 */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger('OpennessReminders');

  constructor(
    @InjectRepository(OpennessReminder) private readonly reminders: Repository<OpennessReminder>,
    private readonly plan: PlanService,
    private readonly departments: DepartmentsService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  /** Sends what is due now; returns the reminders this call sent. */
  async send(): Promise<ReminderDue[]> {
    const now = this.clock.now();
    const year = Number(shanghaiDay(now).slice(0, 4));
    // Last year's lines too: December's line is late in January.
    const lines = [...(await this.plan.dashboard(year - 1)), ...(await this.plan.dashboard(year))];
    if (lines.length === 0) return [];
    const sent = await this.reminders.findBy({ planEntryId: In(lines.map((l) => l.entry.id)) });
    const due = remindersDue(
      lines.map((l) => ({
        id: l.entry.id,
        year: l.entry.year,
        month: l.entry.month,
        published: l.publishedAt !== null,
        sent: sent.filter((s) => s.planEntryId === l.entry.id).map((s) => s.kind),
      })),
      now,
    );
    const done: ReminderDue[] = [];
    for (const reminder of due) {
      const line = lines.find((l) => l.entry.id === reminder.planEntryId)!.entry;
      const users = await this.departments.users(line.departmentId);
      const push = await this.reminders.manager.transaction(async (m) => {
        const inserted = (await m
          .createQueryBuilder()
          .insert()
          .into(OpennessReminder)
          .values({ ...reminder, sentAt: now, recipients: users.length })
          .orIgnore()
          .returning(['id'])
          .execute()) as { raw: unknown[] };
        // Another process (or press) got there first: it sent this one.
        if (inserted.raw.length === 0) return null;
        return this.notifications.notify(
          users.map((u) => u.id),
          'openness.reminder',
          reminderTitle(reminder, line.title),
          { ...reminder, title: line.title },
          m,
        );
      });
      if (!push) continue;
      push();
      done.push(reminder);
      this.logger.log({ ...reminder, recipients: users.length }, 'openness reminder sent');
    }
    return done;
  }
}

const reminderTitle = (r: ReminderDue, title: string) =>
  r.kind === 'due_soon'
    ? `公开提醒：计划公开事项「${title}」将于 ${r.dueOn} 到期，请按时公开`
    : `逾期提醒：计划公开事项「${title}」应于 ${r.dueOn} 前公开，至今未公开`;
