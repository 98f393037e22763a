import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import { safeCellText, toCsv } from '../common/spreadsheet-text.js';
import { Repository } from 'typeorm';
import { formatShanghai, SHANGHAI_OFFSET_MS, shanghaiDay } from '../common/time.js';
import { SessionsService } from '../congress/sessions.service.js';
import { TermsService } from '../congress/terms.service.js';
import { ProposalDecision, ProposalKind } from './proposal.enums.js';
import { Proposal } from './proposal.entity.js';
import { ProposalStatus } from './proposal-status.js';
import {
  type HandlingFigures,
  type ProposalStatistics,
  rate,
  type Rate,
  type ReportItem,
  reportItem,
  statistics,
} from './proposal-stats.js';
import { ProposalStore } from './proposal-store.js';
import { type ProposalBundle, ProposalViews } from './proposal-views.js';

export interface ProposalReport extends ProposalStatistics {
  title: string;
  session: { id: string; name: string; startsAt: string; startsAtLocal: string };
  generatedAt: string;
  received: { total: number; proposals: number; suggestions: number; withdrawn: number };
  decisions: Record<ProposalDecision, number> & { pending: number };
  items: ReportItem[];
}

/** 提案办理率 of a calendar year, for 厂务公开's summary of the year. */
export interface YearHandling {
  year: number;
  /** Proposals (not suggestions) tabled in the year (Asia/Shanghai) and accepted (立案). */
  accepted: number;
  /** Of those, answered (答复) or closed (办结). */
  answered: number;
  /** answered / accepted. */
  handlingRate: Rate;
  handling: HandlingFigures;
}

/** The columns of the proposal list export (XLSX and CSV). */
const EXPORT_COLUMNS = [
  { header: '编号', width: 11 },
  { header: '类型', width: 9 },
  { header: '案由', width: 40 },
  { header: '类别', width: 16 },
  { header: '提案人', width: 10 },
  { header: '代表团', width: 16 },
  { header: '附议人', width: 24 },
  { header: '提出时间', width: 17 },
  { header: '状态', width: 12 },
  { header: '审查结果', width: 12 },
  { header: '审查意见/不立案理由', width: 30 },
  { header: '承办部门', width: 20 },
  { header: '办理期限', width: 12 },
  { header: '答复日期', width: 12 },
  { header: '按期答复', width: 9 },
  { header: '退回重办', width: 9 },
  { header: '评价', width: 10 },
  { header: '已公开', width: 8 },
];

/** Statistics, the 提案办理情况报告 for the minutes, and the XLSX list (staff, secretaries). */
@Injectable()
export class ReportingService {
  constructor(
    @InjectRepository(Proposal) private readonly proposals: Repository<Proposal>,
    private readonly store: ProposalStore,
    private readonly views: ProposalViews,
    private readonly terms: TermsService,
    private readonly sessions: SessionsService,
  ) {}

  async statistics(
    termId: string,
    sessionId: string | undefined,
    kind: ProposalKind = ProposalKind.Proposal,
  ): Promise<
    ProposalStatistics & { termId: string; sessionId: string | null; kind: ProposalKind }
  > {
    const bundles = (await this.load(termId, sessionId)).filter((b) => b.proposal.kind === kind);
    return { termId, sessionId: sessionId ?? null, kind, ...statistics(bundles, this.today()) };
  }

  async report(sessionId: string): Promise<ProposalReport> {
    const session = await this.sessions.get(sessionId);
    const bundles = await this.load(session.termId, sessionId);
    const count = (f: (p: Proposal) => boolean) => bundles.filter((b) => f(b.proposal)).length;
    const reported = bundles.filter((b) => b.proposal.status !== ProposalStatus.Withdrawn);
    return {
      title: `${session.name}提案办理情况报告`,
      session: {
        id: session.id,
        name: session.name,
        startsAt: session.startsAt.toISOString(),
        startsAtLocal: formatShanghai(session.startsAt),
      },
      generatedAt: this.store.now().toISOString(),
      received: {
        total: bundles.length,
        proposals: count((p) => p.kind === ProposalKind.Proposal),
        suggestions: count((p) => p.kind === ProposalKind.Suggestion),
        withdrawn: count((p) => p.status === ProposalStatus.Withdrawn),
      },
      decisions: {
        [ProposalDecision.Accepted]: count((p) => p.decision === ProposalDecision.Accepted),
        [ProposalDecision.Merged]: count((p) => p.decision === ProposalDecision.Merged),
        [ProposalDecision.Converted]: count((p) => p.decision === ProposalDecision.Converted),
        [ProposalDecision.Rejected]: count((p) => p.decision === ProposalDecision.Rejected),
        pending: count(
          (p) =>
            p.status === ProposalStatus.AwaitingCosigners || p.status === ProposalStatus.Submitted,
        ),
      },
      ...statistics(bundles, this.today()),
      items: reported.map(reportItem),
    };
  }

  /** 提案办理率 of the proposals tabled in `year` (Asia/Shanghai), across terms and sessions. */
  async yearHandling(year: number): Promise<YearHandling> {
    const start = (y: number) => new Date(Date.UTC(y, 0, 1) - SHANGHAI_OFFSET_MS);
    const accepted = await this.proposals
      .createQueryBuilder('p')
      .where('p.kind = :kind AND p.decision = :decision', {
        kind: ProposalKind.Proposal,
        decision: ProposalDecision.Accepted,
      })
      .andWhere('p.tabled_at >= :from AND p.tabled_at < :to', {
        from: start(year),
        to: start(year + 1),
      })
      .getMany();
    const answered = accepted.filter(
      (p) => p.status === ProposalStatus.Answered || p.status === ProposalStatus.Closed,
    ).length;
    const bundles = await this.views.load(accepted);
    return {
      year,
      accepted: accepted.length,
      answered,
      handlingRate: rate(answered, accepted.length),
      handling: statistics(bundles, this.today()).handling,
    };
  }

  /** The export's rows, formula-like text guarded: the same for the XLSX and the CSV. */
  private async exportRows(termId: string, sessionId?: string): Promise<string[][]> {
    const bundles = await this.load(termId, sessionId);
    return bundles.map((b) => {
      const item = reportItem(b);
      const depts = item.departments;
      const join = (f: (d: (typeof depts)[number]) => string) => depts.map(f).join('\n');
      return [
        item.number ?? '',
        item.kindLabel,
        item.subject,
        item.categoryLabel,
        item.proposerName,
        item.groupName ?? '',
        item.cosignerNames.join('、'),
        b.proposal.tabledAt ? formatShanghai(b.proposal.tabledAt) : '',
        item.statusLabel,
        item.decisionLabel ?? '',
        item.decisionNote ?? (item.mergedInto ? `并入 ${item.mergedInto}` : ''),
        join((d) => d.name),
        join((d) => d.dueOn),
        join((d) => d.answeredOn ?? '未答复'),
        join((d) => (d.onTime === null ? '' : d.onTime ? '是' : '否')),
        join((d) => (d.sentBack ? '是' : '否')),
        join((d) => d.rating ?? ''),
        b.proposal.publishedAt ? '是' : '否',
      ].map(safeCellText);
    });
  }

  async exportCsv(termId: string, sessionId?: string): Promise<Buffer> {
    return toCsv([
      EXPORT_COLUMNS.map((c) => c.header),
      ...(await this.exportRows(termId, sessionId)),
    ]);
  }

  async exportXlsx(termId: string, sessionId?: string): Promise<Buffer> {
    const rows = await this.exportRows(termId, sessionId);
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('提案办理情况');
    ws.columns = EXPORT_COLUMNS;
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    for (const cells of rows) ws.addRow(cells).alignment = { vertical: 'top', wrapText: true };
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  /** Tabled proposals (no drafts) of a term, or of one of its sessions, in number order. */
  private async load(termId: string, sessionId?: string): Promise<ProposalBundle[]> {
    await this.terms.get(termId);
    if (sessionId) await this.sessions.get(sessionId);
    const query = this.proposals
      .createQueryBuilder('p')
      .where('p.term_id = :termId', { termId })
      .andWhere('p.tabled_at IS NOT NULL')
      .orderBy('p.number', 'ASC', 'NULLS LAST')
      .addOrderBy('p.tabled_at', 'ASC');
    if (sessionId) query.andWhere('p.session_id = :sessionId', { sessionId });
    return this.views.load(await query.getMany());
  }

  private today(): string {
    return shanghaiDay(this.store.now());
  }
}
