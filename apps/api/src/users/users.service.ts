import { Injectable } from '@nestjs/common';
import { AccountsService } from '../auth/accounts.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import { PasswordService } from '../auth/password.service.js';
import { TokenService } from '../auth/token.service.js';
import type { CreateUserDto } from './dto/create-user.dto.js';
import type { UpdateUserDto } from './dto/update-user.dto.js';
import type { User } from '../auth/user.entity.js';
import { Role } from './role.enum.js';
import { UsersErrorCode, UsersException } from './users.exception.js';

/**
 * Accounts that hold a seat: nobody resets their password, since whoever knows the new one can
 * vote in the seat. Staff help a delegate who lost a tablet with a new log-in code instead.
 */
const SEAT_ROLES: readonly Role[] = [Role.Delegate, Role.Attendee];

@Injectable()
export class UsersService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
  ) {}

  list(): Promise<User[]> {
    return this.accounts.list();
  }

  async get(id: string): Promise<User> {
    const user = await this.accounts.find(id);
    if (!user) throw new UsersException(UsersErrorCode.NotFound);
    return user;
  }

  async create(dto: CreateUserDto): Promise<User> {
    const user = await this.accounts.createWithPassword(
      { username: dto.username.toLowerCase(), displayName: dto.displayName, role: dto.role },
      dto.password,
    );
    if (!user) throw new UsersException(UsersErrorCode.UsernameTaken);
    return user;
  }

  async update(actor: AuthContext, id: string, dto: UpdateUserDto): Promise<User> {
    const user = await this.get(id);
    if (dto.disabled === true && id === actor.userId)
      throw new UsersException(UsersErrorCode.CannotDisableSelf);
    if (dto.displayName !== undefined) user.displayName = dto.displayName;
    if (dto.disabled !== undefined) user.disabled = dto.disabled;
    await this.accounts.update(id, { displayName: user.displayName, disabled: user.disabled });
    if (user.disabled) await this.tokens.revokeAllForUser(user.id, 'account disabled');
    return user;
  }

  async resetPassword(id: string, password: string): Promise<User> {
    const user = await this.get(id);
    if (SEAT_ROLES.includes(user.role)) throw new UsersException(UsersErrorCode.SeatAccount);
    user.passwordHash = await this.passwords.hash(password);
    user.mustChangePassword = true;
    await this.accounts.update(id, { passwordHash: user.passwordHash, mustChangePassword: true });
    await this.tokens.revokeAllForUser(user.id, 'password reset');
    return user;
  }
}
