import { describe, expect, it } from '@jest/globals';
import { DelegateCategory, DelegateStatus, Gender, RosterKind } from '../roster.enums.js';
import { parseRosterFile } from './parse-roster.js';
import {
  diffRoster,
  emptyDiff,
  fieldChanges,
  planGroupHeads,
  type RosterDiff,
  type RosterSeat,
} from './roster-diff.js';
import { type RosterImportRow, validateRoster } from './validate-roster.js';

const GROUPS = ['第一代表团', '第二代表团'];

const seat = (
  s: Partial<RosterSeat> & Pick<RosterSeat, 'id' | 'employeeNumber' | 'name'>,
): RosterSeat => ({
  kind: RosterKind.Delegate,
  status: DelegateStatus.Serving,
  gender: Gender.Male,
  groupName: '第一代表团',
  unit: null,
  category: DelegateCategory.FrontLine,
  dispatched: false,
  presidium: false,
  teller: false,
  phone: null,
  note: null,
  ...s,
});

/** The roster as the union last exported it. */
const ROSTER: RosterSeat[] = [
  seat({ id: 's1', employeeNumber: 'E1', name: '张三', phone: '138-0013-8000' }),
  seat({ id: 's2', employeeNumber: 'e2', name: '李四', groupName: '第二代表团' }),
  seat({ id: 's3', employeeNumber: 'E3', name: '王五' }),
  seat({ id: 's4', employeeNumber: 'E4', name: '赵六', status: DelegateStatus.Recalled }),
  seat({
    id: 's5',
    employeeNumber: 'E5',
    name: '钱七',
    kind: RosterKind.Attendee,
    groupName: null,
    category: null,
    gender: null,
  }),
];

/** A CSV as unions write it, validated and compared with ROSTER. */
async function diff(csv: string, seats = ROSTER) {
  const sheet = await parseRosterFile({ buffer: Buffer.from(csv, 'utf8'), filename: 'a.csv' });
  const validation = validateRoster(sheet, { groups: GROUPS });
  const columns = Object.fromEntries(
    sheet.headers.filter((h) => h.field).map((h) => [h.field, h.text]),
  );
  return {
    validation,
    diff: diffRoster({
      rows: validation.rows,
      seats,
      fileNumbers: validation.employeeNumbers,
      columns,
    }),
  };
}
const numbers = (rows: { employeeNumber: string }[]) => rows.map((r) => r.employeeNumber);

describe('diffRoster', () => {
  it('finds nothing to do when the file is the roster again, formatting aside', async () => {
    // 工号 in another case and width, the phone without dashes, the name with an aligning space.
    const { diff: d } = await diff(
      '姓名,工号,性别,代表团,代表类别,手机,代表类型\n' +
        '张\u3000三,ｅ１,男,第一代表团,一线职工,13800138000,代表\n' +
        '李四,E2,男,第二代表团,一线职工,,代表\n王五,E3,男,第一代表团,一线职工,,\n钱七,E5,,,,,列席代表\n',
    );
    expect(d.changed).toEqual([]);
    expect(d.added).toEqual([]);
    expect(d.unchanged.map((m) => m.seat.id)).toEqual(['s1', 's2', 's3', 's5']);
    expect(d.absent).toEqual([]);
    expect(d.problems).toEqual([]);
  });

  it('names each changed field under the header the file has, with the values as staff write them', async () => {
    const { diff: d } = await diff(
      '姓名,工号,性别,代表组,类别\n张三,E1,男,第二代表团,管理人员\n李四,E2,男,第二代表团,一线职工\n王五,E3,男,第一代表团,一线职工\n',
    );
    expect(d.changed).toHaveLength(1);
    expect(d.changed[0]!.seat.id).toBe('s1');
    expect(d.changed[0]!.changes).toEqual([
      {
        field: 'groupName',
        column: '代表组',
        from: '第一代表团',
        to: '第二代表团',
        fromValue: '第一代表团',
        toValue: '第二代表团',
      },
      {
        field: 'category',
        column: '类别',
        from: '一线职工',
        to: '管理人员',
        fromValue: DelegateCategory.FrontLine,
        toValue: DelegateCategory.Manager,
      },
    ]);
  });

  it('compares only the columns the file has: no 手机 column leaves phones alone', async () => {
    const { diff: d } = await diff(
      '姓名,工号,性别,代表团,代表类别\n张三,E1,男,第一代表团,一线职工\n',
    );
    expect(d.unchanged.map((m) => m.seat.id)).toEqual(['s1']);
  });

  it('sorts rows into new, not serving, and serving seats the file leaves out', async () => {
    const { diff: d } = await diff(
      '姓名,工号,性别,代表团,代表类别\n张三,E1,男,第一代表团,一线职工\n赵六,E4,男,第一代表团,一线职工\n孙八,E8,女,第一代表团,一线职工\n,E3,男,第一代表团,一线职工\n',
    );
    expect(numbers(d.added)).toEqual(['E8']);
    expect(d.notServing.map((m) => m.seat.id)).toEqual(['s4']);
    // E3's row is broken (no name) but names it: only 李四 and the attendee are left out.
    expect(d.absent.map((s) => s.id)).toEqual(['s2', 's5']);
  });

  it('refuses to turn an attendee into a delegate, naming the file’s column', async () => {
    const { diff: d } = await diff(
      '姓名,工号,性别,代表团,代表类别,类型\n钱七,E5,男,第一代表团,一线职工,代表\n',
    );
    expect(d.problems).toEqual([
      expect.objectContaining({ row: 2, column: '类型', field: 'kind', code: 'KIND_CHANGED' }),
    ]);
    expect(d.problems[0]!.message).toContain('「列席代表」');
    expect(d.changed).toEqual([]);
  });
});

describe('fieldChanges', () => {
  it('shows empty values as （空） and booleans as 是/否, in the order of the fields asked for', () => {
    const before = { ...ROSTER[0]!, note: null, presidium: false };
    const after = { ...before, note: '新任', presidium: true };
    expect(
      fieldChanges(before, after, ['presidium', 'note']).map((c) => [c.column, c.from, c.to]),
    ).toEqual([
      ['主席团', '否', '是'],
      ['备注', '（空）', '新任'],
    ]);
  });
});

describe('planGroupHeads', () => {
  const groups = [
    { name: '第一代表团', head: 'E1' },
    { name: '第二代表团', head: 'e2' },
  ];
  const plan = (d: RosterDiff, hasHeadColumn: boolean, absentLeave = false) =>
    planGroupHeads({ diff: d, groups, hasHeadColumn, absentLeave });
  const row = (r: Partial<RosterImportRow>): RosterImportRow => ({
    row: 2,
    name: 'x',
    employeeNumber: 'x',
    gender: Gender.Male,
    groupName: '第一代表团',
    unit: null,
    category: DelegateCategory.FrontLine,
    dispatched: false,
    kind: RosterKind.Delegate,
    presidium: false,
    teller: false,
    groupHead: false,
    phone: null,
    note: null,
    ...r,
  });
  const matched = (s: RosterSeat, r: Partial<RosterImportRow>) => ({
    seat: s,
    row: row({ employeeNumber: s.employeeNumber, groupName: s.groupName, ...r }),
  });
  const empty = emptyDiff();
  const [s1, s2, s3] = ROSTER as [RosterSeat, RosterSeat, RosterSeat];

  it('with a 团长 column, follows the file: a new head, and a head the file says is not one', () => {
    const d = {
      ...empty,
      unchanged: [
        matched(s1, { groupHead: false }),
        matched(s3, { groupHead: true }),
        matched(s2, { groupHead: false }),
      ],
    };
    expect(plan(d, true)).toEqual([
      { group: '第一代表团', from: 'E1', to: 'E3' },
      { group: '第二代表团', from: 'e2', to: null },
    ]);
  });

  it('a new row may be the head; a head left out of the file stays unless marked as left', () => {
    const d = { ...empty, added: [row({ employeeNumber: 'E9', groupHead: true })], absent: [s2] };
    expect(plan(d, true)).toEqual([{ group: '第一代表团', from: 'E1', to: 'E9' }]);
    expect(plan(d, true, true)).toEqual([
      { group: '第一代表团', from: 'E1', to: 'E9' },
      { group: '第二代表团', from: 'e2', to: null },
    ]);
  });

  it('without a 团长 column heads stay, except one who moves to another group', () => {
    const stays = { ...empty, unchanged: [matched(s1, {}), matched(s2, {})] };
    expect(plan(stays, false)).toEqual([]);
    const moved = {
      ...empty,
      unchanged: [matched(s2, {})],
      changed: [{ ...matched(s1, { groupName: '第二代表团' }), changes: [] }],
    };
    expect(plan(moved, false)).toEqual([{ group: '第一代表团', from: 'E1', to: null }]);
  });
});
