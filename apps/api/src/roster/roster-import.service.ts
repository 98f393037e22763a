import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { AccountsService } from '../auth/accounts.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../common/clock.js';
import { TermsService } from '../congress/terms.service.js';
import { tabletAccount, usernameFor } from './delegate-accounts.js';
import { Delegate } from './delegate.entity.js';
import { DelegationGroup } from './delegation-group.entity.js';
import {
  parseRosterFile,
  type RosterImportRow,
  type RosterProblem,
  validateRoster,
} from './import/index.js';
import { RosterErrorCode, RosterException } from './roster.exception.js';
import { DelegateStatus, RosterKind } from './roster.enums.js';

export interface ImportResult {
  dryRun: boolean;
  valid: boolean;
  rows: number;
  delegates: number;
  attendees: number;
  imported: number;
  problems: RosterProblem[];
}

/**
 * A roster spreadsheet into the term: every row is checked first (a dry run stops there and
 * lists every problem); the real import writes all rows in one transaction or none of them.
 */
@Injectable()
export class RosterImportService {
  constructor(
    @InjectRepository(Delegate) private readonly delegates: Repository<Delegate>,
    @InjectRepository(DelegationGroup) private readonly groups: Repository<DelegationGroup>,
    private readonly accounts: AccountsService,
    private readonly terms: TermsService,
    private readonly clock: Clock,
  ) {}

  async import(
    termId: string,
    file: { buffer: Buffer; originalname: string },
    dryRun: boolean,
    actor: AuthContext,
  ) {
    await this.terms.get(termId);
    const groups = await this.groups.findBy({ termId });
    const existing = await this.delegates.find({
      where: { termId },
      select: { employeeNumber: true },
    });
    const sheet = await parseRosterFile({ buffer: file.buffer, filename: file.originalname });
    const { rows, problems } = validateRoster(sheet, {
      groups: groups.map((g) => g.name),
      existingEmployeeNumbers: new Set(existing.map((d) => d.employeeNumber)),
    });
    const result: ImportResult = {
      dryRun,
      valid: problems.length === 0,
      rows: rows.length + new Set(problems.map((p) => p.row).filter((r) => r !== null)).size,
      delegates: rows.filter((r) => r.kind === RosterKind.Delegate).length,
      attendees: rows.filter((r) => r.kind === RosterKind.Attendee).length,
      imported: 0,
      problems,
    };
    if (dryRun) return result;
    if (problems.length > 0) throw new RosterException(RosterErrorCode.ImportInvalid, { problems });
    const groupIds = new Map(groups.map((g) => [g.name, g.id]));
    result.imported = await this.delegates.manager.transaction((m) =>
      this.insert(m, termId, rows, groupIds, actor),
    );
    return result;
  }

  private async insert(
    m: EntityManager,
    termId: string,
    rows: RosterImportRow[],
    groupIds: Map<string, string>,
    actor: AuthContext,
  ): Promise<number> {
    // Accounts: one per employee number, reused when the person already has a tablet account.
    const userIds = await this.accounts.ensureTabletAccounts(rows.map(tabletAccount), m);
    const taken = rows.filter((r) => !userIds.has(usernameFor(r.employeeNumber)));
    if (taken.length > 0) {
      throw new RosterException(RosterErrorCode.ImportInvalid, {
        problems: taken.map((r) => ({
          row: r.row,
          column: '工号',
          code: 'USERNAME_TAKEN',
          message: `第 ${r.row} 行「工号」：${r.employeeNumber} 已是其他类型账号的用户名`,
        })),
      });
    }
    const col = <T>(f: (r: RosterImportRow) => T) => rows.map(f);
    const inserted: { id: string; employee_number: string }[] = await m.query(
      `INSERT INTO delegates (term_id, status_changed_at, kind, name, employee_number, gender, group_id, unit,
                              category, dispatched, presidium, teller, phone, note, user_id)
       SELECT $1, $2, * FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::text[],
                                    $9::text[], $10::bool[], $11::bool[], $12::bool[], $13::text[], $14::text[], $15::uuid[])
       RETURNING id, employee_number`,
      [
        termId,
        this.clock.now(),
        col((r) => r.kind),
        col((r) => r.name),
        col((r) => r.employeeNumber),
        col((r) => r.gender),
        col((r) => (r.groupName ? groupIds.get(r.groupName)! : null)),
        col((r) => r.unit),
        col((r) => r.category),
        col((r) => r.dispatched),
        col((r) => r.presidium),
        col((r) => r.teller),
        col((r) => r.phone),
        col((r) => r.note),
        col((r) => userIds.get(usernameFor(r.employeeNumber))!),
      ],
    );
    await m.query(
      `INSERT INTO delegate_status_history (delegate_id, from_status, to_status, reason, recorded_by)
       SELECT unnest($1::uuid[]), NULL, $3::text, '名册导入', $2`,
      [inserted.map((d) => d.id), actor.userId, DelegateStatus.Serving],
    );
    const idByNumber = new Map(inserted.map((d) => [d.employee_number, d.id]));
    for (const head of rows.filter((r) => r.groupHead && r.groupName)) {
      await m.update(
        DelegationGroup,
        { id: groupIds.get(head.groupName!)! },
        { headDelegateId: idByNumber.get(head.employeeNumber)! },
      );
    }
    return inserted.length;
  }
}
