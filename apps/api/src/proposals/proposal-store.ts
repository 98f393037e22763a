import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../common/clock.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { Delegate } from '../roster/delegate.entity.js';
import { DelegateStatus, RosterKind } from '../roster/roster.enums.js';
import { Role } from '../users/role.enum.js';
import { User } from '../users/user.entity.js';
import { Proposal } from './proposal.entity.js';
import { ProposalCosignature } from './proposal-cosignature.entity.js';
import { ProposalEvent } from './proposal-event.entity.js';
import { assertMove, type ProposalStatus } from './proposal-status.js';
import { ProposalErrorCode, ProposalsException } from './proposals.exception.js';

/** Queues inbox notifications inside a transaction; they are pushed once it has committed. */
export interface Notifier {
  notify(userIds: string[], kind: string, title: string, data: object): Promise<void>;
}

/**
 * What every proposal use case needs: transactions with notifications after commit, the row
 * lock that serialises changes to one proposal, status moves with their history, and who is
 * who (seats, participants, department users).
 */
@Injectable()
export class ProposalStore {
  constructor(
    @InjectDataSource() readonly db: DataSource,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  async transaction<T>(work: (m: EntityManager, notifier: Notifier) => Promise<T>): Promise<T> {
    const pushes: (() => void)[] = [];
    const result = await this.db.transaction((m) =>
      work(m, {
        notify: async (userIds, kind, title, data) => {
          pushes.push(await this.notifications.notify(userIds, kind, title, data, m));
        },
      }),
    );
    pushes.forEach((push) => push());
    return result;
  }

  async get(id: string, manager: EntityManager = this.db.manager): Promise<Proposal> {
    const p = await manager.findOneBy(Proposal, { id });
    if (!p) throw new ProposalsException(ProposalErrorCode.NotFound);
    return p;
  }

  /** Locks the proposal for the rest of the transaction: changes to one proposal queue here. */
  async lock(m: EntityManager, id: string): Promise<Proposal> {
    const p = await m.findOne(Proposal, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!p) throw new ProposalsException(ProposalErrorCode.NotFound);
    return p;
  }

  /** Moves the proposal (checked against TRANSITIONS) and records the event. */
  async move(
    m: EntityManager,
    p: Proposal,
    to: ProposalStatus,
    event: string,
    actorUserId: string | null,
    extra: { note?: string | null; data?: object } = {},
  ): Promise<Proposal> {
    const from = p.status;
    assertMove(from, to);
    p.status = to;
    const saved = await m.save(Proposal, p);
    await this.record(m, p.id, event, actorUserId, { ...extra, from, to });
    return saved;
  }

  async record(
    m: EntityManager,
    proposalId: string,
    event: string,
    actorUserId: string | null,
    extra: { from?: string; to?: string; note?: string | null; data?: object } = {},
  ): Promise<void> {
    await m.insert(ProposalEvent, {
      proposalId,
      event,
      fromStatus: extra.from ?? null,
      toStatus: extra.to ?? null,
      actorUserId,
      note: extra.note ?? null,
      data: extra.data ?? {},
      at: this.clock.now(),
    });
  }

  /** The caller's seat as a serving voting delegate of the term, if any. */
  servingSeat(m: EntityManager, userId: string, termId: string): Promise<Delegate | null> {
    return m.findOneBy(Delegate, {
      userId,
      termId,
      kind: RosterKind.Delegate,
      status: DelegateStatus.Serving,
    });
  }

  /** Only a serving delegate of the proposal's term tables and co-signs. */
  async requireServingSeat(m: EntityManager, auth: AuthContext, termId: string) {
    const seat = await this.servingSeat(m, auth.userId, termId);
    if (!seat) throw new ProposalsException(ProposalErrorCode.NotServingDelegate);
    return seat;
  }

  /** Refuses anyone but the proposer (by the account behind the proposer's seat). */
  async requireProposer(m: EntityManager, p: Proposal, auth: AuthContext): Promise<Delegate> {
    const proposer = await m.findOneByOrFail(Delegate, { id: p.proposerDelegateId });
    if (auth.role !== Role.Delegate || proposer.userId !== auth.userId)
      throw new ProposalsException(ProposalErrorCode.NotProposer);
    return proposer;
  }

  /**
   * The accounts to tell about a proposal: its proposer and live co-signers, and those of the
   * proposals merged into it (they follow the one that carries their matter on).
   */
  async participants(m: EntityManager, proposalId: string): Promise<string[]> {
    const merged = await m.find(Proposal, {
      where: { mergedIntoId: proposalId },
      select: { id: true },
    });
    const ids = [proposalId, ...merged.map((p) => p.id)];
    const proposals = await m.find(Proposal, { where: { id: In(ids) } });
    const signatures = await m.find(ProposalCosignature, {
      where: { proposalId: In(ids), withdrawnAt: IsNull() },
    });
    const delegateIds = [
      ...proposals.map((p) => p.proposerDelegateId),
      ...signatures.map((s) => s.delegateId),
    ];
    const delegates = delegateIds.length ? await m.findBy(Delegate, { id: In(delegateIds) }) : [];
    return delegates.flatMap((d) => (d.userId ? [d.userId] : []));
  }

  async departmentUsers(m: EntityManager, departmentIds: string[]): Promise<string[]> {
    if (departmentIds.length === 0) return [];
    const users = await m.findBy(User, {
      departmentId: In(departmentIds),
      role: Role.Department,
      disabled: false,
    });
    return users.map((u) => u.id);
  }

  /** The department of a department account (null for other roles). */
  async departmentOf(auth: AuthContext): Promise<string | null> {
    if (auth.role !== Role.Department) return null;
    const user = await this.db.getRepository(User).findOneBy({ id: auth.userId });
    return user?.departmentId ?? null;
  }
}

/** What a notification says about a proposal. */
export const notice = (p: Proposal) => ({
  proposalId: p.id,
  number: p.number,
  subject: p.subject,
  status: p.status,
});
