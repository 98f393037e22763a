import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, Repository } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../common/clock.js';
import type { CongressSession } from '../congress/congress-session.entity.js';
import { SessionStatus } from '../congress/session-status.js';
import { SessionsService } from '../congress/sessions.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { SeatsService } from '../roster/seats.service.js';
import { AgendaErrorCode, AgendaException } from './agenda.exception.js';
import { AgendaDelivery } from './agenda-delivery.entity.js';
import { AgendaItem } from './agenda-item.entity.js';
import { AgendaItemsService } from './agenda-items.service.js';
import {
  type AgendaSnapshot,
  itemContentHash,
  type SnapshotItem,
  versionHash,
} from './agenda-snapshot.js';
import { AgendaVersion } from './agenda-version.entity.js';
import { checkCirculation } from './circulation-rule.js';

const CIRCULABLE = new Set([SessionStatus.Preparing, SessionStatus.Circulated]);

/**
 * Circulating the agenda: freeze the working items into a numbered, hashed version, deliver it
 * to every serving delegate and attendee at once (inbox + socket), and hold it to the N-day rule.
 */
@Injectable()
export class CirculationService {
  constructor(
    @InjectRepository(AgendaVersion) private readonly agendaVersions: Repository<AgendaVersion>,
    @InjectRepository(AgendaDelivery) private readonly deliveries: Repository<AgendaDelivery>,
    private readonly sessions: SessionsService,
    private readonly seats: SeatsService,
    private readonly items: AgendaItemsService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async circulate(
    sessionId: string,
    lateReason: string | undefined,
    actor: AuthContext,
  ): Promise<AgendaVersion> {
    let push: () => void = () => undefined;
    // One transaction across modules: it is opened here, and every owner's method called with
    // `m` (the session's row lock and status, the roster's recipients, the inbox) does its own
    // reads and writes on it. No module touches another's tables; all commit or none.
    const version = await this.agendaVersions.manager.transaction(async (m) => {
      // One circulation at a time per session: the row lock orders concurrent attempts.
      const session = await this.sessions.lock(sessionId, m);
      if (!session) throw new AgendaException(AgendaErrorCode.VersionNotFound);
      if (!CIRCULABLE.has(session.status))
        throw new AgendaException(AgendaErrorCode.SessionClosed, { status: session.status });
      const working = await this.items.list(sessionId, m);
      if (working.length === 0) throw new AgendaException(AgendaErrorCode.NothingToCirculate);

      const previous = await m.findOne(AgendaVersion, {
        where: { sessionId },
        order: { number: 'DESC' },
      });
      const number = (previous?.number ?? 0) + 1;
      const now = this.clock.now();
      const before = new Map((previous?.snapshot.items ?? []).map((i) => [i.id, i]));
      const items: SnapshotItem[] = working.map(({ item, documents }) => {
        const content = {
          id: item.id,
          position: item.position,
          kind: item.kind,
          title: item.title,
          description: item.description,
          presenter: item.presenter,
          voteSpec: item.voteSpec,
          proposalIds: item.proposalIds,
          documents: documents.map((d) => ({
            id: d.id,
            filename: d.filename,
            contentType: d.contentType,
            size: d.size,
            sha256: d.sha256,
          })),
        };
        const contentHash = itemContentHash(content);
        const old = before.get(item.id);
        const changed = !old || old.contentHash !== contentHash;
        return {
          ...content,
          contentHash,
          changed,
          circulatedAt: changed ? now.toISOString() : old.circulatedAt,
        };
      });
      const removed = [...before.keys()].filter((id) => !items.some((i) => i.id === id));
      if (
        previous &&
        removed.length === 0 &&
        items.every((i, k) => !i.changed && previous.snapshot.items[k]?.id === i.id)
      ) {
        throw new AgendaException(AgendaErrorCode.NothingChanged);
      }

      const settings = await this.sessions.settingsOf(session);
      const rule = checkCirculation(now, session.startsAt, settings.circulationDays);
      if (!rule.onTime && !lateReason) {
        throw new AgendaException(AgendaErrorCode.CirculationLate, {
          daysBefore: rule.daysBefore,
          requiredDays: rule.requiredDays,
          lateByDays: rule.lateByDays,
          deadline: rule.deadline.toISOString(),
        });
      }

      const snapshot: AgendaSnapshot = { sessionId, number, items };
      const saved = await m.save(
        AgendaVersion,
        m.create(AgendaVersion, {
          sessionId,
          number,
          hash: versionHash(sessionId, number, items),
          snapshot,
          circulatedAt: now,
          circulatedBy: actor.userId,
          daysBefore: rule.daysBefore,
          requiredDays: rule.requiredDays,
          lateReason: rule.onTime ? null : lateReason!,
        }),
      );
      for (const i of items.filter((x) => x.changed)) {
        await m.update(
          AgendaItem,
          { id: i.id },
          { circulatedAt: now, circulatedInVersion: number },
        );
      }
      push = await this.deliver(m, session, saved, now);
      if (session.status === SessionStatus.Preparing)
        await this.sessions.setStatus(session, SessionStatus.Circulated, m, { by: actor.userId });
      return saved;
    });
    push();
    return version;
  }

  /** A delivery per serving delegate and attendee of the term, and their inbox notification. */
  private async deliver(
    m: EntityManager,
    session: CongressSession,
    version: AgendaVersion,
    now: Date,
  ) {
    const recipients = await this.seats.servingSeats(session.termId, m);
    if (recipients.length === 0) throw new AgendaException(AgendaErrorCode.NoRecipients);
    await m.insert(
      AgendaDelivery,
      recipients.map((d) => ({
        versionId: version.id,
        delegateId: d.id,
        userId: d.userId,
        deliveredAt: now,
      })),
    );
    const changed = version.snapshot.items.filter((i) => i.changed).length;
    return this.notifications.notify(
      recipients.map((d) => d.userId).filter((u): u is string => !!u),
      'agenda.circulated',
      version.number === 1
        ? `${session.name}议程已分发，请查阅并签收`
        : `${session.name}议程第 ${version.number} 版（${changed} 项变更），请查阅并签收`,
      { sessionId: session.id, versionId: version.id, number: version.number, hash: version.hash },
      m,
    );
  }

  versions(sessionId: string): Promise<AgendaVersion[]> {
    return this.agendaVersions.find({ where: { sessionId }, order: { number: 'ASC' } });
  }

  /** Per circulated version of the session: copies delivered and signed for (the minutes). */
  async receiptCounts(
    sessionId: string,
  ): Promise<Map<string, { recipients: number; receipts: number }>> {
    const rows: { version_id: string; recipients: number; receipts: number }[] =
      await this.deliveries.query(
        `SELECT d.version_id, count(*)::int AS recipients,
                count(d.receipt_at)::int AS receipts
           FROM agenda_deliveries d JOIN agenda_versions v ON v.id = d.version_id
          WHERE v.session_id = $1
          GROUP BY d.version_id`,
        [sessionId],
      );
    return new Map(rows.map((r) => [r.version_id, r]));
  }

  async version(id: string): Promise<AgendaVersion> {
    const v = await this.agendaVersions.findOneBy({ id });
    if (!v) throw new AgendaException(AgendaErrorCode.VersionNotFound);
    return v;
  }

  /** A session's circulated version by its number (a poll opens on what was circulated). */
  async versionNumbered(sessionId: string, number: number): Promise<AgendaVersion> {
    const v = await this.agendaVersions.findOneBy({ sessionId, number });
    if (!v) throw new AgendaException(AgendaErrorCode.VersionNotFound);
    return v;
  }

  /** Sessions with at least one circulated version: what the public board lists (厂务公开). */
  async circulatedSessionIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.agendaVersions
      .createQueryBuilder('v')
      .select('DISTINCT v.session_id', 'id')
      .getRawMany();
    return rows.map((r) => r.id);
  }

  latest(sessionId: string): Promise<AgendaVersion | null> {
    return this.agendaVersions.findOne({ where: { sessionId }, order: { number: 'DESC' } });
  }

  /** A delegate's own deliveries, newest first: the inbox a tablet shows after any reconnection. */
  async inbox(auth: AuthContext) {
    const deliveries = await this.deliveries.find({
      where: { userId: auth.userId },
      order: { deliveredAt: 'DESC' },
    });
    const versions = deliveries.length
      ? await this.agendaVersions.findBy({ id: In(deliveries.map((d) => d.versionId)) })
      : [];
    const byId = new Map(versions.map((v) => [v.id, v]));
    return deliveries.map((delivery) => ({ delivery, version: byId.get(delivery.versionId)! }));
  }
}
