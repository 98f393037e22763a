/**
 * A completed 职代会质量评估 as DOCX, in the minutes' document style (libs/minutes
 * renderBlocksDocx): the counts per verdict, then each area's criteria with the verdict, the
 * automatic evidence, an override's reason and staff's notes. Pure: the caller passes the
 * assessment's view, the term's name and the moment of generation.
 */
import { type DocumentBlock, renderBlocksDocx } from '../common/minutes.js';
import { formatShanghai } from '../common/time.js';
import { AREA_LABELS, Area } from './criteria.js';
import type { AssessmentResponse, CriterionResponse } from './dto/assessment.responses.js';

export const assessmentTitle = (a: { year: number }) => `${a.year} 年度职代会质量评估`;

const zh = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** What a row says about how its verdict came about. */
function basis(c: CriterionResponse): string {
  const parts: string[] = [];
  if (c.evidence) parts.push(`自动评估：${c.autoVerdictLabel}。${c.evidence}`);
  if (c.overridden) parts.push(`改判为${c.verdictLabel}，理由：${c.overrideReason}`);
  if (c.note) parts.push(`说明：${c.note}`);
  return parts.join('\n') || '—';
}

export function assessmentBlocks(a: AssessmentResponse): DocumentBlock[] {
  const s = a.summary;
  const blocks: DocumentBlock[] = [
    { kind: 'heading', text: '一、评估结论汇总' },
    {
      kind: 'para',
      text:
        `共 ${s.total} 项：符合 ${s.meets} 项，部分符合 ${s.partly} 项，不符合 ${s.fails} 项，` +
        `不适用 ${s.na} 项。各项不加权，按项计数。`,
    },
  ];
  Object.values(Area).forEach((area, i) => {
    const rows = a.criteria.filter((c) => c.area === area);
    blocks.push({ kind: 'heading', text: `${zh[i + 1]}、${AREA_LABELS[area]}` });
    blocks.push({
      kind: 'table',
      header: ['编号', '评估内容', '结论', '依据与说明'],
      widths: [10, 38, 12, 40],
      rows: rows.map((c) => [c.code, c.text, c.verdictLabel ?? '未评估', basis(c)]),
    });
  });
  return blocks;
}

export async function renderAssessmentDocx(input: {
  assessment: AssessmentResponse;
  termName: string;
  generatedAt: Date;
}): Promise<Buffer> {
  const a = input.assessment;
  const completed = a.completedAt ? formatShanghai(new Date(a.completedAt)) : '未完成';
  const bytes = await renderBlocksDocx({
    title: assessmentTitle(a),
    subtitle:
      `${input.termName} · 第 ${a.version} 版 · 完成于 ${completed} · ` +
      `生成于 ${formatShanghai(input.generatedAt)}（北京时间）`,
    description: `职代会质量评估，第 ${a.version} 版`,
    blocks: assessmentBlocks(a),
  });
  return Buffer.from(bytes);
}
