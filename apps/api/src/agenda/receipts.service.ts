import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../common/clock.js';
import { SessionsService } from '../congress/sessions.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { SeatsService } from '../roster/seats.service.js';
import { ReceiptMethod } from './agenda.enums.js';
import { AgendaErrorCode, AgendaException } from './agenda.exception.js';
import { AgendaDelivery } from './agenda-delivery.entity.js';
import { CirculationService } from './circulation.service.js';

/** 签收: each delegate's receipt of each circulated version, on the tablet or on paper. */
@Injectable()
export class ReceiptsService {
  constructor(
    @InjectRepository(AgendaDelivery) private readonly deliveries: Repository<AgendaDelivery>,
    private readonly seats: SeatsService,
    private readonly circulation: CirculationService,
    private readonly sessions: SessionsService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  /** The delegate confirms on the tablet. Signing again returns the first receipt unchanged. */
  async sign(versionId: string, auth: AuthContext): Promise<AgendaDelivery> {
    const delivery = await this.deliveries.findOneBy({ versionId, userId: auth.userId });
    if (!delivery) throw new AgendaException(AgendaErrorCode.NotDelivered);
    if (delivery.receiptAt) return delivery;
    await this.deliveries.update(
      { id: delivery.id, receiptAt: IsNull() },
      { receiptAt: this.clock.now(), receiptMethod: ReceiptMethod.Tablet },
    );
    return this.deliveries.findOneByOrFail({ id: delivery.id });
  }

  /** Staff enter a receipt signed on paper, with the date written on it. */
  async recordPaper(
    versionId: string,
    delegateId: string,
    signedOn: string,
    actor: AuthContext,
  ): Promise<AgendaDelivery> {
    const delivery = await this.deliveries.findOneBy({ versionId, delegateId });
    if (!delivery) throw new AgendaException(AgendaErrorCode.NotDelivered);
    if (delivery.receiptAt)
      throw new AgendaException(AgendaErrorCode.AlreadySigned, {
        receiptAt: delivery.receiptAt,
        method: delivery.receiptMethod,
      });
    await this.deliveries.update(
      { id: delivery.id, receiptAt: IsNull() },
      {
        receiptAt: this.clock.now(),
        receiptMethod: ReceiptMethod.Paper,
        paperSignedOn: signedOn,
        recordedBy: actor.userId,
      },
    );
    return this.deliveries.findOneByOrFail({ id: delivery.id });
  }

  /** Who has and has not signed a version (staff). */
  async list(versionId: string) {
    await this.circulation.version(versionId);
    const deliveries = await this.deliveries.find({ where: { versionId } });
    const delegates = await this.seats.byIds(deliveries.map((d) => d.delegateId));
    const byId = new Map(delegates.map((d) => [d.id, d]));
    return deliveries
      .map((delivery) => ({ delivery, delegate: byId.get(delivery.delegateId)! }))
      .sort(
        (a, b) =>
          Number(!!a.delivery.receiptAt) - Number(!!b.delivery.receiptAt) ||
          a.delegate.employeeNumber.localeCompare(b.delegate.employeeNumber),
      );
  }

  /** Reminds those who have not signed (all, or the chosen ones): inbox + socket. */
  async remind(versionId: string, delegateIds: string[] | undefined): Promise<number> {
    const version = await this.circulation.version(versionId);
    const session = await this.sessions.get(version.sessionId);
    const unsigned = await this.deliveries.findBy({
      versionId,
      receiptAt: IsNull(),
      ...(delegateIds ? { delegateId: In(delegateIds) } : {}),
    });
    const userIds = unsigned.map((d) => d.userId).filter((u): u is string => !!u);
    const push = await this.notifications.notify(
      userIds,
      'agenda.reminder',
      `请签收${session.name}议程（第 ${version.number} 版）`,
      { sessionId: session.id, versionId, number: version.number },
    );
    if (unsigned.length)
      await this.deliveries.update(
        { id: In(unsigned.map((d) => d.id)) },
        { lastRemindedAt: this.clock.now() },
      );
    push();
    return unsigned.length;
  }
}
