import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, Repository } from 'typeorm';
import { AccountsService } from '../auth/accounts.service.js';
import type { User } from '../auth/user.entity.js';
import { Role } from '../users/role.enum.js';
import { UsersErrorCode, UsersException } from '../users/users.exception.js';
import { Department } from './department.entity.js';
import { DepartmentsErrorCode, DepartmentsException } from './departments.exception.js';
import type { CreateDepartmentUserDto } from './dto/department.dto.js';

@Injectable()
export class DepartmentsService {
  constructor(
    @InjectRepository(Department) private readonly departments: Repository<Department>,
    private readonly accounts: AccountsService,
  ) {}

  list(): Promise<Department[]> {
    return this.departments.find({ order: { name: 'ASC' } });
  }

  async get(id: string, m: EntityManager = this.departments.manager): Promise<Department> {
    const d = await m.findOneBy(Department, { id });
    if (!d) throw new DepartmentsException(DepartmentsErrorCode.NotFound);
    return d;
  }

  /** The departments among these ids (unknown ids are simply missing). */
  byIds(ids: string[], m: EntityManager = this.departments.manager): Promise<Department[]> {
    return ids.length ? m.findBy(Department, { id: In(ids) }) : Promise.resolve([]);
  }

  async create(name: string): Promise<Department> {
    if (await this.departments.existsBy({ name }))
      throw new DepartmentsException(DepartmentsErrorCode.NameTaken);
    return this.departments.save(this.departments.create({ name }));
  }

  users(departmentId: string): Promise<User[]> {
    return this.accounts.ofDepartment(departmentId);
  }

  async createUser(departmentId: string, dto: CreateDepartmentUserDto): Promise<User> {
    await this.get(departmentId);
    const user = await this.accounts.createWithPassword(
      {
        username: dto.username.toLowerCase(),
        displayName: dto.displayName,
        role: Role.Department,
        departmentId,
      },
      dto.password,
    );
    if (!user) throw new UsersException(UsersErrorCode.UsernameTaken);
    return user;
  }
}
