/**
 * 厂务公开工作总结（草稿）of a year as DOCX (the `docx` package): the numbers the records give —
 * items by category and level, publication on time against the annual plan, questions and
 * answers, rectification done and open, the satisfaction rating, proposals' handling rate — and,
 * marked 【待填写：…】 and highlighted, the parts the union writes in its own words. Pure: the
 * caller collects the figures and passes the moment of generation.
 */
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { formatShanghai } from '../common/time.js';
import type { RecordResponse } from './dto/openness.responses.js';
import type { SatisfactionFigures } from './satisfaction.js';

export interface YearSummaryInput {
  year: number;
  generatedAt: Date;
  records: RecordResponse[];
  /** Plan lines by state, and the titles of the lines due and not published. */
  plan: { onTime: number; late: number; missing: number; notDue: number; missingTitles: string[] };
  satisfaction: { pollTitle: string; figures: SatisfactionFigures } | null;
  proposals: { accepted: number; answered: number; percent: number | null };
}

export const summaryTitle = (year: number) => `${year} 年度厂务公开工作总结（草稿）`;

const FONT = { ascii: 'Noto Sans SC', eastAsia: 'Noto Sans SC', hAnsi: 'Noto Sans SC' };
const run = (text: string, opts: { bold?: boolean; size?: number; gap?: boolean } = {}) =>
  new TextRun({
    text,
    font: FONT,
    bold: opts.bold,
    size: (opts.size ?? 12) * 2,
    highlight: opts.gap ? 'yellow' : undefined,
  });
const para = (...children: TextRun[]) =>
  new Paragraph({ children, indent: { firstLine: 480 }, spacing: { line: 360 } });
const heading = (text: string) =>
  new Paragraph({ children: [run(text, { bold: true, size: 14 })], spacing: { before: 240 } });
/** A part the union writes itself: visible, and easy to find before the draft becomes final. */
const gap = (what: string) => para(run(`【待填写：${what}】`, { gap: true }));

/** `x%`, one decimal, or 无法计算 when there is nothing to divide by. */
export const percentOf = (count: number, of: number): string =>
  of === 0 ? '无法计算' : `${Math.round((count * 1000) / of) / 10}%`;

function countBy(
  records: RecordResponse[],
  key: (r: RecordResponse) => string,
): [string, number][] {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
  return [...counts];
}

function table(header: string[], rows: string[][]): Table {
  const cell = (text: string, bold: boolean) =>
    new TableCell({
      width: { size: Math.round(5000 / header.length), type: WidthType.PERCENTAGE },
      children: [new Paragraph({ children: [run(text, { bold, size: 10.5 })] })],
    });
  return new Table({
    width: { size: 5000, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c, false)) })),
    ],
  });
}

/** The body, section by section; each number says what it is counted from. */
export function summaryBlocks(input: YearSummaryInput): (Paragraph | Table)[] {
  const { records, plan } = input;
  const questions = records.flatMap((r) => r.questions);
  const answered = questions.filter((q) => q.answer !== null).length;
  const comments = records.reduce((n, r) => n + r.commentCount, 0);
  const measures = records.flatMap((r) => r.measures);
  const done = measures.filter((m) => m.status === 'done');
  const open = measures.filter((m) => m.status !== 'done');
  const overdue = open.filter((m) => m.overdue);
  const due = plan.onTime + plan.late + plan.missing;
  const s = input.satisfaction;
  const p = input.proposals;
  return [
    heading('一、基本情况'),
    gap('本年度厂务公开工作的总体情况，领导小组、监督检查小组和工会的工作'),
    para(
      run(
        `全年公开事项 ${records.length} 项（按公开期开始日期计，${input.year} 年内公开的事项）。按类别和层级如下：`,
      ),
    ),
    table(
      ['类别', '项数'],
      countBy(records, (r) => r.categoryLabel).map(([k, n]) => [k, String(n)]),
    ),
    table(
      ['层级', '项数'],
      countBy(records, (r) => r.levelLabel).map(([k, n]) => [k, String(n)]),
    ),

    heading('二、按年度公开计划公开的情况'),
    para(
      run(
        `年度公开计划共 ${due + plan.notDue} 项，其中已到期 ${due} 项：按时公开 ${plan.onTime} 项，` +
          `逾期公开 ${plan.late} 项，到期未公开 ${plan.missing} 项；尚未到期 ${plan.notDue} 项。` +
          `按时公开率（按时公开 ÷ 已到期）为 ${percentOf(plan.onTime, due)}。`,
      ),
    ),
    ...(plan.missingTitles.length
      ? [para(run(`到期未公开的计划项：${plan.missingTitles.join('；')}。`))]
      : []),
    gap('逾期公开和到期未公开的原因及改进措施'),

    heading('三、职工意见和答复'),
    para(
      run(
        `职工通过意见箱提出意见 ${comments} 条、提问 ${questions.length} 个，` +
          `已答复 ${answered} 个，未答复 ${questions.length - answered} 个。`,
      ),
    ),
    gap('职工关心的主要问题和答复情况的概括'),

    heading('四、整改落实情况'),
    para(
      run(
        `整改措施 ${measures.length} 项：已完成 ${done.length} 项，未完成 ${open.length} 项` +
          `（其中逾期 ${overdue.length} 项）。`,
      ),
    ),
    ...open.map((m) =>
      para(
        run(
          `未完成：${m.description}（${m.departmentName || m.ownerName}，${m.dueOn} 前）` +
            (m.overdue ? '，已逾期' : ''),
        ),
      ),
    ),
    gap('整改取得的成效'),

    heading('五、满意度测评'),
    s
      ? para(
          run(
            `本年度在职工代表中以无记名投票进行满意度测评（${s.pollTitle}），有效票 ${s.figures.valid} 张：` +
              `满意 ${s.figures.satisfied} 票，基本满意 ${s.figures.basicallySatisfied} 票，` +
              `不满意 ${s.figures.unsatisfied} 票，未评 ${s.figures.notRated} 票。` +
              `满意率（满意与基本满意之和 ÷ 有效票）为 ` +
              (s.figures.percent === null ? '无法计算' : `${s.figures.percent}%`) +
              '。',
          ),
        )
      : gap('本年度尚未进行满意度测评，或测评结果未与本年度关联；请说明'),

    heading('六、职工代表提案办理情况'),
    para(
      run(
        `本年度立案提案 ${p.accepted} 件，已答复或办结 ${p.answered} 件，办理率（已答复或办结 ÷ 立案）为 ` +
          (p.percent === null ? '无法计算' : `${p.percent}%`) +
          '。',
      ),
    ),

    heading('七、存在的问题和下一步打算'),
    gap('存在的问题'),
    gap('下一年度的工作打算'),
  ];
}

export async function renderYearSummary(input: YearSummaryInput): Promise<Buffer> {
  const title = summaryTitle(input.year);
  const doc = new Document({
    creator: '职代会 Congress app',
    title,
    description: '由厂务公开记录生成的草稿，黄色标出的部分由工会填写',
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [run(title, { bold: true, size: 18 })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              run(
                `根据厂务公开记录生成于 ${formatShanghai(input.generatedAt)}（北京时间）；` +
                  '标有【待填写】的部分请用本单位自己的话写明，定稿前删除本行。',
                { size: 9 },
              ),
            ],
          }),
          ...summaryBlocks(input),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
