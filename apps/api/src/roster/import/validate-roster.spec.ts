import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DelegateCategory, Gender, RosterKind } from '../roster.enums.js';
import {
  BROKEN_PROBLEMS,
  FIXTURE_FILES,
  FIXTURE_GROUPS,
} from '../../../../../test/fixtures/roster/roster-fixtures.js';
import { parseRosterFile } from './parse-roster.js';
import { validateRoster, type RosterValidation } from './validate-roster.js';

const FIXTURES = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../../test/fixtures/roster',
);
const context = { groups: FIXTURE_GROUPS };

async function validateCsv(text: string, ctx = context): Promise<RosterValidation> {
  const sheet = await parseRosterFile({ buffer: Buffer.from(text, 'utf8'), filename: 'a.csv' });
  return validateRoster(sheet, ctx);
}

const HEAD = '姓名,工号,性别,代表团,代表类别';

describe('validateRoster: the broken fixture', () => {
  it('reports every problem, each with its row, column and code, and a Chinese message', async () => {
    const buffer = readFileSync(join(FIXTURES, FIXTURE_FILES.broken));
    const sheet = await parseRosterFile({ buffer, filename: FIXTURE_FILES.broken });
    const result = validateRoster(sheet, context);
    expect(result.problems.map(({ row, column, code }) => ({ row, column, code }))).toEqual(
      BROKEN_PROBLEMS,
    );
    for (const p of result.problems)
      expect(p.message).toMatch(new RegExp(`^第 ${p.row} 行「${p.column}」：`));
    expect(result.problems.find((p) => p.code === 'UNKNOWN_GROUP')?.message).toBe(
      '第 6 行「代表团」：未知的代表团「三车间」',
    );
    expect(
      result.problems.find((p) => p.code === 'DUPLICATE_EMPLOYEE_NUMBER_IN_FILE')?.message,
    ).toBe('第 4 行「工号」：工号「20002」与第 3 行重复');
    // The rows without a problem are still typed, the blank row 21 is skipped.
    expect(result.rows.map((r) => r.row)).toEqual([3, 5, 19, 22]);
  });
});

describe('validateRoster: reading values', () => {
  it('trims, folds full-width employee numbers and tidies names', async () => {
    const { rows, problems } = await validateCsv(
      `${HEAD},手机\n  张\u3000三 ,１００２３,男,第一代表团,一线职工,138 0013 8000\n"Mary\n  Smith",ａ－０１,女,第一代表团,一线职工,+86-13800138000\n`,
    );
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.name, r.employeeNumber, r.phone])).toEqual([
      ['张三', '10023', '13800138000'],
      ['Mary Smith', 'a-01', '+8613800138000'],
    ]);
  });

  it('accepts the enum values, M/F, Y/N and other spellings', async () => {
    const { rows, problems } = await validateCsv(
      `${HEAD},劳务派遣,代表类型,主席团,监票人,团长\n` +
        `张三,1,M,第一代表团,technician,Y,delegate,yes,true,1\n` +
        `李四,2,female,第一代表团,中层管理人员,ｎｏ,代表,FALSE,0,否\n` +
        `王五,3,女,,,√,attendee,,,\n`,
    );
    expect(problems).toEqual([]);
    expect(
      rows.map((r) => [
        r.gender,
        r.category,
        r.dispatched,
        r.kind,
        r.presidium,
        r.teller,
        r.groupHead,
      ]),
    ).toEqual([
      [Gender.Male, DelegateCategory.Technician, true, RosterKind.Delegate, true, true, true],
      [
        Gender.Female,
        DelegateCategory.MiddleManager,
        false,
        RosterKind.Delegate,
        false,
        false,
        false,
      ],
      [Gender.Female, null, true, RosterKind.Attendee, false, false, false],
    ]);
  });

  it('matches group names regardless of spaces and width, and returns the stored spelling', async () => {
    const { rows, problems } = await validateCsv(`${HEAD}\n张三,1,男, 第一 代表团 ,一线职工\n`, {
      ...context,
      groups: ['第一代表团', 'ＩＴ中心'],
    });
    expect(problems).toEqual([]);
    expect(rows[0].groupName).toBe('第一代表团');
    const it = await validateCsv(`${HEAD}\n张三,1,男,it中心,一线职工\n`, {
      ...context,
      groups: ['ＩＴ中心'],
    });
    expect(it.rows[0].groupName).toBe('ＩＴ中心');
  });

  it('lets attendees leave out group, category and gender; blank 代表类型 means 代表', async () => {
    const { rows, problems } = await validateCsv(
      `姓名,工号,代表类型\n张三,1,列席代表\n李四,2,列席\n`,
    );
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.kind, r.groupName, r.category, r.gender])).toEqual([
      [RosterKind.Attendee, null, null, null],
      [RosterKind.Attendee, null, null, null],
    ]);
  });

  it('collects every employee number the file names, broken rows included, case and width folded', async () => {
    const { employeeNumbers } = await validateCsv(
      `${HEAD}\n张三,Ａ１２３,男,第一代表团,一线职工\n,b-7,男,第一代表团,一线职工\n`,
    );
    expect([...employeeNumbers]).toEqual(['a123', 'b-7']);
  });
});

describe('validateRoster: problems', () => {
  it('reports every problem of one row, not just the first', async () => {
    const { rows, problems } = await validateCsv(`${HEAD},劳务派遣,手机\n,,X,某团,某类,也许,abc\n`);
    expect(rows).toEqual([]);
    expect(problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, '姓名', 'MISSING_NAME'],
      [2, '工号', 'MISSING_EMPLOYEE_NUMBER'],
      [2, '性别', 'BAD_GENDER'],
      [2, '代表团', 'UNKNOWN_GROUP'],
      [2, '代表类别', 'UNKNOWN_CATEGORY'],
      [2, '劳务派遣', 'BAD_YES_NO'],
      [2, '手机', 'BAD_PHONE'],
    ]);
  });

  it('reports a column delegates need once, as a file problem, when the file has delegates', async () => {
    const { problems } = await validateCsv(`姓名,工号,性别\n张三,1,男\n李四,2,女\n`);
    expect(problems).toEqual([
      expect.objectContaining({ row: null, column: '代表团', code: 'MISSING_COLUMN' }),
      expect.objectContaining({ row: null, column: '代表类别', code: 'MISSING_COLUMN' }),
    ]);
  });

  it('limits lengths and employee-number characters', async () => {
    const long = 'A'.repeat(33);
    const { problems } = await validateCsv(
      `${HEAD},单位,备注\n张三,${long},男,第一代表团,一线职工,${'单'.repeat(101)},${'注'.repeat(501)}\n李四,10_1,男,第一代表团,一线职工,,\n`,
    );
    expect(problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, '工号', 'TOO_LONG'],
      [2, '单位', 'TOO_LONG'],
      [2, '备注', 'TOO_LONG'],
      [3, '工号', 'BAD_EMPLOYEE_NUMBER'],
    ]);
  });

  it('flags every repeat of an employee number against its first row', async () => {
    const { problems } = await validateCsv(
      `${HEAD}\n张三,7,男,第一代表团,一线职工\n李四,7,男,第一代表团,一线职工\n王五,７,男,第一代表团,一线职工\n`,
    );
    expect(problems.map((p) => p.message)).toEqual([
      '第 3 行「工号」：工号「7」与第 2 行重复',
      '第 4 行「工号」：工号「7」与第 2 行重复',
    ]);
  });

  it('passes file-level problems through and types no row', async () => {
    expect(await validateCsv('姓名\n张三\n')).toEqual({
      rows: [],
      problems: [expect.objectContaining({ code: 'NO_HEADER' })],
      employeeNumbers: new Set(),
    });
  });
});

describe('validateRoster: the headers the file has', () => {
  it('names a problem by the header the file writes, not the template one', async () => {
    const { problems } = await validateCsv(
      `代表姓名,员工编号,性别,代表组,类别\n张三,1,男,第九团,干部\n`,
    );
    expect(problems.map((p) => [p.column, p.field, p.message])).toEqual([
      ['代表组', 'groupName', '第 2 行「代表组」：未知的代表团「第九团」'],
      ['类别', 'category', '第 2 行「类别」：未知的代表类别「干部」'],
    ]);
  });

  it('says which two headers of the file are the same column', async () => {
    const { problems } = await validateCsv(`姓名,工号,代表类别,类别\n张三,1,一线职工,一线职工\n`);
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'DUPLICATE_COLUMN',
        column: '类别',
        field: 'category',
        message: '「代表类别」和「类别」是同一列（第 C 列和第 D 列），请删去一列',
      }),
    ]);
  });
});

describe('validateRoster: order', () => {
  it('lists problems by row, then in column order', async () => {
    const { problems } = await validateCsv(
      `${HEAD},代表类型\n,1,男,第一代表团,一线职工,嘉宾\n王,,x,第一代表团,一线职工,\n`,
    );
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, '姓名'],
      [2, '代表类型'],
      [3, '工号'],
      [3, '性别'],
    ]);
  });
});

describe('validateRoster: hidden characters and guarded formulas', () => {
  it('reports each cell holding a control, direction-changing or zero-width character', async () => {
    const group = FIXTURE_GROUPS[0]!;
    const result = await validateCsv(
      [
        HEAD,
        `王\u202e芳,E2001,女,${group},一线职工`,
        `李\u200b明,E2002,男,${group},一线职工`,
        `张三,E2003\u0007,男,${group},一线职工`,
        `赵四,E2004,男,${group},一线职工`,
      ].join('\n'),
    );
    expect(result.problems.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
      { row: 2, column: '姓名', code: 'HIDDEN_CHARACTER' },
      { row: 3, column: '姓名', code: 'HIDDEN_CHARACTER' },
      { row: 4, column: '工号', code: 'HIDDEN_CHARACTER' },
      // The control character also makes the employee number unreadable.
      { row: 4, column: '工号', code: 'BAD_EMPLOYEE_NUMBER' },
    ]);
    expect(result.problems[0]!.message).toContain('U+202E');
    expect(result.rows.map((r) => r.name)).toEqual(['赵四']);
  });

  it("reads an exported roster's guarded text back without the apostrophe", async () => {
    const group = FIXTURE_GROUPS[0]!;
    const result = await validateCsv(`${HEAD},备注\n王芳,E2001,女,${group},一线职工,'=1+1`);
    expect(result.problems).toEqual([]);
    expect(result.rows[0]!.note).toBe('=1+1');
  });
});
