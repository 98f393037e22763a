import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { PasswordService } from '../auth/password.service.js';
import { TokenService } from '../auth/token.service.js';
import type { CreateUserDto } from './dto/create-user.dto.js';
import type { UpdateUserDto } from './dto/update-user.dto.js';
import { User } from './user.entity.js';
import { UsersErrorCode, UsersException } from './users.exception.js';

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
  ) {}

  list(): Promise<User[]> {
    return this.db.getRepository(User).find({ order: { role: 'ASC', username: 'ASC' } });
  }

  async get(id: string): Promise<User> {
    const user = await this.db.getRepository(User).findOneBy({ id });
    if (!user) throw new UsersException(UsersErrorCode.NotFound);
    return user;
  }

  async create(dto: CreateUserDto): Promise<User> {
    const username = dto.username.toLowerCase();
    const repo = this.db.getRepository(User);
    if (await repo.existsBy({ username })) throw new UsersException(UsersErrorCode.UsernameTaken);
    return repo.save(
      repo.create({
        username,
        displayName: dto.displayName,
        role: dto.role,
        passwordHash: await this.passwords.hash(dto.password),
        mustChangePassword: true,
      }),
    );
  }

  async update(actor: AuthContext, id: string, dto: UpdateUserDto): Promise<User> {
    const user = await this.get(id);
    if (dto.disabled === true && id === actor.userId)
      throw new UsersException(UsersErrorCode.CannotDisableSelf);
    if (dto.displayName !== undefined) user.displayName = dto.displayName;
    if (dto.disabled !== undefined) user.disabled = dto.disabled;
    await this.db.getRepository(User).save(user);
    if (user.disabled) await this.tokens.revokeAllForUser(user.id, 'account disabled');
    return user;
  }

  async resetPassword(id: string, password: string): Promise<User> {
    const user = await this.get(id);
    user.passwordHash = await this.passwords.hash(password);
    user.mustChangePassword = true;
    await this.db.getRepository(User).save(user);
    await this.tokens.revokeAllForUser(user.id, 'password reset');
    return user;
  }
}
