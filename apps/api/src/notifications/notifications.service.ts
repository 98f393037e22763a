import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, IsNull, Repository } from 'typeorm';
import { Clock } from '../common/clock.js';
import type {
  NotificationData,
  NotificationKind,
  NotificationPayload,
} from '../common/contracts.js';
import { RealtimeService } from '../realtime/realtime.service.js';
import { NotificationsErrorCode, NotificationsException } from './notifications.exception.js';
import { Notification } from './notification.entity.js';

export type { NotificationPayload };

/** A stored entry as the client sees it; `kind` and `data` were written by `notify` as typed. */
export const toPayload = (n: Notification): NotificationPayload =>
  ({
    id: n.id,
    kind: n.kind,
    title: n.title,
    data: n.data,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  }) as NotificationPayload;

@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    private readonly realtime: RealtimeService,
    private readonly clock: Clock,
  ) {}

  /**
   * Stores one inbox entry per user (inside the caller's transaction when given) and returns a
   * function that pushes them as `notification` socket events: call it after the commit.
   */
  async notify<K extends NotificationKind>(
    userIds: string[],
    kind: K,
    title: string,
    data: NotificationData[K],
    manager: EntityManager = this.notifications.manager,
  ): Promise<() => void> {
    const unique = [...new Set(userIds)];
    if (unique.length === 0) return () => undefined;
    const rows = (await manager
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values(unique.map((userId) => ({ userId, kind, title, data })))
      .returning('*')
      .execute()) as { raw: { id: string; user_id: string; created_at: Date }[] };
    return () => {
      for (const r of rows.raw) {
        this.realtime.toUsers([r.user_id], 'notification', {
          id: String(r.id),
          kind,
          title,
          data,
          createdAt: new Date(r.created_at).toISOString(),
          readAt: null,
        } as NotificationPayload);
      }
    };
  }

  /** Unread first, then the latest read ones. */
  inbox(userId: string, limit = 100): Promise<Notification[]> {
    return this.notifications
      .createQueryBuilder('n')
      .where('n.user_id = :userId', { userId })
      .orderBy('n.read_at IS NULL', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .take(limit)
      .getMany();
  }

  async markRead(userId: string, ids: string[]): Promise<void> {
    const mine = await this.notifications.countBy({ id: In(ids), userId });
    if (mine !== ids.length) throw new NotificationsException(NotificationsErrorCode.NotFound);
    await this.notifications.update(
      { id: In(ids), userId, readAt: IsNull() },
      { readAt: this.clock.now() },
    );
  }
}
