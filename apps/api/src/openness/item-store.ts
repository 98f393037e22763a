import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { AccountsService } from '../auth/accounts.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Role } from '../users/role.enum.js';
import { OpennessItem } from './item.entity.js';
import { OpennessErrorCode, OpennessException } from './openness.exception.js';

/**
 * Items as the management side sees them: staff (for the leading group) see every item, a
 * department user only its own department's; anything else is "not found". The supervision group
 * (`supervisor`) reads every item, as staff do, and manages none.
 */
@Injectable()
export class ItemStore {
  constructor(
    @InjectRepository(OpennessItem) readonly items: Repository<OpennessItem>,
    private readonly accounts: AccountsService,
  ) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.items.manager.transaction(work);
  }

  async get(id: string, m: EntityManager = this.items.manager): Promise<OpennessItem> {
    const item = await m.findOneBy(OpennessItem, { id });
    if (!item) throw new OpennessException(OpennessErrorCode.ItemNotFound);
    return item;
  }

  /** The item, row-locked for a state change inside `m`'s transaction. */
  async lock(m: EntityManager, id: string): Promise<OpennessItem> {
    const item = await m.findOne(OpennessItem, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!item) throw new OpennessException(OpennessErrorCode.ItemNotFound);
    return item;
  }

  /** A department user's department (refused for one without). */
  async departmentOf(auth: AuthContext): Promise<string> {
    const user = await this.accounts.find(auth.userId);
    if (!user?.departmentId) throw new OpennessException(OpennessErrorCode.NoDepartment);
    return user.departmentId;
  }

  /** Staff may manage any item; a department user only its own (others are not found). */
  async assertManages(auth: AuthContext, item: OpennessItem): Promise<void> {
    if (!(await this.manages(auth, item)))
      throw new OpennessException(OpennessErrorCode.ItemNotFound);
  }

  async manages(auth: AuthContext, item: OpennessItem): Promise<boolean> {
    if (auth.role === Role.Staff) return true;
    if (auth.role !== Role.Department) return false;
    const user = await this.accounts.find(auth.userId);
    return !!user?.departmentId && user.departmentId === item.departmentId;
  }

  async managed(auth: AuthContext, id: string, m?: EntityManager): Promise<OpennessItem> {
    const item = await this.get(id, m);
    await this.assertManages(auth, item);
    return item;
  }

  /** Reads (never changes): what the caller manages, and every item for the supervision group. */
  async reads(auth: AuthContext, item: OpennessItem): Promise<boolean> {
    return auth.role === Role.Supervisor || this.manages(auth, item);
  }

  async readable(auth: AuthContext, id: string): Promise<OpennessItem> {
    const item = await this.get(id);
    if (!(await this.reads(auth, item)))
      throw new OpennessException(OpennessErrorCode.ItemNotFound);
    return item;
  }

  /** What the caller reads: every item for staff and the group, the department's for a department user. */
  async list(auth: AuthContext): Promise<OpennessItem[]> {
    const where =
      auth.role === Role.Staff || auth.role === Role.Supervisor
        ? {}
        : { departmentId: await this.departmentOf(auth) };
    return this.items.find({ where, order: { createdAt: 'DESC' } });
  }
}
