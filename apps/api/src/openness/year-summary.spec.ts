import { describe, expect, it } from '@jest/globals';
import { strFromU8, unzipSync } from 'fflate';
import { record, rectified } from './record-fixture.js';
import { renderYearSummary, type YearSummaryInput } from './year-summary.js';

/** The text of word/document.xml, one line per paragraph. */
async function docxText(input: YearSummaryInput): Promise<string> {
  const xml = strFromU8(
    unzipSync(new Uint8Array(await renderYearSummary(input)))['word/document.xml']!,
  );
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&');
}

const base: YearSummaryInput = {
  year: 2026,
  // A fixed clock: the draft says when it was generated, in Beijing time.
  generatedAt: new Date('2026-12-31T08:00:00.000Z'),
  records: [record, rectified],
  plan: { onTime: 3, late: 1, missing: 1, notDue: 2, missingTitles: ['11月加班费发放'] },
  satisfaction: {
    pollTitle: '2026年度厂务公开工作满意度测评',
    figures: {
      satisfied: 6,
      basicallySatisfied: 2,
      unsatisfied: 1,
      notRated: 1,
      valid: 10,
      invalid: 1,
      percent: 80,
    },
  },
  proposals: { accepted: 8, answered: 6, percent: 75 },
};

describe("the year's 厂务公开工作总结（草稿） as DOCX", () => {
  it('gives the numbers from the records and marks the parts the union writes', async () => {
    const text = await docxText(base);
    expect(text).toContain('2026 年度厂务公开工作总结（草稿）');
    expect(text).toContain('根据厂务公开记录生成于 2026-12-31 16:00（北京时间）');
    expect(text).toContain('全年公开事项 2 项');
    // By category and by level.
    expect(text).toContain('财务收支（业务费、办公费、车辆费）\n1');
    expect(text).toContain('职工切身利益（考勤、加班、夜班）\n1');
    expect(text).toContain('公司\n1');
    expect(text).toContain('车间\n1');
    // On time against the plan: 3 of the 5 lines due.
    expect(text).toContain(
      '年度公开计划共 7 项，其中已到期 5 项：按时公开 3 项，逾期公开 1 项，到期未公开 1 项；尚未到期 2 项。',
    );
    expect(text).toContain('按时公开率（按时公开 ÷ 已到期）为 60%');
    expect(text).toContain('到期未公开的计划项：11月加班费发放。');
    expect(text).toContain('提出意见 4 条、提问 2 个，已答复 1 个，未答复 1 个');
    expect(text).toContain('整改措施 2 项：已完成 1 项，未完成 1 项（其中逾期 1 项）');
    expect(text).toContain('未完成：修订考勤制度（人力资源部，2026-11-25 前），已逾期');
    expect(text).toContain('有效票 10 张：满意 6 票，基本满意 2 票，不满意 1 票，未评 1 票');
    expect(text).toContain('满意率（满意与基本满意之和 ÷ 有效票）为 80%');
    expect(text).toContain(
      '本年度立案提案 8 件，已答复或办结 6 件，办理率（已答复或办结 ÷ 立案）为 75%',
    );
    expect(text.match(/【待填写：/g)).toHaveLength(6);
    expect(text).toContain('【待填写：下一年度的工作打算】');
  });

  it('leaves a gap for the rating when there is none, and says when a rate cannot be computed', async () => {
    const text = await docxText({
      ...base,
      records: [],
      plan: { onTime: 0, late: 0, missing: 0, notDue: 0, missingTitles: [] },
      satisfaction: null,
      proposals: { accepted: 0, answered: 0, percent: null },
    });
    expect(text).toContain(
      '【待填写：本年度尚未进行满意度测评，或测评结果未与本年度关联；请说明】',
    );
    expect(text).toContain('按时公开率（按时公开 ÷ 已到期）为 无法计算');
    expect(text).toContain('办理率（已答复或办结 ÷ 立案）为 无法计算');
    expect(text).not.toContain('到期未公开的计划项');
  });
});
