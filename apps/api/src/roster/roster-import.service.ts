import { Injectable } from '@nestjs/common';
import type { UploadedFileData } from '../common/upload.js';
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
  byPosition,
  diffRoster,
  employeeNumberKey,
  type HeadChange,
  type ParsedSheet,
  planGroupHeads,
  type RosterDiff,
  type RosterField,
  type RosterImportRow,
  type RosterProblem,
  type RosterProblemCode,
  type RosterValidation,
  validateRoster,
} from './import/index.js';
import { rosterSeat } from './roster-seat.js';
import { RosterErrorCode, RosterException } from './roster.exception.js';
import { DelegateStatus, RosterKind, STATUS_LABELS } from './roster.enums.js';
import { RosterParser } from './roster-parser.js';
import { SeatChangesService } from './seat-changes.service.js';

/** What becomes of serving seats the file leaves out: kept as they are, or marked as left. */
export type AbsentAction = 'keep' | 'leave';

const IMPORTED = '名册导入';
const LEFT_REASON = '名册导入：更新后的名册中已无此人，标记为离职';

interface Person {
  employeeNumber: string;
  name: string;
}

/** The difference an import makes to the roster, as a dry run shows it and an import applies it. */
export interface ImportDiff {
  added: (Person & { row: number })[];
  changed: (Person & {
    row: number;
    delegateId: string;
    changes: { field: string; column: string; from: string; to: string }[];
  })[];
  unchanged: number;
  /** Rows naming a seat that no longer serves: left as they are (a by-election re-seats). */
  notServing: (Person & { row: number; delegateId: string; status: string; statusLabel: string })[];
  /** Serving seats the file does not name, and what the import does with them. */
  absent: (Person & { delegateId: string; kind: RosterKind; action: AbsentAction })[];
  groupHeads: { group: string; from: Person | null; to: Person | null }[];
}

const TOO_LARGE = new Set<RosterProblemCode>(['FILE_TOO_LARGE', 'UNZIPPED_TOO_LARGE']);

export interface ImportResult {
  dryRun: boolean;
  valid: boolean;
  rows: number;
  delegates: number;
  attendees: number;
  /** Seats added (0 in a dry run). */
  imported: number;
  /** Seats whose fields were updated (0 in a dry run). */
  updated: number;
  /** Seats marked as left because the file leaves them out (0 unless `absent=leave`). */
  markedLeft: number;
  absentAction: AbsentAction;
  diff: ImportDiff;
  problems: RosterProblem[];
}

interface Plan {
  diff: RosterDiff;
  heads: HeadChange[];
  groupIds: Map<string, string>;
  seats: Map<string, Delegate>;
}

/**
 * A roster spreadsheet into the term. On an empty roster every row is new; on an existing one
 * rows are matched by 工号 and the import is an update (import/roster-diff.ts). Every row is
 * checked first; a dry run stops there and shows every problem and the whole difference; the
 * real import applies all of it in one transaction or none of it, keeping the history: field
 * changes in delegate_changes, seats ended in delegate_status_history.
 */
@Injectable()
export class RosterImportService {
  constructor(
    @InjectRepository(Delegate) private readonly delegates: Repository<Delegate>,
    @InjectRepository(DelegationGroup) private readonly groups: Repository<DelegationGroup>,
    private readonly accounts: AccountsService,
    private readonly terms: TermsService,
    private readonly seatChanges: SeatChangesService,
    private readonly clock: Clock,
    private readonly parser: RosterParser,
  ) {}

  async import(
    termId: string,
    file: UploadedFileData,
    options: { dryRun: boolean; absent: AbsentAction },
    actor: AuthContext,
  ): Promise<ImportResult> {
    await this.terms.get(termId);
    const sheet = await this.parser.parse({ buffer: file.buffer, filename: file.originalname });
    // Too large is an attack or a wrong file, not a list of data problems to correct: 413.
    const tooLarge = sheet.problems.filter((p) => TOO_LARGE.has(p.code));
    if (tooLarge.length > 0) {
      throw new RosterException(RosterErrorCode.ImportTooLarge, { problems: tooLarge });
    }
    const groups = await this.groups.findBy({ termId });
    const validation = validateRoster(sheet, { groups: groups.map((g) => g.name) });
    const plan = await this.plan(this.delegates.manager, termId, sheet, validation, options);
    const problems = [...validation.problems, ...plan.diff.problems].sort(byPosition);
    const result = describe(validation, plan, options.absent, problems);
    if (options.dryRun) return result;
    if (problems.length > 0) throw new RosterException(RosterErrorCode.ImportInvalid, { problems });

    const { applied, left } = await this.delegates.manager.transaction(async (m) => {
      // Again, on locked rows: what is applied is what the roster holds at this moment.
      const locked = await this.plan(m, termId, sheet, validation, { ...options, lock: true });
      if (locked.diff.problems.length > 0) {
        throw new RosterException(RosterErrorCode.ImportInvalid, {
          problems: locked.diff.problems,
        });
      }
      return { applied: locked, left: await this.apply(m, termId, locked, options.absent, actor) };
    });
    for (const d of left) await this.seatChanges.closeSessions(d);
    return {
      ...describe(validation, applied, options.absent, []),
      dryRun: false,
      imported: applied.diff.added.length,
      updated: applied.diff.changed.length,
      markedLeft: left.length,
    };
  }

  /** The difference between the file and the roster, and the group heads it leads to. */
  private async plan(
    m: EntityManager,
    termId: string,
    sheet: ParsedSheet,
    validation: RosterValidation,
    options: { absent: AbsentAction; lock?: boolean },
  ): Promise<Plan> {
    const lock = options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {};
    const groups = await m.find(DelegationGroup, { where: { termId }, ...lock });
    const delegates = await m.find(Delegate, { where: { termId }, ...lock });
    const names = new Map(groups.map((g) => [g.id, g.name]));
    const seats = new Map(delegates.map((d) => [d.id, d]));
    const columns: Partial<Record<RosterField, string>> = {};
    for (const h of sheet.headers) if (h.field && !(h.field in columns)) columns[h.field] = h.text;
    const diff = diffRoster({
      rows: validation.rows,
      seats: delegates.map((d) => rosterSeat(d, names)),
      fileNumbers: validation.employeeNumbers,
      columns,
    });
    const heads = planGroupHeads({
      diff,
      groups: groups.map((g) => ({
        name: g.name,
        head: g.headDelegateId ? (seats.get(g.headDelegateId)?.employeeNumber ?? null) : null,
      })),
      hasHeadColumn: columns.groupHead !== undefined,
      absentLeave: options.absent === 'leave',
    });
    return { diff, heads, groupIds: new Map(groups.map((g) => [g.name, g.id])), seats };
  }

  /** Applies a plan in the caller's transaction; returns the seats it ended. */
  private async apply(
    m: EntityManager,
    termId: string,
    plan: Plan,
    absent: AbsentAction,
    actor: AuthContext,
  ): Promise<Delegate[]> {
    const { diff, groupIds, seats } = plan;
    const ids = new Map(
      [...seats.values()].map((d) => [employeeNumberKey(d.employeeNumber), d.id]),
    );
    for (const [number, id] of await this.insert(m, termId, diff.added, groupIds, actor))
      ids.set(employeeNumberKey(number), id);

    for (const { row, seat, changes } of diff.changed) {
      const values: Partial<Delegate> = {};
      for (const { field } of changes) {
        if (field === 'groupName')
          values.groupId = row.groupName ? groupIds.get(row.groupName)! : null;
        else if (field !== 'employeeNumber') Object.assign(values, { [field]: row[field] });
      }
      await m.update(Delegate, { id: seat.id }, values);
      const userId = seats.get(seat.id)!.userId;
      if (userId && values.name !== undefined)
        await this.accounts.update(userId, { displayName: row.name }, m);
      await this.seatChanges.recordFields(m, seat.id, changes, IMPORTED, actor);
    }

    const left: Delegate[] = [];
    if (absent === 'leave') {
      for (const s of diff.absent) {
        const seat = seats.get(s.id)!;
        left.push(await this.seatChanges.endSeat(m, seat, DelegateStatus.Left, LEFT_REASON, actor));
      }
    }
    for (const h of plan.heads) {
      await m.update(
        DelegationGroup,
        { id: groupIds.get(h.group)! },
        { headDelegateId: h.to ? ids.get(employeeNumberKey(h.to))! : null },
      );
    }
    return left;
  }

  /** New seats with their tablet accounts and first history rows; returns 工号 → seat id. */
  private async insert(
    m: EntityManager,
    termId: string,
    rows: RosterImportRow[],
    groupIds: Map<string, string>,
    actor: AuthContext,
  ): Promise<Map<string, string>> {
    if (rows.length === 0) return new Map();
    // Accounts: one per employee number, reused when the person already has a tablet account.
    const userIds = await this.accounts.ensureTabletAccounts(rows.map(tabletAccount), m);
    const taken = rows.filter((r) => !userIds.has(usernameFor(r.employeeNumber)));
    if (taken.length > 0) {
      throw new RosterException(RosterErrorCode.ImportInvalid, {
        problems: taken.map((r) => ({
          row: r.row,
          column: '工号',
          field: 'employeeNumber',
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
       SELECT unnest($1::uuid[]), NULL, $3::text, $4::text, $2`,
      [inserted.map((d) => d.id), actor.userId, DelegateStatus.Serving, IMPORTED],
    );
    return new Map(inserted.map((d) => [d.employee_number, d.id]));
  }
}

/** The result as staff read it (counts of what was applied are filled in by the caller). */
function describe(
  validation: RosterValidation,
  plan: Plan,
  absent: AbsentAction,
  problems: RosterProblem[],
): ImportResult {
  const { rows } = validation;
  const { diff } = plan;
  const person = (p: { employeeNumber: string; name: string }): Person => ({
    employeeNumber: p.employeeNumber,
    name: p.name,
  });
  const byNumber = new Map<string, Person>();
  for (const s of plan.seats.values()) byNumber.set(employeeNumberKey(s.employeeNumber), person(s));
  for (const r of rows) byNumber.set(employeeNumberKey(r.employeeNumber), person(r));
  const who = (n: string | null) =>
    n === null ? null : (byNumber.get(employeeNumberKey(n)) ?? null);
  return {
    dryRun: true,
    valid: problems.length === 0,
    rows: rows.length + new Set(problems.map((p) => p.row).filter((r) => r !== null)).size,
    delegates: rows.filter((r) => r.kind === RosterKind.Delegate).length,
    attendees: rows.filter((r) => r.kind === RosterKind.Attendee).length,
    imported: 0,
    updated: 0,
    markedLeft: 0,
    absentAction: absent,
    diff: {
      added: diff.added.map((r) => ({ row: r.row, ...person(r) })),
      changed: diff.changed.map(({ row, seat, changes }) => ({
        row: row.row,
        delegateId: seat.id,
        ...person(row),
        changes: changes.map(({ field, column, from, to }) => ({ field, column, from, to })),
      })),
      unchanged: diff.unchanged.length,
      notServing: diff.notServing.map(({ row, seat }) => ({
        row: row.row,
        delegateId: seat.id,
        ...person(seat),
        status: seat.status,
        statusLabel: STATUS_LABELS[seat.status],
      })),
      absent: diff.absent.map((s) => ({
        delegateId: s.id,
        ...person(s),
        kind: s.kind,
        action: absent,
      })),
      groupHeads: plan.heads.map((h) => ({ group: h.group, from: who(h.from), to: who(h.to) })),
    },
    problems,
  };
}
