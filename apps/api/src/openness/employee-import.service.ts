import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { AccountsService } from '../auth/accounts.service.js';
import type { UploadedFileData } from '../common/upload.js';
import { employeeNumberKey, RosterParser } from '../roster/index.js';
import { Role } from '../users/role.enum.js';
import {
  type EmployeeImportProblem,
  type EmployeeRow,
  readEmployees,
  unitPaths,
} from './employee-import.js';
import { OpennessEmployee } from './employee.entity.js';
import { OpennessErrorCode, OpennessException } from './openness.exception.js';
import { OpennessUnit } from './unit.entity.js';
import { employeeUsername } from './units.service.js';

/** A first password: 12 characters people can read aloud (no 0/O, 1/l/I). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const firstPassword = () =>
  Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

const TOO_LARGE = new Set(['FILE_TOO_LARGE', 'UNZIPPED_TOO_LARGE']);

export interface EmployeeImportResult {
  dryRun: boolean;
  valid: boolean;
  rows: number;
  added: { row: number; employeeNumber: string; name: string; unitName: string }[];
  changed: { row: number; employeeNumber: string; name: string; changes: string[] }[];
  unchanged: number;
  problems: EmployeeImportProblem[];
  /** After the import only: each new account's first password, shown this once. */
  created: { employeeNumber: string; name: string; username: string; firstPassword: string }[];
}

interface Plan {
  added: EmployeeRow[];
  changed: { row: EmployeeRow; employee: OpennessEmployee; changes: string[] }[];
  unchanged: number;
  problems: EmployeeImportProblem[];
}

/**
 * 职工名单导入: the roster's spreadsheets (XLSX, CSV in UTF-8 or GBK) read by the roster's own
 * parser (its worker thread and zip guard), matched by 工号. New 工号 get an employee account
 * `emp-<工号>` with a random first password (changed at the first log-in); known ones get their
 * name and unit updated. Employees the file leaves out are kept. A dry run (the default) shows
 * every problem and the difference; the import applies all of it in one transaction or none.
 */
@Injectable()
export class EmployeeImportService {
  constructor(
    @InjectRepository(OpennessEmployee) private readonly employees: Repository<OpennessEmployee>,
    @InjectRepository(OpennessUnit) private readonly units: Repository<OpennessUnit>,
    private readonly accounts: AccountsService,
    private readonly parser: RosterParser,
  ) {}

  async import(file: UploadedFileData, dryRun: boolean): Promise<EmployeeImportResult> {
    const sheet = await this.parser.parse({ buffer: file.buffer, filename: file.originalname });
    const tooLarge = sheet.problems.filter((p) => TOO_LARGE.has(p.code));
    if (tooLarge.length > 0)
      throw new OpennessException(OpennessErrorCode.ImportTooLarge, { problems: tooLarge });
    const units = await this.units.find();
    const read = readEmployees(sheet, units);
    const plan = await this.plan(this.employees.manager, read.rows, read.problems);
    const names = unitPaths(units);
    const result = describe(plan, names, read.rows.length, sheet.rows.length);
    if (dryRun) return result;
    if (plan.problems.length > 0)
      throw new OpennessException(OpennessErrorCode.ImportInvalid, { problems: plan.problems });

    const passwords = new Map(plan.added.map((r) => [r.employeeNumber, firstPassword()]));
    const created = await this.employees.manager.transaction(async (m) => {
      // Again inside the transaction: what is applied is what the table holds now.
      const locked = await this.plan(m, read.rows, [], true);
      if (locked.problems.length > 0)
        throw new OpennessException(OpennessErrorCode.ImportInvalid, {
          problems: locked.problems,
        });
      return this.apply(m, locked, passwords);
    });
    return { ...result, dryRun: false, created };
  }

  private async plan(
    m: EntityManager,
    rows: EmployeeRow[],
    problems: EmployeeImportProblem[],
    lock = false,
  ): Promise<Plan> {
    const existing = await m.find(
      OpennessEmployee,
      lock ? { lock: { mode: 'pessimistic_write' } } : {},
    );
    const byKey = new Map(existing.map((e) => [employeeNumberKey(e.employeeNumber), e]));
    const units = unitPaths(await m.find(OpennessUnit));
    const plan: Plan = { added: [], changed: [], unchanged: 0, problems: [...problems] };
    for (const row of rows) {
      const employee = byKey.get(employeeNumberKey(row.employeeNumber));
      if (!employee) {
        const username = employeeUsername(row.employeeNumber);
        if (await this.accounts.findByUsername(username))
          plan.problems.push({
            row: row.row,
            column: '工号',
            code: 'USERNAME_TAKEN',
            message: `第 ${row.row} 行「工号」：用户名 ${username} 已被其他账号使用`,
          });
        else plan.added.push(row);
        continue;
      }
      const changes: string[] = [];
      if (employee.name !== row.name) changes.push(`姓名：${employee.name} → ${row.name}`);
      if (employee.unitId !== row.unitId)
        changes.push(`单位：${units.get(employee.unitId)} → ${units.get(row.unitId)}`);
      if (changes.length) plan.changed.push({ row, employee, changes });
      else plan.unchanged += 1;
    }
    plan.problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    return plan;
  }

  private async apply(
    m: EntityManager,
    plan: Plan,
    passwords: Map<string, string>,
  ): Promise<EmployeeImportResult['created']> {
    const created: EmployeeImportResult['created'] = [];
    for (const row of plan.added) {
      const username = employeeUsername(row.employeeNumber);
      const password = passwords.get(row.employeeNumber)!;
      const user = await this.accounts.createWithPassword(
        { username, displayName: row.name, role: Role.Employee },
        password,
        m,
      );
      if (!user) throw new OpennessException(OpennessErrorCode.EmployeeTaken);
      await m.insert(OpennessEmployee, {
        userId: user.id,
        employeeNumber: row.employeeNumber,
        name: row.name,
        unitId: row.unitId,
      });
      created.push({
        employeeNumber: row.employeeNumber,
        name: row.name,
        username,
        firstPassword: password,
      });
    }
    for (const { row, employee } of plan.changed) {
      await m.update(
        OpennessEmployee,
        { userId: employee.userId },
        { name: row.name, unitId: row.unitId },
      );
      if (employee.name !== row.name)
        await this.accounts.update(employee.userId, { displayName: row.name }, m);
    }
    return created;
  }
}

function describe(
  plan: Plan,
  unitNames: Map<string, string>,
  goodRows: number,
  allRows: number,
): EmployeeImportResult {
  return {
    dryRun: true,
    valid: plan.problems.length === 0,
    rows: Math.max(goodRows, allRows),
    added: plan.added.map((r) => ({
      row: r.row,
      employeeNumber: r.employeeNumber,
      name: r.name,
      unitName: unitNames.get(r.unitId) ?? '',
    })),
    changed: plan.changed.map(({ row, changes }) => ({
      row: row.row,
      employeeNumber: row.employeeNumber,
      name: row.name,
      changes,
    })),
    unchanged: plan.unchanged,
    problems: plan.problems,
    created: [],
  };
}
