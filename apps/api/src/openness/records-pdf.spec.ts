import { describe, expect, it } from '@jest/globals';
import { pdfItems, pdfPlacedItems } from '../../../../test/utils/pdf-text.js';
import type { RecordResponse } from './dto/openness.responses.js';
import { record, rectified } from './record-fixture.js';
import { renderRecordsPdf, wrapLines } from './records-pdf.js';

const generatedAt = new Date('2026-12-31T08:00:00.000Z');
const FOOT_MARGIN = 60;

describe("the year's 厂务公开记录表 as PDF", () => {
  it('has one form per item, read back by pdf.js: what, when, where, to whom, questions, answers, measures, hash', async () => {
    const pdf = await renderRecordsPdf({ year: 2026, records: [record, rectified], generatedAt });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pdfItems(pdf)).join('\n');
    expect(text).toContain('2026 年度厂务公开记录表');
    expect(text).toContain('共 2 项 · 生成时间 2026-12-31 16:00（北京时间）');
    expect(text).toContain('记录表 1：10月业务招待费');
    expect(text).toContain('记录表 2：夜班补贴标准调整');
    for (const label of [
      '公开事项',
      '公开时间',
      '公开单位、层级与形式',
      '公开范围',
      '职工提问与答复',
      '整改措施',
      '办理结果',
      '内容 SHA-256',
    ])
      expect(text.split(label).length - 1).toBe(2);
    expect(text).toContain('2026-11-20 至 2026-12-04（2026-11-20 10:00 公开）');
    expect(text).toContain('一车间（车间）· 公开栏');
    expect(text).toContain('问：为什么这么多？');
    expect(text).toContain('答：含年度客户来访。');
    expect(text).toContain('答：（未答复）');
    expect(text).toContain('补发十月夜班补贴（王芳，2026-11-30 前）：已完成，已于11月28日补发');
    expect(text).toContain('修订考勤制度（赵强，2026-11-25 前）：逾期未完成');
    expect(text).toContain('（整改中，尚未办结）');
    expect(text).toContain('ab'.repeat(32));
    expect(text).toContain('第 1 / 1 页');
  });

  it('says so when the year has nothing published', async () => {
    const text = await pdfItems(await renderRecordsPdf({ year: 2025, records: [], generatedAt }));
    expect(text).toContain('本年度没有已公开的事项。');
  });
});

describe('a record longer than a page', () => {
  // 40 questions with long answers and a long outcome: far more than one A4 page of one row.
  const long: RecordResponse = {
    ...rectified,
    what: '年度职工福利费使用情况',
    questions: Array.from({ length: 40 }, (_, i) => ({
      ...record.questions[0]!,
      id: `q${i + 1}`,
      body: `第 ${i + 1} 个问题：福利费中的疗休养支出为什么比去年增加这么多，是否经过职代会审议？`,
      answer:
        `第 ${i + 1} 个答复：` +
        '疗休养名额按职代会通过的方案增加，明细已在公开栏附件中列出。'.repeat(3),
    })),
    outcome: '已办结。' + '整改情况已在公开栏公布，职工代表巡视时复核。'.repeat(40),
  };

  it('flows onto continuation pages with the form heading repeated, and no text drawn below the bottom margin', async () => {
    const pdf = await renderRecordsPdf({ year: 2026, records: [record, long], generatedAt });
    const items = await pdfPlacedItems(pdf);
    const pages = Math.max(...items.map((i) => i.page));
    expect(pages).toBeGreaterThanOrEqual(3);
    // The page foot carries only the page number; everything else stays above the bottom margin
    // (60 pt from the foot of the page, as records-pdf.ts lays it out).
    const body = items.filter((i) => !/第 \d+ \/ \d+ 页$/.test(i.str));
    const low = body.filter((i) => i.baseline < FOOT_MARGIN);
    expect(low).toEqual([]);
    for (let p = 1; p <= pages; p++)
      expect(
        items.filter((i) => i.page === p && i.str.includes(`第 ${p} / ${pages} 页`)),
      ).toHaveLength(1);
    // Every page after the one where the long form starts repeats its heading, marked 续.
    const start = items.find((i) => i.str.startsWith('记录表 2：'))!.page;
    for (let p = start + 1; p <= pages; p++)
      expect(
        items.some(
          (i) => i.page === p && i.str.startsWith('记录表 2：年度职工福利费使用情况（续）'),
        ),
      ).toBe(true);
    // Nothing is lost on the way: the first and the last answer and the outcome's end are there.
    const text = items.map((i) => i.str).join('\n');
    expect(text).toContain('第 1 个问题');
    expect(text).toContain('第 40 个答复');
    expect(text).toContain('内容 SHA-256');
  });
});

describe('wrapping a record’s text to its column', () => {
  it('breaks Chinese anywhere, Latin at its last space, and keeps empty lines', async () => {
    const { cjkPdf } = await import('../common/fonts/cjk-pdf.js');
    const { doc } = cjkPdf({ title: 't', subject: 's', generatedAt });
    doc.font('cjk').fontSize(10);
    const width = doc.widthOfString('职工代表大会质量');
    expect(wrapLines(doc, '职工代表大会质量评估清单\n\n答复', width)).toEqual([
      '职工代表大会质量',
      '评估清单',
      '',
      '答复',
    ]);
    const words = wrapLines(doc, 'alpha beta gamma delta', doc.widthOfString('alpha beta ga'));
    expect(words).toEqual(['alpha beta', 'gamma delta']);
    doc.end();
  });
});
