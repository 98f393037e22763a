import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { AccountsService } from '../auth/accounts.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../common/clock.js';
import type { FieldError } from '../common/errors/app.exception.js';
import { TermsService } from '../congress/terms.service.js';
import { RealtimeService } from '../realtime/index.js';
import { tabletAccount, usernameFor } from './delegate-accounts.js';
import { Delegate } from './delegate.entity.js';
import { DelegateChange } from './delegate-change.entity.js';
import { DelegateStatusChange } from './delegate-status-change.entity.js';
import { DelegationGroup } from './delegation-group.entity.js';
import type {
  ByElectionDto,
  CreateDelegateDto,
  ListDelegatesQuery,
  UpdateDelegateDto,
} from './dto/delegate.dto.js';
import { COMPARED_FIELDS, fieldChanges } from './import/index.js';
import { rosterSeat } from './roster-seat.js';
import { RosterErrorCode, RosterException } from './roster.exception.js';
import { DelegateStatus, RosterKind } from './roster.enums.js';
import { SeatChangesService } from './seat-changes.service.js';
import { watchesAsSeat } from './seat-rules.js';

export interface DelegateWithUsername {
  delegate: Delegate;
  username: string | null;
}

@Injectable()
export class DelegatesService {
  constructor(
    @InjectRepository(Delegate) private readonly delegates: Repository<Delegate>,
    @InjectRepository(DelegateStatusChange)
    private readonly statusChanges: Repository<DelegateStatusChange>,
    @InjectRepository(DelegateChange) private readonly fieldChanges: Repository<DelegateChange>,
    private readonly accounts: AccountsService,
    private readonly terms: TermsService,
    private readonly seatChanges: SeatChangesService,
    private readonly realtime: RealtimeService,
    private readonly clock: Clock,
  ) {}

  async list(termId: string, q: ListDelegatesQuery): Promise<DelegateWithUsername[]> {
    await this.terms.get(termId);
    const delegates = await this.delegates.find({
      where: {
        termId,
        ...(q.status ? { status: q.status } : {}),
        ...(q.kind ? { kind: q.kind } : {}),
        ...(q.groupId ? { groupId: q.groupId } : {}),
      },
      order: { employeeNumber: 'ASC' },
    });
    const accounts = await this.accounts.byIds([
      ...new Set(delegates.flatMap((d) => (d.userId ? [d.userId] : []))),
    ]);
    const usernames = new Map(accounts.map((u) => [u.id, u.username]));
    return delegates.map((delegate) => ({
      delegate,
      username: delegate.userId ? (usernames.get(delegate.userId) ?? null) : null,
    }));
  }

  async get(id: string, manager: EntityManager = this.delegates.manager): Promise<Delegate> {
    const delegate = await manager.findOneBy(Delegate, { id });
    if (!delegate) throw new RosterException(RosterErrorCode.DelegateNotFound);
    return delegate;
  }

  /** The caller's own seats (a delegate or attendee on a tablet). */
  mine(auth: AuthContext): Promise<Delegate[]> {
    return this.delegates.find({ where: { userId: auth.userId }, order: { createdAt: 'DESC' } });
  }

  history(delegateId: string): Promise<DelegateStatusChange[]> {
    return this.statusChanges.find({ where: { delegateId }, order: { id: 'ASC' } });
  }

  /** The changes of a seat's fields, oldest first. */
  changes(delegateId: string): Promise<DelegateChange[]> {
    return this.fieldChanges.find({ where: { delegateId }, order: { id: 'ASC' } });
  }

  async create(termId: string, dto: CreateDelegateDto, actor: AuthContext): Promise<Delegate> {
    await this.terms.get(termId);
    return this.delegates.manager.transaction((m) =>
      this.seat(m, termId, dto, actor, '当选', null),
    );
  }

  /** Field corrections by staff; what changed is kept in the seat's change history. */
  async update(id: string, dto: UpdateDelegateDto, actor: AuthContext): Promise<Delegate> {
    let watched = false;
    const saved = await this.delegates.manager.transaction(async (m) => {
      const delegate = await this.get(id, m);
      watched = watchesAsSeat(delegate);
      const next = { ...delegate, ...dto } as Delegate;
      await this.check(m, delegate.termId, next, delegate.id);
      const groups = new Map(
        (await m.findBy(DelegationGroup, { termId: delegate.termId })).map((g) => [g.id, g.name]),
      );
      const changes = fieldChanges(rosterSeat(delegate, groups), rosterSeat(next, groups), [
        'employeeNumber',
        ...COMPARED_FIELDS,
      ]);
      Object.assign(delegate, dto);
      const saved = await m.save(Delegate, delegate);
      await this.seatChanges.recordFields(m, delegate.id, changes, '工作人员更正', actor);
      if (delegate.userId && (dto.name !== undefined || dto.employeeNumber !== undefined)) {
        await this.accounts.update(
          delegate.userId,
          { displayName: delegate.name, username: usernameFor(delegate.employeeNumber) },
          m,
        );
      }
      return saved;
    });
    // Out of the presidium (or no longer a voting delegate): the screens stop getting the turnout.
    if (watched && !watchesAsSeat(saved) && saved.userId)
      await this.realtime.stopWatching([saved.userId]);
    return saved;
  }

  /** Recall (罢免) or leaving (离职): log-in and vote end at once; history is kept. */
  async changeStatus(
    id: string,
    to: DelegateStatus,
    reason: string,
    actor: AuthContext,
  ): Promise<Delegate> {
    const delegate = await this.delegates.manager.transaction(async (m) => {
      const d = await this.lockServing(m, id);
      return this.seatChanges.endSeat(m, d, to, reason, actor);
    });
    await this.seatChanges.closeSessions(delegate);
    return delegate;
  }

  /** 补选: a new seat holder, optionally replacing one whose seat is vacated. */
  async byElection(termId: string, dto: ByElectionDto, actor: AuthContext): Promise<Delegate> {
    await this.terms.get(termId);
    const { replacesDelegateId, reason, ...fields } = dto;
    let replaced: Delegate | null = null;
    const elected = await this.delegates.manager.transaction(async (m) => {
      if (replacesDelegateId) {
        const old = await this.get(replacesDelegateId, m);
        if (old.termId !== termId) throw new RosterException(RosterErrorCode.DelegateNotFound);
        if (old.status === DelegateStatus.Serving) {
          replaced = await this.seatChanges.endSeat(
            m,
            await this.lockServing(m, old.id),
            DelegateStatus.Replaced,
            reason,
            actor,
          );
        }
      }
      return this.seat(
        m,
        termId,
        fields as CreateDelegateDto,
        actor,
        `补选：${reason}`,
        replacesDelegateId ?? null,
      );
    });
    if (replaced) await this.seatChanges.closeSessions(replaced);
    return elected;
  }

  private async seat(
    m: EntityManager,
    termId: string,
    dto: CreateDelegateDto,
    actor: AuthContext,
    reason: string,
    replacesDelegateId: string | null,
  ): Promise<Delegate> {
    const fields = {
      kind: dto.kind ?? RosterKind.Delegate,
      name: dto.name.trim(),
      employeeNumber: dto.employeeNumber,
      gender: dto.gender,
      groupId: dto.groupId ?? null,
      unit: dto.unit ?? null,
      category: dto.category ?? null,
      dispatched: dto.dispatched ?? false,
      presidium: dto.presidium ?? false,
      teller: dto.teller ?? false,
      phone: dto.phone ?? null,
      note: dto.note ?? null,
    };
    await this.check(m, termId, fields);
    const account = tabletAccount(fields);
    const userId = (await this.accounts.ensureTabletAccounts([account], m)).get(account.username);
    if (!userId)
      throw new RosterException(RosterErrorCode.UsernameTaken, { username: account.username });
    const now = this.clock.now();
    const delegate = await m.save(
      Delegate,
      m.create(Delegate, {
        ...fields,
        termId,
        status: DelegateStatus.Serving,
        statusChangedAt: now,
        replacesDelegateId,
        userId,
      }),
    );
    await m.insert(DelegateStatusChange, {
      delegateId: delegate.id,
      fromStatus: null,
      toStatus: DelegateStatus.Serving,
      reason,
      recordedBy: actor.userId,
    });
    return delegate;
  }

  private async lockServing(m: EntityManager, id: string): Promise<Delegate> {
    const d = await m.findOne(Delegate, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!d) throw new RosterException(RosterErrorCode.DelegateNotFound);
    if (d.status !== DelegateStatus.Serving)
      throw new RosterException(RosterErrorCode.NotServing, { status: d.status });
    return d;
  }

  /** Field rules that span fields or the database; every problem is named. */
  private async check(
    m: EntityManager,
    termId: string,
    d: Partial<Delegate>,
    selfId?: string,
  ): Promise<void> {
    const problems: FieldError[] = [];
    if (d.kind === RosterKind.Delegate) {
      if (!d.groupId) problems.push({ field: 'groupId', errors: ['正式代表须属于一个代表团'] });
      if (!d.category) problems.push({ field: 'category', errors: ['正式代表须有代表类别'] });
    } else {
      if (d.presidium)
        problems.push({ field: 'presidium', errors: ['列席人员不能担任主席团成员'] });
      if (d.teller) problems.push({ field: 'teller', errors: ['列席人员不能担任监票人'] });
    }
    if (problems.length) throw new RosterException(RosterErrorCode.InvalidDelegate, problems);
    if (d.groupId && !(await m.existsBy(DelegationGroup, { id: d.groupId, termId }))) {
      throw new RosterException(RosterErrorCode.GroupNotFound, [
        { field: 'groupId', errors: ['本届没有这个代表团'] },
      ]);
    }
    const clash = await m
      .createQueryBuilder(Delegate, 'd')
      .where('d.term_id = :termId AND lower(d.employee_number) = lower(:n)', {
        termId,
        n: d.employeeNumber,
      })
      .andWhere(selfId ? 'd.id <> :selfId' : 'true', { selfId })
      .getExists();
    if (clash)
      throw new RosterException(RosterErrorCode.EmployeeNumberTaken, [
        { field: 'employeeNumber', errors: ['该工号已在本届名册中'] },
      ]);
  }
}
