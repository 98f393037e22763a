import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { AccountsService } from '../auth/accounts.service.js';
import { TokenService } from '../auth/token.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Role } from '../users/role.enum.js';
import type { CreateEmployeeDto, CreateUnitDto } from './dto/openness.dto.js';
import { OpennessEmployee } from './employee.entity.js';
import { PARENT_LEVELS, UnitLevel } from './openness.enums.js';
import { OpennessErrorCode, OpennessException } from './openness.exception.js';
import { OpennessUnit } from './unit.entity.js';

/** Employee accounts are `emp-<工号>`: a delegate's tablet account already uses the bare 工号. */
export const employeeUsername = (employeeNumber: string) => `emp-${employeeNumber.toLowerCase()}`;

/** The unit tree and the employees placed in it. */
@Injectable()
export class UnitsService {
  constructor(
    @InjectRepository(OpennessUnit) private readonly units: Repository<OpennessUnit>,
    @InjectRepository(OpennessEmployee) private readonly employees: Repository<OpennessEmployee>,
    private readonly accounts: AccountsService,
    private readonly tokens: TokenService,
  ) {}

  list(): Promise<OpennessUnit[]> {
    return this.units.find({ order: { createdAt: 'ASC' } });
  }

  async get(id: string): Promise<OpennessUnit> {
    const unit = await this.units.findOneBy({ id });
    if (!unit) throw new OpennessException(OpennessErrorCode.UnitNotFound, { field: 'unitId' });
    return unit;
  }

  async create(dto: CreateUnitDto): Promise<OpennessUnit> {
    const parent = dto.parentId ? await this.get(dto.parentId) : null;
    const allowed = PARENT_LEVELS[dto.level];
    if (parent ? !allowed.includes(parent.level) : allowed.length > 0)
      throw new OpennessException(OpennessErrorCode.BadParent, {
        level: dto.level,
        parentLevel: parent?.level ?? null,
      });
    if (await this.units.existsBy({ name: dto.name, parentId: parent ? parent.id : IsNull() }))
      throw new OpennessException(OpennessErrorCode.UnitNameTaken);
    return this.units.save(
      this.units.create({ name: dto.name, level: dto.level, parentId: parent?.id ?? null }),
    );
  }

  /**
   * An employee account with a first password set by staff (changed at the first log-in).
   * Import from the roster's spreadsheets is not built yet.
   */
  async createEmployee(dto: CreateEmployeeDto): Promise<OpennessEmployee> {
    await this.get(dto.unitId);
    if (await this.employees.existsBy({ employeeNumber: dto.employeeNumber }))
      throw new OpennessException(OpennessErrorCode.EmployeeTaken);
    const user = await this.accounts.createWithPassword(
      {
        username: employeeUsername(dto.employeeNumber),
        displayName: dto.name,
        role: Role.Employee,
      },
      dto.password,
    );
    if (!user) throw new OpennessException(OpennessErrorCode.EmployeeTaken);
    return this.employees.save(
      this.employees.create({
        userId: user.id,
        employeeNumber: dto.employeeNumber,
        name: dto.name,
        unitId: dto.unitId,
      }),
    );
  }

  /** The employees, each with whether their account is disabled (left the company). */
  async listEmployees(): Promise<{ employee: OpennessEmployee; disabled: boolean }[]> {
    const employees = await this.employees.find({ order: { employeeNumber: 'ASC' } });
    const users = await this.accounts.byIds(employees.map((e) => e.userId));
    const disabled = new Set(users.filter((u) => u.disabled).map((u) => u.id));
    return employees.map((employee) => ({ employee, disabled: disabled.has(employee.userId) }));
  }

  /**
   * An employee leaving (离职) or coming back: the account is disabled (its tokens revoked, so
   * the board logs out at once; it can no longer log in) or enabled again. The employee row
   * stays: opinions they signed keep their name.
   */
  async setEmployeeDisabled(userId: string, disabled: boolean): Promise<OpennessEmployee> {
    const employee = await this.employees.findOneBy({ userId });
    if (!employee) throw new OpennessException(OpennessErrorCode.EmployeeNotFound);
    await this.accounts.update(userId, { disabled });
    if (disabled) await this.tokens.revokeAllForUser(userId, 'employee left');
    return employee;
  }

  /** The caller as an employee; any other account is refused. */
  async employee(auth: AuthContext): Promise<OpennessEmployee> {
    const e =
      auth.role === Role.Employee && (await this.employees.findOneBy({ userId: auth.userId }));
    if (!e) throw new OpennessException(OpennessErrorCode.NotEmployee);
    return e;
  }

  /** A unit and every unit above it: what an employee of that unit may read. */
  async withAncestors(unitId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.units.query(
      `WITH RECURSIVE up AS (
         SELECT id, parent_id FROM openness_units WHERE id = $1
         UNION ALL
         SELECT u.id, u.parent_id FROM openness_units u JOIN up ON u.id = up.parent_id
       ) SELECT id FROM up`,
      [unitId],
    );
    return rows.map((r) => r.id);
  }

  /** The company-level units: readable by anyone on the enterprise network. */
  async companyUnitIds(): Promise<string[]> {
    return (await this.units.findBy({ level: UnitLevel.Company })).map((u) => u.id);
  }

  async names(): Promise<Map<string, OpennessUnit>> {
    return new Map((await this.units.find()).map((u) => [u.id, u]));
  }
}
