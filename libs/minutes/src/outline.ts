/**
 * The minutes laid out as an official document's text, independent of the output format: the
 * PDF and DOCX renderers draw the same outline, so both say the same thing. Times are shown in
 * Asia/Shanghai (China has kept UTC+8 without daylight saving since 1991).
 */
import { zhNumeral } from '../../tally/src/index.js';
import { ALGORITHM_LABELS } from './algorithms.js';
import { talliesOf } from './assemble.js';
import { ITEM_KIND_LABELS, type Counts, type MinutesDocument, type Tally } from './model.js';
import {
  documentHash,
  ROLE_LABELS,
  shortFingerprint,
  type MinutesSignature,
} from './signatures.js';

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'table'; header: string[]; rows: string[][]; widths: number[] };

export interface SignatureLine {
  /** A teller's signature over one tally (else over the whole minutes). */
  tally: boolean;
  role: string;
  signer: string;
  what: string;
  time: string;
  algorithm: string;
  shortFingerprint: string;
  fingerprint: string;
}

export interface Outline {
  issuer: string;
  reference: string;
  title: string;
  blocks: Block[];
  signatures: SignatureLine[];
  documentHash: string;
  /** What the QR code on the signature page encodes. */
  qrText: string;
  finalisedAt: string;
}

const shanghai = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `2026-03-20 09:30` in Asia/Shanghai. */
export function shanghaiTime(iso: string): string {
  const p = Object.fromEntries(shanghai.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** `2026年3月20日` in Asia/Shanghai, as official documents date themselves. */
export function shanghaiDate(iso: string): string {
  const [y, m, d] = shanghaiTime(iso).slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** What the signature page's QR code holds: the document hash, prefixed with its algorithm. */
export const qrTextFor = (hash: string) => `congress-minutes:sha256:${hash}`;

export function outline(
  doc: MinutesDocument,
  signatures: readonly MinutesSignature[] = [],
): Outline {
  const blocks: Block[] = [];
  let n = 0;
  const heading = (text: string) =>
    blocks.push({ kind: 'heading', text: `${zhNumeral(++n)}、${text}` });
  const para = (text: string) => blocks.push({ kind: 'para', text });

  heading('会议基本情况');
  para(`会议名称：${doc.term.name}${doc.session.name}`);
  para(
    `会议时间：${shanghaiTime(doc.session.startsAt)}${doc.session.endsAt ? ` 至 ${shanghaiTime(doc.session.endsAt)}` : ''}（北京时间）`,
  );
  para(`会议地点：${doc.session.place}`);
  para(
    `主持人：${doc.chairs.map((c) => (c.title ? `${c.name}（${c.title}）` : c.name)).join('、')}`,
  );
  para(`记录人：${doc.recorder.name}`);
  if (doc.tellers.length > 0)
    para(
      `监票人：${doc.tellers.map((t) => (t.chief ? `${t.name}（总监票人）` : t.name)).join('、')}`,
    );

  const a = doc.attendance;
  heading('出席情况');
  para(
    `应到代表 ${a.total} 人，实到 ${a.present} 人，请假 ${a.absent.length} 人，未签到 ${a.notCheckedIn} 人；列席代表 ${a.attendeesPresent} 人。` +
      `${a.quorum.rule}，${a.quorum.met ? '出席人数符合规定，会议有效' : '出席人数不足，不得进行表决'}。`,
  );
  if (a.absent.length > 0)
    para(
      `请假代表：${a.absent.map((x) => `${x.name}${x.group ? `（${x.group}）` : ''}，${x.reason}`).join('；')}。`,
    );

  heading('会议议程及表决情况');
  for (const item of doc.agenda) {
    blocks.push({
      kind: 'subheading',
      text: `（${zhNumeral(item.position)}）${item.title}`,
    });
    para(
      `类别：${ITEM_KIND_LABELS[item.kind]}${item.presenter ? `；报告（说明）人：${item.presenter}` : ''}`,
    );
    if (item.circulatedAt) para(`分发时间：${shanghaiTime(item.circulatedAt)}`);
    if (item.late)
      para(
        `提前分发不足：会前 ${item.late.daysBefore} 天分发（规定 ${item.late.requiredDays} 天），原因：${item.late.reason}` +
          `${item.late.approvedBy ? `；经主席团成员 ${item.late.approvedBy} 同意付诸表决` : ''}。`,
      );
    if (item.discussion.trim()) para(`讨论情况：${item.discussion}`);
    for (const g of item.groupOpinions) para(`${g.group}意见：${g.text}`);
    for (const t of item.tallies) tallyBlocks(t, blocks);
  }

  const results = talliesOf(doc).filter(({ tally }) => tally.counts.kind !== 'motion');
  if (results.length > 0) {
    heading('选举和评议结果');
    for (const { tally } of results) para(`${tally.title}：${tally.outcome}。`);
  }

  if (doc.resolutions.length > 0) {
    heading('会议决议');
    for (const r of doc.resolutions) {
      blocks.push({ kind: 'subheading', text: `${r.number}\u3000${r.title}` });
      para(r.text);
    }
  }

  if (doc.circulation.length > 0 || doc.agendaChanges.length > 0) {
    heading('文件分发与议程变更');
    for (const v of doc.circulation)
      para(
        `第 ${v.number} 版议程于 ${shanghaiTime(v.circulatedAt)} 分发，会前 ${v.daysBefore} 天（规定 ${v.requiredDays} 天），` +
          `签收 ${v.receipts}/${v.recipients} 人${v.late ? `；分发不足规定天数，原因：${v.lateReason ?? ''}` : ''}。`,
      );
    for (const c of doc.agendaChanges)
      para(
        `${shanghaiTime(c.at)} 议程变更：${c.description}；原因：${c.reason}${c.approvedBy ? `；批准人：${c.approvedBy}` : ''}。`,
      );
  }

  if (doc.proposals) {
    const p = doc.proposals;
    heading('提案办理情况');
    para(
      `${p.title}：共收到 ${p.received.total} 件（提案 ${p.received.proposals} 件，意见建议 ${p.received.suggestions} 件，撤回 ${p.received.withdrawn} 件）；` +
        `立案 ${p.decisions.accepted} 件，合并 ${p.decisions.merged} 件，转为意见建议 ${p.decisions.converted} 件，不立案 ${p.decisions.rejected} 件，待审查 ${p.decisions.pending} 件。` +
        `${p.onTimeRate ? `${p.onTimeRate}；` : ''}${p.satisfactionRate ? `${p.satisfactionRate}。` : ''}`,
    );
    if (p.items.length > 0)
      blocks.push({
        kind: 'table',
        header: ['编号', '案由', '提案人', '审查结果', '承办部门', '评价'],
        widths: [1.2, 4, 1.3, 1.4, 2.2, 1.3],
        rows: p.items.map((x) => [
          x.number ?? '—',
          x.subject,
          x.proposer,
          x.decision ?? '—',
          x.departments.join('、') || '—',
          x.rating ?? '—',
        ]),
      });
  }

  if (doc.incidents.length > 0) {
    heading('会议中的其他情况');
    for (const x of doc.incidents)
      para(
        `${shanghaiTime(x.at)} ${x.description}${x.approvedBy ? `（批准人：${x.approvedBy}）` : ''}。`,
      );
  }

  for (const s of doc.narrative) {
    heading(s.heading);
    para(s.text);
  }
  if (doc.corrects)
    para(`本记录更正档案第 ${doc.corrects.seq} 号记录。更正原因：${doc.corrects.reason}`);

  const tallies = new Map(talliesOf(doc).map(({ tally }) => [tally.pollId, tally.title]));
  const hash = documentHash(doc);
  return {
    issuer: doc.issuer,
    reference: doc.reference,
    title: doc.title,
    blocks,
    documentHash: hash,
    qrText: qrTextFor(hash),
    finalisedAt: doc.finalisedAt,
    signatures: signatures.map((s) => ({
      tally: s.subject.kind === 'tally',
      role: ROLE_LABELS[s.role],
      signer: s.signer,
      what:
        s.subject.kind === 'minutes'
          ? '会议记录'
          : `计票结果：${tallies.get(s.subject.pollId) ?? s.subject.pollId}`,
      time: shanghaiTime(s.signedAt),
      algorithm: ALGORITHM_LABELS[s.algorithm],
      shortFingerprint: shortFingerprint(s.keyFingerprint),
      fingerprint: s.keyFingerprint,
    })),
  };
}

function methodText(t: Tally): string {
  const m = t.method;
  if (!m.secret) return '记名表决（公开）';
  const key =
    m.keyMode === 'custodian'
      ? `托管密钥（服务器持有唯一解密密钥，${m.custodianWarning ?? '不对运维方保密'}）`
      : '监票人分持密钥';
  return `无记名投票，${key}，选举密钥指纹 ${m.keyFingerprint ? shortFingerprint(m.keyFingerprint) : '—'}`;
}

function tallyBlocks(t: Tally, blocks: Block[]): void {
  const para = (text: string) => blocks.push({ kind: 'para', text });
  para(`表决：${t.title}（${shanghaiTime(t.openedAt)} 开始，${shanghaiTime(t.closedAt)} 结束）`);
  para(`表决方式：${methodText(t)}。发出选票 ${t.issued} 张，收回 ${t.cast} 张。`);
  para(countsText(t.counts));
  if (t.counts.kind === 'election')
    blocks.push({
      kind: 'table',
      header: ['候选人', '得票', '结果'],
      widths: [3, 1.5, 2],
      rows: t.counts.candidates.map((c) => [
        c.name,
        String(c.votes),
        c.status === 'elected' ? '当选' : c.status === 'runoff' ? '须另行选举' : '未当选',
      ]),
    });
  if (t.counts.kind === 'evaluation') {
    const grades = t.counts.grades;
    blocks.push({
      kind: 'table',
      header: ['被评议人', ...grades, '认可率', '标记'],
      widths: [2.2, ...grades.map(() => 1.1), 2.6, 0.9],
      rows: t.counts.persons.map((p) => [
        p.position ? `${p.name}（${p.position}）` : p.name,
        ...p.counts.map(String),
        p.approval ?? '—',
        p.flagged ? '是' : '否',
      ]),
    });
  }
  para(`适用规则：${t.rule}。`);
  para(`表决结果：${t.outcome}。`);
}

function countsText(c: Counts): string {
  if (c.kind === 'motion')
    return `赞成 ${c.for} 票，反对 ${c.against} 票，弃权 ${c.abstain} 票，无效 ${c.invalid} 票，未投票 ${c.notVoted} 人。`;
  if (c.kind === 'election')
    return `应选 ${c.seats} 名；有效票 ${c.valid} 张${c.blank === null ? '' : `（其中空白票 ${c.blank} 张）`}，无效票 ${c.invalid} 张，未投票 ${c.notVoted} 人。`;
  return `有效票 ${c.valid} 张，无效票 ${c.invalid} 张，未投票 ${c.notVoted} 人；评议等次：${c.grades.join('、')}。`;
}
