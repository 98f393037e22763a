import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PasswordService } from '../auth/password.service.js';
import { Role } from '../users/role.enum.js';
import { User } from '../users/user.entity.js';
import { UsersErrorCode, UsersException } from '../users/users.exception.js';
import { Department } from './department.entity.js';
import { DepartmentsErrorCode, DepartmentsException } from './departments.exception.js';
import type { CreateDepartmentUserDto } from './dto/department.dto.js';

@Injectable()
export class DepartmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly passwords: PasswordService,
  ) {}

  list(): Promise<Department[]> {
    return this.db.getRepository(Department).find({ order: { name: 'ASC' } });
  }

  async get(id: string): Promise<Department> {
    const d = await this.db.getRepository(Department).findOneBy({ id });
    if (!d) throw new DepartmentsException(DepartmentsErrorCode.NotFound);
    return d;
  }

  async create(name: string): Promise<Department> {
    const repo = this.db.getRepository(Department);
    if (await repo.existsBy({ name }))
      throw new DepartmentsException(DepartmentsErrorCode.NameTaken);
    return repo.save(repo.create({ name }));
  }

  users(departmentId: string): Promise<User[]> {
    return this.db
      .getRepository(User)
      .find({ where: { departmentId }, order: { username: 'ASC' } });
  }

  async createUser(departmentId: string, dto: CreateDepartmentUserDto): Promise<User> {
    await this.get(departmentId);
    const repo = this.db.getRepository(User);
    const username = dto.username.toLowerCase();
    if (await repo.existsBy({ username })) throw new UsersException(UsersErrorCode.UsernameTaken);
    return repo.save(
      repo.create({
        username,
        displayName: dto.displayName,
        role: Role.Department,
        departmentId,
        passwordHash: await this.passwords.hash(dto.password),
        mustChangePassword: true,
      }),
    );
  }
}
