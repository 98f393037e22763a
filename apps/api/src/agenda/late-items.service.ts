import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { SessionsService } from '../congress/sessions.service.js';
import { SeatsService } from '../roster/seats.service.js';
import { Role } from '../users/role.enum.js';
import { AgendaErrorCode, AgendaException } from './agenda.exception.js';
import type { AgendaItem } from './agenda-item.entity.js';
import { AgendaItemsService } from './agenda-items.service.js';
import { checkCirculation } from './circulation-rule.js';
import { LateItemApproval } from './late-item-approval.entity.js';

export interface Votability {
  votable: boolean;
  /** `not_voted_kind`, `not_circulated`, `on_time`, `late_approved`, `late_not_approved` */
  reason: string;
  daysBefore: number | null;
  requiredDays: number;
  approval: LateItemApproval | null;
}

/** Whether an item may be put to a vote under the N-day rule, and the presidium's late approvals. */
@Injectable()
export class LateItemsService {
  constructor(
    @InjectRepository(LateItemApproval) private readonly approvals: Repository<LateItemApproval>,
    private readonly seats: SeatsService,
    private readonly items: AgendaItemsService,
    private readonly sessions: SessionsService,
  ) {}

  async votability(item: AgendaItem): Promise<Votability> {
    const session = await this.sessions.get(item.sessionId);
    const { circulationDays } = await this.sessions.settingsOf(session);
    const base = { requiredDays: circulationDays, approval: null, daysBefore: null };
    if (!item.voteSpec) return { ...base, votable: false, reason: 'not_voted_kind' };
    if (!item.circulatedAt || item.circulatedInVersion === null)
      return { ...base, votable: false, reason: 'not_circulated' };
    const rule = checkCirculation(item.circulatedAt, session.startsAt, circulationDays);
    if (rule.onTime)
      return { ...base, daysBefore: rule.daysBefore, votable: true, reason: 'on_time' };
    const approval = await this.approvals.findOneBy({
      itemId: item.id,
      version: item.circulatedInVersion,
    });
    return {
      ...base,
      daysBefore: rule.daysBefore,
      approval,
      votable: !!approval,
      reason: approval ? 'late_approved' : 'late_not_approved',
    };
  }

  /**
   * The presidium lets a late item be voted: a presidium member on their tablet, or staff
   * recording the presidium's decision and naming the member. The reason goes into the minutes.
   */
  async approve(
    itemId: string,
    reason: string,
    presidiumDelegateId: string | undefined,
    auth: AuthContext,
  ) {
    const item = await this.items.get(itemId);
    const session = await this.sessions.get(item.sessionId);
    const status = await this.votability(item);
    if (status.reason === 'not_circulated')
      throw new AgendaException(AgendaErrorCode.NotCirculated);
    if (status.reason !== 'late_not_approved')
      throw new AgendaException(AgendaErrorCode.NotLate, { reason: status.reason });
    const presidium = await this.seats.presidiumMember(
      session.termId,
      auth.role === Role.Staff ? { delegateId: presidiumDelegateId } : { userId: auth.userId },
    );
    if (!presidium) throw new AgendaException(AgendaErrorCode.NotPresidium);
    return this.approvals.save(
      this.approvals.create({
        itemId,
        version: item.circulatedInVersion!,
        presidiumDelegateId: presidium.id,
        reason,
        recordedBy: auth.userId,
      }),
    );
  }
}
