/**
 * A roster file against the roster already in the term (docs/rules.md, "Importing an updated
 * roster"). Unions re-export their spreadsheet after every change, so a second import is an
 * update: rows are matched to seats by 工号 (case and width folded), and the result says what
 * is new, what changed (field by field, under the file's own headers), what is unchanged, which
 * rows name a seat that no longer serves, and which serving seats the file leaves out. Pure: no
 * database; the roster service applies it.
 */
import {
  CATEGORY_LABELS,
  DelegateStatus,
  GENDER_LABELS,
  type RosterKind,
} from '../roster.enums.js';
import { COLUMN_BY_FIELD, type RosterField } from './roster-columns.js';
import { cellProblem, type RosterProblem } from './roster-problems.js';
import { KIND_LABELS, yesNoLabel } from './roster-values.js';
import { employeeNumberKey, normalizeName, type RosterImportRow } from './validate-roster.js';

/**
 * The fields an update compares and changes. 工号 is the key; 代表类型 never changes by import
 * (a delegate who becomes an attendee is a new seat); 团长 belongs to the group (planGroupHeads).
 */
export const COMPARED_FIELDS = [
  'name',
  'gender',
  'groupName',
  'unit',
  'category',
  'dispatched',
  'presidium',
  'teller',
  'phone',
  'note',
] as const satisfies readonly RosterField[];
export type ComparedField = (typeof COMPARED_FIELDS)[number];
/** The fields a seat's change history records (staff may also correct the 工号). */
export type TrackedField = ComparedField | 'employeeNumber';

export type SeatValues = Pick<RosterImportRow, TrackedField>;

/** A seat of the term as the comparison needs it (its group by name). */
export interface RosterSeat extends SeatValues {
  id: string;
  kind: RosterKind;
  status: DelegateStatus;
}

export interface FieldChange {
  field: TrackedField;
  /** The header: as the uploaded file writes it, else the template's. */
  column: string;
  /** As staff read them: 男, 一线职工, 是, （空）. */
  from: string;
  to: string;
  /** The stored values (enum values, the group's name, booleans). */
  fromValue: string | boolean | null;
  toValue: string | boolean | null;
}

const EMPTY = '（空）';

/** A value as the spreadsheet and staff write it. */
export function displayValue(field: TrackedField, value: string | boolean | null): string {
  if (value === null || value === '') return EMPTY;
  if (typeof value === 'boolean') return yesNoLabel(value);
  if (field === 'gender') return GENDER_LABELS[value as keyof typeof GENDER_LABELS] ?? value;
  if (field === 'category') return CATEGORY_LABELS[value as keyof typeof CATEGORY_LABELS] ?? value;
  return value;
}

/** Values reduced the way an import reads them, so a re-export of the same data compares equal. */
function comparable(field: TrackedField, value: string | boolean | null): string | boolean | null {
  if (typeof value !== 'string') return value;
  const text =
    field === 'name'
      ? normalizeName(value)
      : field === 'phone'
        ? value.normalize('NFKC').replace(/[\s\-()]/g, '')
        : field === 'employeeNumber'
          ? employeeNumberKey(value)
          : value.trim().replace(/\s+/g, ' ');
  return text === '' ? null : text;
}

/** What differs between two states of a seat, in the given fields, in that order. */
export function fieldChanges(
  before: SeatValues,
  after: SeatValues,
  fields: readonly TrackedField[],
  column: (field: TrackedField) => string = (f) => COLUMN_BY_FIELD[f].header,
): FieldChange[] {
  return fields
    .filter((f) => comparable(f, before[f]) !== comparable(f, after[f]))
    .map((f) => ({
      field: f,
      column: column(f),
      from: displayValue(f, before[f]),
      to: displayValue(f, after[f]),
      fromValue: before[f],
      toValue: after[f],
    }));
}

export interface MatchedRow {
  row: RosterImportRow;
  seat: RosterSeat;
}
export interface ChangedRow extends MatchedRow {
  changes: FieldChange[];
}

export interface RosterDiff {
  added: RosterImportRow[];
  changed: ChangedRow[];
  unchanged: MatchedRow[];
  /** Rows whose seat was recalled, replaced or left: an import never seats anyone again. */
  notServing: MatchedRow[];
  /** Serving seats the file does not name. */
  absent: RosterSeat[];
  /** Rows an update cannot take (a change of 代表类型). */
  problems: RosterProblem[];
}

export const emptyDiff = (): RosterDiff => ({
  added: [],
  changed: [],
  unchanged: [],
  notServing: [],
  absent: [],
  problems: [],
});

export function diffRoster(input: {
  rows: readonly RosterImportRow[];
  seats: readonly RosterSeat[];
  /** Every 工号 the file names (`employeeNumberKey`), rows with problems included. */
  fileNumbers: ReadonlySet<string>;
  /** The columns the file has, by field, with the header it writes: only those are compared. */
  columns: Partial<Record<RosterField, string>>;
}): RosterDiff {
  const { rows, seats, fileNumbers, columns } = input;
  const byNumber = new Map(seats.map((s) => [employeeNumberKey(s.employeeNumber), s]));
  const fields = COMPARED_FIELDS.filter((f) => columns[f] !== undefined);
  const column = (f: RosterField) => columns[f] ?? COLUMN_BY_FIELD[f].header;
  const diff = emptyDiff();
  for (const row of rows) {
    const seat = byNumber.get(employeeNumberKey(row.employeeNumber));
    if (!seat) {
      diff.added.push(row);
      continue;
    }
    if (columns.kind !== undefined && row.kind !== seat.kind) {
      const reason =
        `名册中${seat.name}（${seat.employeeNumber}）是「${KIND_LABELS[seat.kind]}」，` +
        `导入不能改为「${KIND_LABELS[row.kind]}」：请先在名册中处理该席位`;
      diff.problems.push(
        cellProblem(row.row, { header: column('kind'), field: 'kind' }, 'KIND_CHANGED', reason),
      );
      continue;
    }
    if (seat.status !== DelegateStatus.Serving) {
      diff.notServing.push({ row, seat });
      continue;
    }
    const changes = fieldChanges(seat, row, fields, column);
    if (changes.length) diff.changed.push({ row, seat, changes });
    else diff.unchanged.push({ row, seat });
  }
  diff.absent = seats.filter(
    (s) =>
      s.status === DelegateStatus.Serving && !fileNumbers.has(employeeNumberKey(s.employeeNumber)),
  );
  return diff;
}

/** A group whose head an update changes; employee numbers, null for "no head". */
export interface HeadChange {
  group: string;
  from: string | null;
  to: string | null;
}

/**
 * The groups' heads after an update. With a 团长 column the file says who heads each group (a
 * group with no 是 in the file loses a head the file names otherwise); without one, heads stay,
 * except a head who moves to another group. A head marked as left loses the post.
 */
export function planGroupHeads(input: {
  diff: RosterDiff;
  groups: readonly { name: string; head: string | null }[];
  hasHeadColumn: boolean;
  absentLeave: boolean;
}): HeadChange[] {
  const { diff, groups, hasHeadColumn, absentLeave } = input;
  const key = (n: string | null) => (n === null ? null : employeeNumberKey(n));
  const serving = [
    ...diff.added.map((row) => ({ row, seat: null as RosterSeat | null })),
    ...diff.changed,
    ...diff.unchanged,
  ];
  const inFile = new Set(serving.map((m) => key(m.row.employeeNumber)));
  const left = new Set(absentLeave ? diff.absent.map((s) => key(s.employeeNumber)) : []);
  const changes: HeadChange[] = [];
  for (const g of groups) {
    const current = key(g.head);
    const heads = serving.filter(
      ({ row }) =>
        row.groupName === g.name &&
        (hasHeadColumn ? row.groupHead : key(row.employeeNumber) === current),
    );
    const next = heads[0]
      ? heads[0].row.employeeNumber
      : current !== null && (inFile.has(current) || left.has(current))
        ? null
        : g.head;
    if (key(next) !== current) changes.push({ group: g.name, from: g.head, to: next });
  }
  return changes;
}
