/**
 * validateMinutes: every problem of a minutes document as a field error (path + Chinese message),
 * an empty list when it is valid. Shape first, then the sums the record must satisfy (attendance
 * adds up, counts add up to the ballots cast, the custodian warning is present when it applies).
 */
import { isHex, isIsoUtc } from './bytes.js';
import {
  CUSTODIAN_WARNING,
  ITEM_KINDS,
  MINUTES_FORMAT,
  MINUTES_VERSION,
  type Counts,
  type MinutesDocument,
  type Tally,
} from './model.js';

export interface FieldError {
  /** JSON path, e.g. `agenda[2].tallies[0].counts.for`. */
  field: string;
  message: string;
}

type Obj = Record<string, unknown>;

/** Collects errors while walking the document; each check returns whether the value was usable. */
class Checker {
  readonly errors: FieldError[] = [];
  fail(field: string, message: string): false {
    this.errors.push({ field, message });
    return false;
  }
  object(v: unknown, field: string): v is Obj {
    return (
      (typeof v === 'object' && v !== null && !Array.isArray(v)) || this.fail(field, '应为对象')
    );
  }
  array(v: unknown, field: string): v is unknown[] {
    return Array.isArray(v) || this.fail(field, '应为数组');
  }
  text(v: unknown, field: string, opts: { empty?: boolean; max?: number } = {}): v is string {
    if (typeof v !== 'string') return this.fail(field, '应为文本');
    if (!opts.empty && v.trim() === '') return this.fail(field, '不能为空');
    if (v.length > (opts.max ?? 100_000))
      return this.fail(field, `不能超过 ${opts.max ?? 100_000} 个字符`);
    return true;
  }
  optionalText(v: unknown, field: string): boolean {
    return v === undefined || this.text(v, field);
  }
  nullableText(v: unknown, field: string): boolean {
    return v === null || this.text(v, field);
  }
  count(v: unknown, field: string): v is number {
    return (Number.isSafeInteger(v) && (v as number) >= 0) || this.fail(field, '应为非负整数');
  }
  time(v: unknown, field: string): v is string {
    return (
      isIsoUtc(v) || this.fail(field, '应为 UTC 时间（ISO 8601，如 2026-03-20T01:30:00.000Z）')
    );
  }
  nullableTime(v: unknown, field: string): boolean {
    return v === null || this.time(v, field);
  }
  bool(v: unknown, field: string): v is boolean {
    return typeof v === 'boolean' || this.fail(field, '应为 true 或 false');
  }
  oneOf<T extends string>(v: unknown, allowed: readonly T[], field: string): v is T {
    return allowed.includes(v as T) || this.fail(field, `应为以下之一：${allowed.join('、')}`);
  }
  list<T>(v: unknown, field: string, each: (x: unknown, path: string) => T): void {
    if (this.array(v, field)) v.forEach((x, i) => each(x, `${field}[${i}]`));
  }
  person(v: unknown, field: string): void {
    if (!this.object(v, field)) return;
    this.text(v.name, `${field}.name`, { max: 100 });
    this.optionalText(v.title, `${field}.title`);
  }
}

export function validateMinutes(doc: unknown): FieldError[] {
  const c = new Checker();
  if (!c.object(doc, '$')) return c.errors;
  if (doc.format !== MINUTES_FORMAT) c.fail('format', `应为 ${MINUTES_FORMAT}`);
  if (doc.version !== MINUTES_VERSION) c.fail('version', `应为 ${MINUTES_VERSION}`);
  for (const f of ['id', 'reference', 'issuer', 'title'] as const) c.text(doc[f], f, { max: 500 });
  if (c.object(doc.term, 'term')) {
    c.text(doc.term.id, 'term.id');
    c.text(doc.term.name, 'term.name');
  }
  if (c.object(doc.session, 'session')) {
    const s = doc.session;
    c.text(s.id, 'session.id');
    c.text(s.name, 'session.name');
    c.time(s.startsAt, 'session.startsAt');
    c.nullableTime(s.endsAt, 'session.endsAt');
    c.text(s.place, 'session.place');
  }
  attendance(c, doc.attendance);
  if (c.array(doc.chairs, 'chairs')) {
    if (doc.chairs.length === 0) c.fail('chairs', '至少应有一名主持人（执行主席）');
    doc.chairs.forEach((p, i) => c.person(p, `chairs[${i}]`));
  }
  c.person(doc.recorder, 'recorder');
  c.list(doc.tellers, 'tellers', (t, f) => {
    c.person(t, f);
    if (typeof t === 'object' && t !== null) c.bool((t as Obj).chief, `${f}.chief`);
  });
  if (
    Array.isArray(doc.tellers) &&
    doc.tellers.filter((t) => (t as Obj)?.chief === true).length > 1
  )
    c.fail('tellers', '总监票人只能有一名');

  const itemIds = agenda(c, doc.agenda);
  c.list(doc.resolutions, 'resolutions', (r, f) => {
    if (!c.object(r, f)) return;
    c.text(r.number, `${f}.number`, { max: 50 });
    c.text(r.title, `${f}.title`, { max: 500 });
    c.text(r.text, `${f}.text`);
    if (r.itemId !== null && c.text(r.itemId, `${f}.itemId`) && !itemIds.has(r.itemId))
      c.fail(`${f}.itemId`, '所指议程项不存在');
  });
  c.list(doc.circulation, 'circulation', (v, f) => {
    if (!c.object(v, f)) return;
    c.count(v.number, `${f}.number`);
    c.time(v.circulatedAt, `${f}.circulatedAt`);
    for (const k of ['daysBefore', 'requiredDays', 'receipts', 'recipients'] as const)
      c.count(v[k], `${f}.${k}`);
    if (c.bool(v.late, `${f}.late`) && v.late) c.text(v.lateReason, `${f}.lateReason`);
    else c.nullableText(v.lateReason, `${f}.lateReason`);
    if (!isHex(v.hash)) c.fail(`${f}.hash`, '应为十六进制哈希值');
    if (
      typeof v.receipts === 'number' &&
      typeof v.recipients === 'number' &&
      v.receipts > v.recipients
    )
      c.fail(`${f}.receipts`, '签收人数不能多于应签收人数');
  });
  c.list(doc.agendaChanges, 'agendaChanges', (v, f) => {
    if (!c.object(v, f)) return;
    c.time(v.at, `${f}.at`);
    c.text(v.description, `${f}.description`);
    c.text(v.reason, `${f}.reason`);
    c.nullableText(v.approvedBy, `${f}.approvedBy`);
  });
  if (doc.proposals !== null) proposals(c, doc.proposals);
  c.list(doc.incidents, 'incidents', (v, f) => {
    if (!c.object(v, f)) return;
    c.time(v.at, `${f}.at`);
    c.text(v.kind, `${f}.kind`, { max: 50 });
    c.text(v.description, `${f}.description`);
    c.nullableText(v.approvedBy, `${f}.approvedBy`);
  });
  c.list(doc.narrative, 'narrative', (v, f) => {
    if (!c.object(v, f)) return;
    c.text(v.heading, `${f}.heading`, { max: 200 });
    c.text(v.text, `${f}.text`);
  });
  c.time(doc.finalisedAt, 'finalisedAt');
  if (doc.corrects !== null && c.object(doc.corrects, 'corrects')) {
    if (!Number.isSafeInteger(doc.corrects.seq) || (doc.corrects.seq as number) < 1)
      c.fail('corrects.seq', '应为正整数（被更正记录的档案序号）');
    c.text(doc.corrects.reason, 'corrects.reason');
  }
  const known = new Set([
    'format',
    'version',
    'id',
    'reference',
    'issuer',
    'title',
    'term',
    'session',
    'attendance',
    'chairs',
    'recorder',
    'tellers',
    'agenda',
    'resolutions',
    'circulation',
    'agendaChanges',
    'proposals',
    'incidents',
    'narrative',
    'finalisedAt',
    'corrects',
  ]);
  for (const k of Object.keys(doc)) if (!known.has(k)) c.fail(k, '未知字段');
  for (const k of known) if (!(k in doc)) c.fail(k, '缺少字段');
  return c.errors;
}

/** Type guard: the document has no field errors. */
export const isValidMinutes = (doc: unknown): doc is MinutesDocument =>
  validateMinutes(doc).length === 0;

function attendance(c: Checker, a: unknown): void {
  if (!c.object(a, 'attendance')) return;
  const ok = [
    c.count(a.total, 'attendance.total'),
    c.count(a.present, 'attendance.present'),
    c.count(a.notCheckedIn, 'attendance.notCheckedIn'),
    c.count(a.attendeesPresent, 'attendance.attendeesPresent'),
  ].every(Boolean);
  c.list(a.absent, 'attendance.absent', (x, f) => {
    if (!c.object(x, f)) return;
    c.text(x.name, `${f}.name`);
    c.optionalText(x.group, `${f}.group`);
    c.text(x.reason, `${f}.reason`);
  });
  if (ok && Array.isArray(a.absent)) {
    const sum = (a.present as number) + a.absent.length + (a.notCheckedIn as number);
    if (sum !== a.total)
      c.fail('attendance', `出席 + 请假 + 未签到（${sum}）应等于代表总数（${a.total as number}）`);
  }
  if (c.object(a.quorum, 'attendance.quorum')) {
    const q = a.quorum;
    c.text(q.rule, 'attendance.quorum.rule');
    if (
      c.count(q.required, 'attendance.quorum.required') &&
      c.bool(q.met, 'attendance.quorum.met') &&
      ok
    )
      if (q.met !== (a.present as number) >= q.required)
        c.fail('attendance.quorum.met', '与出席人数和法定人数不符');
  }
}

function agenda(c: Checker, items: unknown): Set<string> {
  const ids = new Set<string>();
  if (!c.array(items, 'agenda')) return ids;
  items.forEach((item, i) => {
    const f = `agenda[${i}]`;
    if (!c.object(item, f)) return;
    if (c.text(item.id, `${f}.id`)) {
      if (ids.has(item.id)) c.fail(`${f}.id`, '议程项编号重复');
      ids.add(item.id);
    }
    if (item.position !== i + 1) c.fail(`${f}.position`, `应为 ${i + 1}（议程按顺序编号）`);
    c.oneOf(item.kind, ITEM_KINDS, `${f}.kind`);
    c.text(item.title, `${f}.title`, { max: 500 });
    c.nullableText(item.presenter, `${f}.presenter`);
    c.nullableTime(item.circulatedAt, `${f}.circulatedAt`);
    if (item.late !== null && c.object(item.late, `${f}.late`)) {
      c.count(item.late.daysBefore, `${f}.late.daysBefore`);
      c.count(item.late.requiredDays, `${f}.late.requiredDays`);
      c.text(item.late.reason, `${f}.late.reason`);
      c.nullableText(item.late.approvedBy, `${f}.late.approvedBy`);
    }
    c.text(item.discussion, `${f}.discussion`, { empty: true });
    c.list(item.groupOpinions, `${f}.groupOpinions`, (g, gf) => {
      if (!c.object(g, gf)) return;
      c.text(g.group, `${gf}.group`);
      c.text(g.text, `${gf}.text`);
    });
    c.list(item.tallies, `${f}.tallies`, (t, tf) => tally(c, t, tf));
    const voted = ['approve', 'decide', 'evaluate', 'elect'].includes(item.kind as string);
    if (!voted && Array.isArray(item.tallies) && item.tallies.length > 0)
      c.fail(`${f}.tallies`, '报告和审议建议类议程不表决');
  });
  return ids;
}

function tally(c: Checker, t: unknown, f: string): void {
  if (!c.object(t, f)) return;
  c.text(t.pollId, `${f}.pollId`);
  c.text(t.title, `${f}.title`);
  c.time(t.openedAt, `${f}.openedAt`);
  c.time(t.closedAt, `${f}.closedAt`);
  const cnt = c.count(t.issued, `${f}.issued`) && c.count(t.cast, `${f}.cast`);
  c.text(t.rule, `${f}.rule`);
  c.text(t.outcome, `${f}.outcome`);
  if (t.passed !== null) c.bool(t.passed, `${f}.passed`);
  if (c.object(t.method, `${f}.method`)) {
    const m = t.method;
    const mf = `${f}.method`;
    if (c.bool(m.secret, `${mf}.secret`) && m.secret) {
      c.oneOf(m.keyMode, ['tellers', 'custodian'] as const, `${mf}.keyMode`);
      if (!isHex(m.keyFingerprint, 32))
        c.fail(`${mf}.keyFingerprint`, '应为 32 字节的十六进制密钥指纹');
      const want = m.keyMode === 'custodian' ? CUSTODIAN_WARNING : null;
      if (m.custodianWarning !== want)
        c.fail(`${mf}.custodianWarning`, want ? `托管模式必须注明“${want}”` : '仅托管模式注明');
    } else if (m.secret === false) {
      if (m.keyMode !== null) c.fail(`${mf}.keyMode`, '记名表决没有密钥');
      if (m.keyFingerprint !== null) c.fail(`${mf}.keyFingerprint`, '记名表决没有密钥');
      if (m.custodianWarning !== null) c.fail(`${mf}.custodianWarning`, '记名表决不适用');
    }
  }
  if (c.object(t.counts, `${f}.counts`) && cnt)
    counts(c, t.counts, `${f}.counts`, t as unknown as Tally);
}

function counts(c: Checker, k: Obj, f: string, t: Tally): void {
  if (!c.oneOf(k.kind, ['motion', 'election', 'evaluation'] as const, `${f}.kind`)) return;
  const tf = f.replace(/\.counts$/, '');
  if (k.kind === 'motion' && typeof t.passed !== 'boolean')
    c.fail(`${tf}.passed`, '表决应写明是否通过');
  if (k.kind !== 'motion' && t.passed !== null)
    c.fail(`${tf}.passed`, '选举和评议不适用，应为 null');
  const n = (key: string) => c.count(k[key], `${f}.${key}`);
  if (k.kind === 'motion') {
    if (['for', 'against', 'abstain', 'invalid', 'notVoted'].map(n).every(Boolean)) {
      const m = k as unknown as Counts & { kind: 'motion' };
      if (m.for + m.against + m.abstain + m.invalid !== t.cast)
        c.fail(f, '赞成 + 反对 + 弃权 + 无效应等于收回票数');
    }
    return;
  }
  const base = ['valid', 'invalid', 'notVoted'].map(n).every(Boolean);
  if (base && (k.valid as number) + (k.invalid as number) !== t.cast)
    c.fail(f, '有效票 + 无效票应等于收回票数');
  if (k.kind === 'election') {
    if (!Number.isSafeInteger(k.seats) || (k.seats as number) < 1)
      c.fail(`${f}.seats`, '应为正整数');
    if (k.blank !== null) n('blank');
    const ids = new Set<string>();
    c.list(k.candidates, `${f}.candidates`, (x, cf) => {
      if (!c.object(x, cf)) return;
      if (c.text(x.id, `${cf}.id`) && ids.has(x.id)) c.fail(`${cf}.id`, '候选人重复');
      ids.add(x.id as string);
      c.text(x.name, `${cf}.name`);
      if (c.count(x.votes, `${cf}.votes`) && base && x.votes > (k.valid as number))
        c.fail(`${cf}.votes`, '得票数不能多于有效票');
      c.oneOf(x.status, ['elected', 'not-elected', 'runoff'] as const, `${cf}.status`);
    });
    return;
  }
  let grades = 0;
  if (c.array(k.grades, `${f}.grades`)) {
    grades = k.grades.length;
    if (grades < 2) c.fail(`${f}.grades`, '评议等次至少两个');
    k.grades.forEach((g, i) => c.text(g, `${f}.grades[${i}]`));
  }
  c.list(k.persons, `${f}.persons`, (p, pf) => {
    if (!c.object(p, pf)) return;
    c.text(p.id, `${pf}.id`);
    c.text(p.name, `${pf}.name`);
    c.optionalText(p.position, `${pf}.position`);
    c.nullableText(p.approval, `${pf}.approval`);
    c.bool(p.flagged, `${pf}.flagged`);
    if (!c.array(p.counts, `${pf}.counts`)) return;
    if (p.counts.length !== grades) c.fail(`${pf}.counts`, `应有 ${grades} 个等次的票数`);
    if (p.counts.every((x, i) => c.count(x, `${pf}.counts[${i}]`)) && base) {
      const sum = (p.counts as number[]).reduce((a, b) => a + b, 0);
      if (sum > (k.valid as number)) c.fail(`${pf}.counts`, '各等次票数之和不能多于有效票');
    }
  });
}

function proposals(c: Checker, p: unknown): void {
  if (!c.object(p, 'proposals')) return;
  c.text(p.title, 'proposals.title');
  for (const [group, keys] of [
    ['received', ['total', 'proposals', 'suggestions', 'withdrawn']],
    ['decisions', ['accepted', 'merged', 'converted', 'rejected', 'pending']],
  ] as const) {
    const o = p[group];
    if (c.object(o, `proposals.${group}`))
      for (const k of keys) c.count(o[k], `proposals.${group}.${k}`);
  }
  c.nullableText(p.onTimeRate, 'proposals.onTimeRate');
  c.nullableText(p.satisfactionRate, 'proposals.satisfactionRate');
  c.list(p.items, 'proposals.items', (x, f) => {
    if (!c.object(x, f)) return;
    c.nullableText(x.number, `${f}.number`);
    c.text(x.subject, `${f}.subject`);
    c.text(x.proposer, `${f}.proposer`);
    c.nullableText(x.decision, `${f}.decision`);
    c.nullableText(x.rating, `${f}.rating`);
    c.list(x.departments, `${f}.departments`, (d, df) => c.text(d, df));
  });
}
