import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, Repository } from 'typeorm';
import { Role } from '../users/role.enum.js';
import { PasswordService } from './password.service.js';
import { User } from './user.entity.js';

export type AccountChanges = Partial<
  Pick<User, 'username' | 'displayName' | 'disabled' | 'passwordHash' | 'mustChangePassword'>
>;

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string | null;
  mustChangePassword: boolean;
  departmentId?: string | null;
}

/** A tablet account of a roster entry (delegate or attendee): its username is the employee number. */
export interface TabletAccount {
  username: string;
  displayName: string;
  role: Role.Delegate | Role.Attendee;
}

/**
 * Accounts (the `users` table) for the other modules: the administrator's screens, the roster's
 * tablet accounts, departments' accounts, names for histories. Methods that may run inside a
 * caller's transaction take its EntityManager last.
 */
@Injectable()
export class AccountsService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly passwords: PasswordService,
  ) {}

  find(id: string, m: EntityManager = this.users.manager): Promise<User | null> {
    return m.findOneBy(User, { id });
  }

  /** By the stored (lower-case) username. */
  findByUsername(username: string): Promise<User | null> {
    return this.users.findOneBy({ username });
  }

  byIds(ids: string[], m: EntityManager = this.users.manager): Promise<User[]> {
    return ids.length ? m.findBy(User, { id: In(ids) }) : Promise.resolve([]);
  }

  list(): Promise<User[]> {
    return this.users.find({ order: { role: 'ASC', username: 'ASC' } });
  }

  ofDepartment(departmentId: string): Promise<User[]> {
    return this.users.find({ where: { departmentId }, order: { username: 'ASC' } });
  }

  /** The live accounts answering for these departments (who is told about an assignment). */
  async departmentAccountIds(departmentIds: string[], m: EntityManager = this.users.manager) {
    if (departmentIds.length === 0) return [];
    const users = await m.findBy(User, {
      departmentId: In(departmentIds),
      role: Role.Department,
      disabled: false,
    });
    return users.map((u) => u.id);
  }

  hasRole(role: Role): Promise<boolean> {
    return this.users.existsBy({ role });
  }

  /**
   * An account with a password set by someone else (admin, staff): it must be changed at the
   * first log-in. Null when the username is taken.
   */
  async createWithPassword(
    account: Pick<NewAccount, 'username' | 'displayName' | 'role' | 'departmentId'>,
    password: string,
    m: EntityManager = this.users.manager,
  ): Promise<User | null> {
    if (await m.existsBy(User, { username: account.username })) return null;
    return m.save(
      m.create(User, {
        ...account,
        passwordHash: await this.passwords.hash(password),
        mustChangePassword: true,
      }),
    );
  }

  /** Creates the account unless its username exists (another process may race): true if created. */
  async createIfAbsent(account: NewAccount): Promise<boolean> {
    const inserted = await this.users
      .createQueryBuilder()
      .insert()
      .values(account)
      .orIgnore()
      .execute();
    return inserted.identifiers.length > 0 && !!inserted.identifiers[0];
  }

  async update(id: string, changes: AccountChanges, m: EntityManager = this.users.manager) {
    await m.update(User, { id }, changes);
  }

  /**
   * Creates or refreshes tablet accounts in one statement: a person seated again keeps the
   * account (re-enabled, renamed). A username held by a non-tablet account is left alone and
   * missing from the answer, which maps username → account id.
   */
  async ensureTabletAccounts(
    accounts: TabletAccount[],
    m: EntityManager = this.users.manager,
  ): Promise<Map<string, string>> {
    const rows: { id: string; username: string }[] = await m.query(
      `INSERT INTO users (username, display_name, role)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT (username) DO UPDATE
         SET display_name = EXCLUDED.display_name, role = EXCLUDED.role, disabled = false, updated_at = now()
         WHERE users.role = ANY($4::text[])
       RETURNING id, username`,
      [
        accounts.map((a) => a.username),
        accounts.map((a) => a.displayName),
        accounts.map((a) => a.role),
        [Role.Delegate, Role.Attendee],
      ],
    );
    return new Map(rows.map((r) => [r.username, r.id]));
  }
}
