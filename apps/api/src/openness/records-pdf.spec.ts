import { describe, expect, it } from '@jest/globals';
import { pdfItems } from '../../../../test/utils/pdf-text.js';
import { record, rectified } from './record-fixture.js';
import { renderRecordsPdf } from './records-pdf.js';

const generatedAt = new Date('2026-12-31T08:00:00.000Z');

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
