import { describe, expect, it } from '@jest/globals';
import { type AssessmentFacts, autoVerdicts } from './assessment-rule.js';
import { CRITERIA } from './criteria.js';
import { Verdict } from './verdict.js';

// The app's clock, fixed: 2026-12-02 10:00 in Beijing, the year 2026 not over.
const now = new Date('2026-12-02T02:00:00.000Z');
const after = new Date('2027-01-05T02:00:00.000Z');

const base: AssessmentFacts = {
  year: 2026,
  sessions: [
    {
      name: '一届三次职代会',
      startsAt: new Date('2026-03-20T01:00:00.000Z'),
      held: true,
      circulation: { daysBefore: 9, requiredDays: 7 },
    },
  ],
  proposals: { accepted: 4, answered: 4 },
  jointDecisions: [{ title: '食堂改造方案', heldOn: '2026-06-10', confirmed: true }],
  findings: { done: 2, open: 0, overdue: 0 },
  plan: { onTime: 10, late: 0, missing: 0, notDue: 2 },
  satisfaction: { pollTitle: '2026 年度厂务公开满意度测评' },
};

describe('the automatic criteria of the quality self-assessment (docs/between-sessions.md)', () => {
  it('judges exactly the criteria marked automatic', () => {
    expect(Object.keys(autoVerdicts(base, now)).sort()).toEqual(
      CRITERIA.filter((c) => c.auto)
        .map((c) => c.code)
        .sort(),
    );
  });

  it('a year where everything was done is 符合 throughout, with the figures as evidence', () => {
    const v = autoVerdicts(base, now);
    for (const code of Object.keys(v))
      expect([code, v[code]!.verdict]).toEqual([code, Verdict.Meets]);
    expect(v['HOLD-1']!.evidence).toBe('本年度召开 1 次：一届三次职代会（2026-03-20）');
    expect(v['PRE-1']!.evidence).toBe('一届三次职代会：文件提前 9 天送达');
    expect(v['POST-2']!.evidence).toBe('立案 4 件，已答复 4 件，办理率 100%');
    expect(v['OPEN-1']!.evidence).toContain('按时公开率 100%；未到期 2 项');
  });

  it('召开 (at least one session a year): none held is 不符合, saying the year is not over yet', () => {
    const v = autoVerdicts({ ...base, sessions: [{ ...base.sessions[0]!, held: false }] }, now);
    expect(v['HOLD-1']).toEqual({
      verdict: Verdict.Fails,
      evidence: '本年度（截至 2026-12-02）未召开职代会全体会议',
    });
    expect(autoVerdicts({ ...base, sessions: [] }, after)['HOLD-1']!.evidence).toBe(
      '本年度未召开职代会全体会议',
    );
  });

  it('会前 (documents 7 days before, rules.md): one late of two is 部分符合, none circulated 不符合, none held 不适用', () => {
    const late = {
      ...base.sessions[0]!,
      name: '一届四次职代会',
      circulation: { daysBefore: 5, requiredDays: 7 },
    };
    const v = autoVerdicts({ ...base, sessions: [base.sessions[0]!, late] }, now)['PRE-1']!;
    expect(v.verdict).toBe(Verdict.Partly);
    expect(v.evidence).toBe(
      '一届三次职代会：文件提前 9 天送达；一届四次职代会：文件提前 5 天送达，少于规定的 7 天',
    );
    const never = { ...base.sessions[0]!, circulation: null };
    expect(autoVerdicts({ ...base, sessions: [never] }, now)['PRE-1']).toEqual({
      verdict: Verdict.Fails,
      evidence: '一届三次职代会：文件未经系统分发',
    });
    expect(autoVerdicts({ ...base, sessions: [] }, now)['PRE-1']!.verdict).toBe(
      Verdict.NotApplicable,
    );
  });

  it('会后 (提案办理率): some answered is 部分符合, none tabled 不适用', () => {
    expect(
      autoVerdicts({ ...base, proposals: { accepted: 3, answered: 2 } }, now)['POST-2'],
    ).toEqual({
      verdict: Verdict.Partly,
      evidence: '立案 3 件，已答复 2 件，办理率 66.7%',
    });
    expect(
      autoVerdicts({ ...base, proposals: { accepted: 2, answered: 0 } }, now)['POST-2']!.verdict,
    ).toBe(Verdict.Fails);
    expect(
      autoVerdicts({ ...base, proposals: { accepted: 0, answered: 0 } }, now)['POST-2']!.verdict,
    ).toBe(Verdict.NotApplicable);
  });

  it('闭会期间 (joint decisions confirmed by the next session): pending ones are named', () => {
    const v = autoVerdicts(
      {
        ...base,
        jointDecisions: [
          ...base.jointDecisions,
          { title: '夜班补贴调整', heldOn: '2026-10-08', confirmed: false },
        ],
      },
      now,
    )['INT-1']!;
    expect(v).toEqual({
      verdict: Verdict.Partly,
      evidence: '联席会议决定 2 项，已经职代会确认 1 项；待确认：夜班补贴调整（2026-10-08）',
    });
    expect(autoVerdicts({ ...base, jointDecisions: [] }, now)['INT-1']!.verdict).toBe(
      Verdict.NotApplicable,
    );
  });

  it('闭会期间 (inspection findings closed): open ones are 部分符合, all open and overdue 不符合', () => {
    expect(
      autoVerdicts({ ...base, findings: { done: 1, open: 1, overdue: 1 } }, now)['INT-2'],
    ).toEqual({
      verdict: Verdict.Partly,
      evidence: '发现问题 2 个，已办结 1 个，未办结 1 个（其中逾期 1 个）',
    });
    expect(
      autoVerdicts({ ...base, findings: { done: 0, open: 2, overdue: 1 } }, now)['INT-2']!.verdict,
    ).toBe(Verdict.Fails);
    expect(
      autoVerdicts({ ...base, findings: { done: 0, open: 0, overdue: 0 } }, now)['INT-2']!.verdict,
    ).toBe(Verdict.NotApplicable);
  });

  it('厂务公开 (plan on time): late or missing lines make it 部分符合; nothing due is 不适用', () => {
    const v = autoVerdicts({ ...base, plan: { onTime: 6, late: 1, missing: 1, notDue: 0 } }, now)[
      'OPEN-1'
    ]!;
    expect(v).toEqual({
      verdict: Verdict.Partly,
      evidence: '已到期计划项 8 项：按时公开 6 项，逾期公开 1 项，到期未公开 1 项，按时公开率 75%',
    });
    expect(
      autoVerdicts({ ...base, plan: { onTime: 0, late: 0, missing: 0, notDue: 5 } }, now)['OPEN-1']!
        .verdict,
    ).toBe(Verdict.NotApplicable);
  });

  it('厂务公开 (satisfaction rating done): no rating linked to the year is 不符合', () => {
    expect(autoVerdicts({ ...base, satisfaction: null }, now)['OPEN-3']).toEqual({
      verdict: Verdict.Fails,
      evidence: '本年度（截至 2026-12-02）未关联满意度测评',
    });
  });
});
