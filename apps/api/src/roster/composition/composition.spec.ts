import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DelegateCategory, DelegateStatus, Gender, RosterKind } from '../roster.enums.js';
import {
  type CompositionDelegate,
  type CompositionInput,
  type RuleCheck,
  type RuleId,
  composeReport,
  worstOutcome,
} from './composition.js';
import { CompositionError } from './composition-error.js';

let nextId = 0;

/** `n` serving male front-line delegates, with overrides. */
function people(n: number, over: Partial<CompositionDelegate> = {}): CompositionDelegate[] {
  return Array.from({ length: n }, () => ({
    id: `d${++nextId}`,
    category: DelegateCategory.FrontLine,
    gender: Gender.Male,
    dispatched: false,
    presidium: false,
    status: DelegateStatus.Serving,
    kind: RosterKind.Delegate,
    ...over,
  }));
}

/** A roster that passes every rule unless a test changes one thing. */
function input(over: Partial<CompositionInput> = {}): CompositionInput {
  return {
    formulaId: 'national',
    workforce: { employees: 600, women: 0, dispatched: 0 },
    delegates: [...people(27), ...people(3, { presidium: true })],
    ...over,
  };
}

function rule(inp: CompositionInput, id: RuleId): RuleCheck {
  const r = composeReport(inp).rules.find((x) => x.id === id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
}

const managers = (n: number) => people(n, { category: DelegateCategory.MiddleManager });
const leaders = (n: number) => people(n, { category: DelegateCategory.Leader });

describe('scope: who counts', () => {
  it('counts only serving voting delegates and says how many were left out', () => {
    const report = composeReport(
      input({
        delegates: [
          ...people(30),
          ...people(2, { kind: RosterKind.Attendee }),
          ...people(1, { kind: RosterKind.Attendee, status: DelegateStatus.Left }),
          ...people(1, { status: DelegateStatus.Recalled }),
          ...people(1, { status: DelegateStatus.Replaced, category: DelegateCategory.Leader }),
          ...people(1, { status: DelegateStatus.Left, presidium: true }),
        ],
      }),
    );
    expect(report.counts).toMatchObject({
      listed: 36,
      delegates: 30,
      excluded: 6,
      excludedAttendees: 3,
      excludedNotServing: 3,
      managersAndLeaders: 0,
      presidium: 0,
      presidiumExcluded: 1,
    });
    const size = report.rules.find((r) => r.id === 'size')!;
    expect(size.explanation).toContain('另有列席代表 3 人、非在任代表 3 人不计入');
    expect(report.rules.find((r) => r.id === 'presidium_composition')!.explanation).toContain(
      '另有 1 名标记为主席团成员',
    );
  });

  it('counts categories, genders, dispatched workers and presidium members', () => {
    const report = composeReport(
      input({
        delegates: [
          ...people(10, { gender: Gender.Female }),
          ...people(5, { category: DelegateCategory.Technician, presidium: true }),
          ...people(4, { category: DelegateCategory.Manager, dispatched: true }),
          ...managers(3),
          ...leaders(2).map((d) => ({ ...d, presidium: true })),
          ...people(6, { category: null }),
        ],
      }),
    );
    expect(report.counts).toMatchObject({
      delegates: 30,
      byCategory: { front_line: 10, technician: 5, manager: 4, middle_manager: 3, leader: 2 },
      uncategorised: 6,
      managersAndLeaders: 5,
      women: 10,
      men: 20,
      dispatched: 4,
      presidium: 7,
      presidiumQualifying: 5,
      presidiumUncategorised: 0,
    });
  });

  it('reports the formula and its requirement', () => {
    const report = composeReport(input({ formulaId: 'shanghai' }));
    expect(report.formula.id).toBe('shanghai');
    expect(report.requirement.minimum).toBe(55);
    expect(report.rules.map((r) => r.id)).toEqual([
      'size',
      'managers_share',
      'women_share',
      'dispatched_share',
      'presidium_composition',
    ]);
  });

  it('the baseline roster passes everything', () => {
    const report = composeReport(input());
    expect(report.rules.map((r) => r.outcome)).toEqual(Array(5).fill('pass'));
    expect(report.worst).toBe('pass');
  });
});

describe('rule: size', () => {
  const sized = (employees: number, delegates: number, formulaId = 'national') =>
    rule(
      input({
        formulaId,
        workforce: { employees, women: 0, dispatched: 0 },
        delegates: people(delegates),
      }),
      'size',
    );

  it('national, 600 employees: 30 passes, 29 is a violation', () => {
    expect(sized(600, 30).outcome).toBe('pass');
    const r = sized(600, 29);
    expect(r.outcome).toBe('violation');
    expect(r.numbers).toMatchObject({ employees: 600, delegates: 29, minimum: 30, shortfall: 1 });
    expect(r.explanation).toContain('在任职工代表 29 人，少于要求的 30 人（差 1 人）');
    expect(r.source).toContain('[N]');
  });

  it('national, 601 employees: needs 31 (5% rounded up)', () => {
    expect(sized(601, 30).outcome).toBe('violation');
    expect(sized(601, 31).outcome).toBe('pass');
    expect(sized(601, 31).numbers.minimum).toBe(31);
  });

  it('national, 2,000 employees: 100 passes, 99 is a violation, 101 needs agreement', () => {
    expect(sized(2000, 100).outcome).toBe('pass');
    expect(sized(2000, 99).outcome).toBe('violation');
    const above = sized(2000, 101);
    expect(above.outcome).toBe('warning');
    expect(above.explanation).toContain('须协商确定');
  });

  it('national, 2,001 employees: 101 is a warning (above 100 by agreement), 100 too, 99 a violation', () => {
    const full = sized(2001, 101);
    expect(full.outcome).toBe('warning');
    expect(full.numbers).toMatchObject({ minimum: 101, agreementAbove: 100 });
    expect(full.explanation).toContain('须协商确定');
    const atLine = sized(2001, 100);
    expect(atLine.outcome).toBe('warning');
    expect(atLine.explanation).toContain('按比例应不少于 101 人');
    expect(sized(2001, 99).outcome).toBe('violation');
    expect(sized(2001, 99).explanation).toContain('少于要求的 100 人');
  });

  it('Shanghai at its steps', () => {
    expect(sized(199, 30, 'shanghai').outcome).toBe('pass');
    expect(sized(200, 34, 'shanghai').outcome).toBe('violation');
    expect(sized(200, 35, 'shanghai').outcome).toBe('pass');
    expect(sized(3000, 174, 'shanghai').outcome).toBe('violation');
    expect(sized(3001, 175, 'shanghai').outcome).toBe('pass');
    // No agreement clause: a large roster is simply fine.
    expect(sized(5000, 250, 'shanghai').outcome).toBe('pass');
  });

  it('Zhejiang at its steps', () => {
    expect(sized(99, 30, 'zhejiang').outcome).toBe('pass');
    expect(sized(100, 39, 'zhejiang').outcome).toBe('violation');
    expect(sized(100, 40, 'zhejiang').outcome).toBe('pass');
    expect(sized(1000, 102, 'zhejiang').outcome).toBe('violation');
    expect(sized(1000, 103, 'zhejiang').outcome).toBe('pass');
  });

  it('custom formula from the union settings', () => {
    const inp = input({
      formulaId: 'custom',
      customFormula: { base: 35, perHundred: 4, from: 200, min: 40 },
      workforce: { employees: 400, women: 0, dispatched: 0 },
      delegates: people(42),
    });
    expect(rule(inp, 'size')).toMatchObject({ outcome: 'violation', numbers: { minimum: 43 } });
    expect(rule({ ...inp, delegates: people(43) }, 'size').outcome).toBe('pass');
  });

  it('a small enterprise can be all employees', () => {
    expect(sized(20, 20).outcome).toBe('pass');
    expect(sized(20, 19).outcome).toBe('violation');
  });

  it('warns when the workforce is missing or smaller than the roster', () => {
    expect(sized(0, 30).outcome).toBe('warning');
    expect(sized(0, 30).explanation).toContain('尚未填写职工总数');
    const more = sized(25, 26);
    expect(more.outcome).toBe('warning');
    expect(more.explanation).toContain('多于职工总数');
  });

  it('an empty roster is a violation', () => {
    expect(sized(600, 0).outcome).toBe('violation');
  });
});

describe('rule: managers_share (at most 20%)', () => {
  const share = (m: number, total: number, extra: CompositionDelegate[] = []) =>
    rule(
      input({
        workforce: { employees: 10_000, women: 0, dispatched: 0 },
        delegates: [...managers(m), ...people(total - m - extra.length), ...extra],
      }),
      'managers_share',
    );

  it.each([
    [20, 100, 'pass'],
    [21, 100, 'violation'],
    [19, 100, 'pass'],
    [1, 5, 'pass'],
    [2, 9, 'violation'],
    [2, 10, 'pass'],
    [0, 30, 'pass'],
    [201, 1004, 'violation'], // displays as 20.0% but is above the limit
  ] as const)('%i of %i: %s', (m, total, outcome) => {
    expect(share(m, total).outcome).toBe(outcome);
  });

  it('counts leaders together with middle managers', () => {
    const r = rule(
      input({ delegates: [...managers(10), ...leaders(11), ...people(79)] }),
      'managers_share',
    );
    expect(r.outcome).toBe('violation');
    expect(r.numbers).toMatchObject({ managersAndLeaders: 21, middleManagers: 10, leaders: 11 });
  });

  it('explains with the numbers', () => {
    const r = share(22, 106);
    expect(r.explanation).toBe(
      '中层以上管理人员和企业领导人员 22 人，占代表总数 20.8%（代表 106 人，20% 即最多 21 人），超过 20% 上限',
    );
    expect(r.numbers).toMatchObject({ sharePercent: 20.8, maxAllowed: 21, limitPercent: 20 });
    expect(share(20, 100).explanation).toContain('恰好达到 20% 上限');
    expect(share(201, 1004).explanation).toContain('最多 200 人');
  });

  it('warns when a delegate has no category, unless already a violation', () => {
    const missing = share(1, 10, people(1, { category: null }));
    expect(missing.outcome).toBe('warning');
    expect(missing.explanation).toContain('另有 1 名代表未填写类别');
    expect(share(3, 10, people(1, { category: null })).outcome).toBe('violation');
  });

  it('warns on an empty roster', () => {
    expect(share(0, 0).outcome).toBe('warning');
  });

  it('agrees with the exact rational comparison', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.nat(400), (total, raw) => {
        const m = raw % (total + 1);
        const outcome = share(m, total).outcome;
        expect(outcome).toBe(m / total <= 0.2 + Number.EPSILON ? 'pass' : 'violation');
      }),
      { numRuns: 200 },
    );
  });
});

describe('rule: women_share (at least their workforce share)', () => {
  const women = (
    w: number,
    total: number,
    workforceWomen: number,
    employees: number,
    f = 'national',
  ) =>
    rule(
      input({
        formulaId: f,
        workforce: { employees, women: workforceWomen, dispatched: 0 },
        delegates: [...people(w, { gender: Gender.Female }), ...people(total - w)],
      }),
      'women_share',
    );

  it('exactly equal passes', () => {
    const r = women(15, 50, 300, 1000);
    expect(r.outcome).toBe('pass');
    expect(r.numbers).toMatchObject({
      delegateSharePercent: 30,
      workforceSharePercent: 30,
      neededWomen: 15,
    });
  });

  it('one below is a warning under national and Shanghai, a violation under Zhejiang', () => {
    expect(women(14, 50, 300, 1000).outcome).toBe('warning');
    expect(women(14, 50, 300, 1000, 'shanghai').outcome).toBe('warning');
    const zj = women(14, 50, 300, 1000, 'zhejiang');
    expect(zj.outcome).toBe('violation');
    expect(zj.explanation).toContain('按比例至少应有 15 名女职工代表（差 1 人）');
    expect(women(15, 50, 300, 1000, 'zhejiang').outcome).toBe('pass');
  });

  it('compares exactly, not on rounded percentages', () => {
    // 1/3 of the workforce; 33 of 100 delegates is below, though both look like 33%.
    expect(women(33, 100, 1, 3).outcome).toBe('warning');
    expect(women(34, 100, 1, 3).outcome).toBe('pass');
    // 333 of 1000 workers are women; 1 of 3 delegates is above.
    expect(women(1, 3, 333, 1000).outcome).toBe('pass');
  });

  it('the binding setting overrides the formula default', () => {
    const inp = input({
      workforce: { employees: 1000, women: 500, dispatched: 0 },
      delegates: people(30),
      womenShareBinding: true,
    });
    expect(rule(inp, 'women_share').outcome).toBe('violation');
    expect(
      rule(
        { ...inp, formulaId: 'zhejiang', womenShareBinding: false, delegates: people(40) },
        'women_share',
      ).outcome,
    ).toBe('warning');
  });

  it('no women in the workforce passes; missing workforce or roster warns', () => {
    expect(women(0, 30, 0, 600).outcome).toBe('pass');
    expect(women(0, 0, 100, 600).outcome).toBe('warning');
    expect(
      rule(input({ workforce: { employees: 0, women: 0, dispatched: 0 } }), 'women_share').outcome,
    ).toBe('warning');
  });
});

describe('rule: dispatched_share (a fitting share: at least half their workforce share)', () => {
  const disp = (d: number, total: number, workforceDispatched: number, employees: number) =>
    rule(
      input({
        workforce: { employees, women: 0, dispatched: workforceDispatched },
        delegates: [...people(d, { dispatched: true }), ...people(total - d)],
      }),
      'dispatched_share',
    );

  it('no dispatched workers: passes', () => {
    expect(disp(0, 30, 0, 600).outcome).toBe('pass');
  });

  it('dispatched workers but no dispatched delegate: warning', () => {
    const r = disp(0, 100, 10, 1000);
    expect(r.outcome).toBe('warning');
    expect(r.explanation).toContain('但代表中没有劳务派遣职工');
  });

  it('at half the workforce share passes, below warns', () => {
    // Workforce 20% dispatched; half is 10%: 10 of 100 delegates passes, 9 warns.
    expect(disp(10, 100, 200, 1000).outcome).toBe('pass');
    const r = disp(9, 100, 200, 1000);
    expect(r.outcome).toBe('warning');
    expect(r.numbers).toMatchObject({ neededDispatched: 10, halfWorkforceSharePercent: 10 });
    expect(r.explanation).toContain('至少应有 10 人');
    // Half of 15% is 7.5%: 3 of 40 (7.5%) passes, 2 of 40 warns.
    expect(disp(3, 40, 150, 1000).outcome).toBe('pass');
    expect(disp(2, 40, 150, 1000).outcome).toBe('warning');
  });

  it('dispatched delegates with no dispatched workforce: asks to check', () => {
    const r = disp(2, 30, 0, 600);
    expect(r.outcome).toBe('warning');
    expect(r.explanation).toContain('请核对');
  });

  it('warns on an empty roster', () => {
    expect(disp(0, 0, 10, 600).outcome).toBe('warning');
  });
});

describe('rule: presidium_composition (at least half front-line, technician or manager)', () => {
  const presidium = (qualifying: number, others: number, uncategorised = 0) =>
    rule(
      input({
        delegates: [
          ...people(qualifying, { presidium: true, category: DelegateCategory.Technician }),
          ...people(others, { presidium: true, category: DelegateCategory.Leader }),
          ...people(uncategorised, { presidium: true, category: null }),
          ...people(40),
        ],
        workforce: { employees: 10_000, women: 0, dispatched: 0 },
      }),
      'presidium_composition',
    );

  it.each([
    [5, 5, 'pass'], // exactly half
    [4, 5, 'violation'],
    [5, 4, 'pass'],
    [1, 1, 'pass'],
    [0, 1, 'violation'],
    [3, 4, 'violation'],
    [4, 3, 'pass'],
  ] as const)('%i qualifying of %i others: %s', (q, o, outcome) => {
    expect(presidium(q, o).outcome).toBe(outcome);
  });

  it('counts front-line workers, technicians and managers, not middle managers', () => {
    const r = rule(
      input({
        delegates: [
          ...people(1, { presidium: true, category: DelegateCategory.FrontLine }),
          ...people(1, { presidium: true, category: DelegateCategory.Manager }),
          ...people(3, { presidium: true, category: DelegateCategory.MiddleManager }),
          ...people(30),
        ],
      }),
      'presidium_composition',
    );
    expect(r.outcome).toBe('violation');
    expect(r.numbers).toMatchObject({ presidium: 5, qualifying: 2, neededQualifying: 3 });
    expect(r.explanation).toBe(
      '主席团成员 5 人，其中一线职工、专业技术人员和管理人员 2 人，占 40.0%（半数即至少 3 人），不足半数',
    );
  });

  it('no presidium members: warning', () => {
    const r = presidium(0, 0);
    expect(r.outcome).toBe('warning');
    expect(r.explanation).toContain('尚未确定主席团');
  });

  it('members without a category: warning, unless even they could not make half', () => {
    expect(presidium(4, 5, 1).outcome).toBe('warning'); // 4 + 1 of 10 could be half
    expect(presidium(5, 4, 1).outcome).toBe('warning'); // passes, but data incomplete
    expect(presidium(5, 4, 1).explanation).toContain('已达半数');
    expect(presidium(3, 6, 1).outcome).toBe('violation'); // 3 + 1 of 10 cannot
  });
});

describe('worst outcome', () => {
  it('is the most severe rule outcome', () => {
    expect(worstOutcome([])).toBe('pass');
    expect(worstOutcome([{ outcome: 'pass' }, { outcome: 'warning' }])).toBe('warning');
    expect(worstOutcome([{ outcome: 'violation' }, { outcome: 'warning' }])).toBe('violation');
  });

  it('a report with one violation and one warning is a violation', () => {
    const report = composeReport(input({ delegates: people(29) }));
    expect(report.rules.find((r) => r.id === 'presidium_composition')!.outcome).toBe('warning');
    expect(report.worst).toBe('violation');
  });
});

describe('input validation', () => {
  it.each([
    [{ employees: -1, women: 0, dispatched: 0 }, /employees/],
    [{ employees: 10.5, women: 0, dispatched: 0 }, /employees/],
    [{ employees: 100, women: 101, dispatched: 0 }, /women/],
    [{ employees: 100, women: 0, dispatched: 101 }, /dispatched/],
  ])('refuses workforce %p', (workforce, message) => {
    expect(() => composeReport(input({ workforce }))).toThrow(message);
  });

  it('refuses duplicate ids, an unknown formula, custom without settings', () => {
    const [a] = people(1);
    expect(() => composeReport(input({ delegates: [a!, a!] }))).toThrow(CompositionError);
    expect(() => composeReport(input({ formulaId: 'beijing' }))).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_SIZE_FORMULA' }),
    );
    expect(() => composeReport(input({ formulaId: 'custom' }))).toThrow(CompositionError);
  });

  it('never mutates its input and is deterministic', () => {
    const inp = input();
    const copy = structuredClone(inp);
    const first = composeReport(inp);
    expect(inp).toEqual(copy);
    expect(composeReport(inp)).toEqual(first);
  });
});
