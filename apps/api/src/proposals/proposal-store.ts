import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, IsNull, Repository } from 'typeorm';
import { AccountsService } from '../auth/accounts.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../common/clock.js';
import type { NotificationData, NotificationKind } from '../common/contracts.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { Delegate } from '../roster/delegate.entity.js';
import { SeatsService } from '../roster/seats.service.js';
import { Role } from '../users/role.enum.js';
import { Proposal } from './proposal.entity.js';
import { ProposalCosignature } from './proposal-cosignature.entity.js';
import { ProposalEvent } from './proposal-event.entity.js';
import { ProposalFollow } from './proposal-follow.entity.js';
import { assertMove, type ProposalStatus } from './proposal-status.js';
import { ProposalErrorCode, ProposalsException } from './proposals.exception.js';

/** Queues inbox notifications inside a transaction; they are pushed once it has committed. */
export interface Notifier {
  notify<K extends NotificationKind>(
    userIds: string[],
    kind: K,
    title: string,
    data: NotificationData[K],
  ): Promise<void>;
}

/**
 * What every proposal use case needs: transactions with notifications after commit, the row
 * lock that serialises changes to one proposal, status moves with their history, and who is
 * who (seats, participants, department users).
 */
@Injectable()
export class ProposalStore {
  constructor(
    @InjectRepository(Proposal) private readonly proposals: Repository<Proposal>,
    private readonly notifications: NotificationsService,
    private readonly seats: SeatsService,
    private readonly accounts: AccountsService,
    private readonly clock: Clock,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  /**
   * Every proposal use case runs in one of these. Other modules' methods called with `m` (seats,
   * accounts, departments, sessions, the inbox) read and write their own tables in it.
   */
  async transaction<T>(work: (m: EntityManager, notifier: Notifier) => Promise<T>): Promise<T> {
    const pushes: (() => void)[] = [];
    const result = await this.proposals.manager.transaction((m) =>
      work(m, {
        notify: async (userIds, kind, title, data) => {
          pushes.push(await this.notifications.notify(userIds, kind, title, data, m));
        },
      }),
    );
    pushes.forEach((push) => push());
    return result;
  }

  async get(id: string, manager: EntityManager = this.proposals.manager): Promise<Proposal> {
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

  /** Only a serving voting delegate of the proposal's term tables and co-signs. */
  async requireServingSeat(m: EntityManager, auth: AuthContext, termId: string) {
    const seat = await this.seats.votingSeat(termId, auth.userId, m);
    if (!seat) throw new ProposalsException(ProposalErrorCode.NotServingDelegate);
    return seat;
  }

  /** The proposer's seat (it may have lost its status since). */
  async proposerSeat(m: EntityManager, p: Proposal): Promise<Delegate> {
    const seat = await this.seats.seat(p.proposerDelegateId, m);
    if (!seat) throw new ProposalsException(ProposalErrorCode.NotFound);
    return seat;
  }

  /** Refuses anyone but the proposer (by the account behind the proposer's seat). */
  async requireProposer(m: EntityManager, p: Proposal, auth: AuthContext): Promise<Delegate> {
    const proposer = await this.proposerSeat(m, p);
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
    const delegates = await this.seats.byIds(delegateIds, m);
    return delegates.flatMap((d) => (d.userId ? [d.userId] : []));
  }

  /**
   * The accounts that follow the proposal (关注) and are not among `told` (its participants,
   * who hear of it anyway). Followers of a proposal merged into it follow the one that carries
   * its matter on.
   */
  async followers(m: EntityManager, proposalId: string, told: string[]): Promise<string[]> {
    const merged = await m.find(Proposal, {
      where: { mergedIntoId: proposalId },
      select: { id: true },
    });
    const follows = await m.findBy(ProposalFollow, {
      proposalId: In([proposalId, ...merged.map((p) => p.id)]),
    });
    return [...new Set(follows.map((f) => f.userId))].filter((u) => !told.includes(u));
  }

  /** Tells the followers who are not among `told`: “您关注的提案“…”<what>”. */
  async tellFollowers<K extends NotificationKind>(
    m: EntityManager,
    notifier: Notifier,
    p: Proposal,
    told: string[],
    kind: K,
    what: string,
    data: NotificationData[K],
  ): Promise<void> {
    const followers = await this.followers(m, p.id, told);
    await notifier.notify(followers, kind, `您关注的提案“${p.subject}”${what}`, data);
  }

  departmentUsers(m: EntityManager, departmentIds: string[]): Promise<string[]> {
    return this.accounts.departmentAccountIds(departmentIds, m);
  }

  /** The department of a department account (null for other roles). */
  async departmentOf(auth: AuthContext): Promise<string | null> {
    if (auth.role !== Role.Department) return null;
    const user = await this.accounts.find(auth.userId);
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
