import { formatShanghai, shanghaiDay } from '../common/time.js';
import { Verdict } from './verdict.js';

/**
 * The figures the automatic criteria are judged from, each asked of the module that owns it
 * (facts.service.ts). `sessions` are the term's sessions starting in the year (Asia/Shanghai).
 */
export interface AssessmentFacts {
  year: number;
  sessions: {
    name: string;
    startsAt: Date;
    /** In session, closed or archived. */
    held: boolean;
    /** The first circulation: days before the session and the days required; null if never circulated. */
    circulation: { daysBefore: number; requiredDays: number } | null;
  }[];
  /** 提案办理率 of the proposals tabled in the year. */
  proposals: { accepted: number; answered: number };
  /** Decisions (审议决定) of the term's joint meetings held in the year. */
  jointDecisions: { title: string; heldOn: string; confirmed: boolean }[];
  /** Findings of the term's inspection tours held in the year. */
  findings: { done: number; open: number; overdue: number };
  /** The year's annual plan lines by state. */
  plan: { onTime: number; late: number; missing: number; notDue: number };
  satisfaction: { pollTitle: string } | null;
}

export interface AutoVerdict {
  verdict: Verdict;
  evidence: string;
}

const percent = (n: number, of: number) => `${Math.round((n * 1000) / of) / 10}%`;

/** Every / none / some of `n` items passing: 符合 / 不符合 / 部分符合. */
const share = (passing: number, total: number): Verdict =>
  passing === total ? Verdict.Meets : passing === 0 ? Verdict.Fails : Verdict.Partly;

/**
 * The automatic criteria's verdicts with their evidence in words and figures, keyed by criterion
 * code (criteria.ts). Pure: `now` is the app's clock, used only to say whether the year is over.
 */
export function autoVerdicts(f: AssessmentFacts, now: Date): Record<string, AutoVerdict> {
  const yearOver = Number(shanghaiDay(now).slice(0, 4)) > f.year;
  const asOf = yearOver ? '' : `（截至 ${shanghaiDay(now)}）`;
  return {
    'HOLD-1': holding(f, asOf),
    'PRE-1': circulation(f),
    'POST-2': proposals(f),
    'INT-1': jointDecisions(f),
    'INT-2': findings(f),
    'OPEN-1': plan(f),
    'OPEN-3': f.satisfaction
      ? { verdict: Verdict.Meets, evidence: `已开展满意度测评：${f.satisfaction.pollTitle}` }
      : { verdict: Verdict.Fails, evidence: `本年度${asOf}未关联满意度测评` },
  };
}

// 召开: at least one session held in the year (企业民主管理规定: 每年至少召开一次).
function holding(f: AssessmentFacts, asOf: string): AutoVerdict {
  const held = f.sessions.filter((s) => s.held);
  if (held.length === 0)
    return { verdict: Verdict.Fails, evidence: `本年度${asOf}未召开职代会全体会议` };
  const list = held.map((s) => `${s.name}（${formatShanghai(s.startsAt).slice(0, 10)}）`);
  return { verdict: Verdict.Meets, evidence: `本年度召开 ${held.length} 次：${list.join('；')}` };
}

// 会前: every held session's documents circulated at least the required days before (7 by default).
function circulation(f: AssessmentFacts): AutoVerdict {
  const held = f.sessions.filter((s) => s.held);
  if (held.length === 0)
    return { verdict: Verdict.NotApplicable, evidence: '本年度没有已召开的会议' };
  const lines = held.map((s) => {
    const c = s.circulation;
    const name = s.name;
    if (!c) return `${name}：文件未经系统分发`;
    const late = c.daysBefore < c.requiredDays ? `，少于规定的 ${c.requiredDays} 天` : '';
    return `${name}：文件提前 ${c.daysBefore} 天送达${late}`;
  });
  const onTime = held.filter(
    (s) => s.circulation && s.circulation.daysBefore >= s.circulation.requiredDays,
  );
  return { verdict: share(onTime.length, held.length), evidence: lines.join('；') };
}

// 会后: accepted proposals answered (提案办理率).
function proposals(f: AssessmentFacts): AutoVerdict {
  const { accepted, answered } = f.proposals;
  if (accepted === 0) return { verdict: Verdict.NotApplicable, evidence: '本年度没有立案的提案' };
  return {
    verdict: share(answered, accepted),
    evidence: `立案 ${accepted} 件，已答复 ${answered} 件，办理率 ${percent(answered, accepted)}`,
  };
}

// 闭会期间: a joint meeting's decision is to be confirmed by the next session.
function jointDecisions(f: AssessmentFacts): AutoVerdict {
  const all = f.jointDecisions;
  if (all.length === 0)
    return { verdict: Verdict.NotApplicable, evidence: '本年度联席会议没有作出须确认的决定' };
  const pending = all.filter((d) => !d.confirmed);
  const tail = pending.length
    ? `；待确认：${pending.map((d) => `${d.title}（${d.heldOn}）`).join('、')}`
    : '';
  return {
    verdict: share(all.length - pending.length, all.length),
    evidence: `联席会议决定 ${all.length} 项，已经职代会确认 ${all.length - pending.length} 项${tail}`,
  };
}

// 闭会期间: inspection findings closed; one overdue is not 符合.
function findings(f: AssessmentFacts): AutoVerdict {
  const { done, open, overdue } = f.findings;
  const total = done + open;
  if (total === 0)
    return { verdict: Verdict.NotApplicable, evidence: '本年度巡视检查没有发现问题' };
  const verdict =
    done === total ? Verdict.Meets : done === 0 && overdue > 0 ? Verdict.Fails : Verdict.Partly;
  return {
    verdict,
    evidence: `发现问题 ${total} 个，已办结 ${done} 个，未办结 ${open} 个（其中逾期 ${overdue} 个）`,
  };
}

// 厂务公开: the plan's due lines published on time.
function plan(f: AssessmentFacts): AutoVerdict {
  const { onTime, late, missing, notDue } = f.plan;
  const due = onTime + late + missing;
  if (due === 0) return { verdict: Verdict.NotApplicable, evidence: '本年度没有已到期的计划项' };
  return {
    verdict: share(onTime, due),
    evidence:
      `已到期计划项 ${due} 项：按时公开 ${onTime} 项，逾期公开 ${late} 项，到期未公开 ${missing} 项` +
      `，按时公开率 ${percent(onTime, due)}` +
      (notDue ? `；未到期 ${notDue} 项` : ''),
  };
}
