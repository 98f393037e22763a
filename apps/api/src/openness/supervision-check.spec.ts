import { describe, expect, it } from '@jest/globals';
import { type CheckRecords, runCheck } from './supervision-check.js';

// Instants in UTC; the rule reads Shanghai calendar days (UTC+8).
const at = (iso: string) => new Date(iso);
const NOV = { from: '2026-11-01', to: '2026-11-30' };
const empty: CheckRecords = { lines: [], questions: [], measures: [] };
const line = (over: Partial<CheckRecords['lines'][number]>) => ({
  id: 'l',
  year: 2026,
  month: 11,
  title: '11月办公费',
  departmentId: 'fin',
  publishedAt: null,
  ...over,
});

describe('the supervision group’s check of a period (监督检查)', () => {
  it('counts a line published by the last day of its month, in Shanghai, as on time', () => {
    // 2026-11-30 23:30 in Shanghai.
    const r = runCheck(
      NOV,
      { ...empty, lines: [line({ publishedAt: at('2026-11-30T15:30:00Z') })] },
      at('2026-12-05T02:00:00Z'),
    );
    expect(r).toEqual({
      summary: { planned: 1, onTime: 1, questions: 0, answered: 0, measures: 0, doneOnTime: 0 },
      findings: [],
    });
  });

  it('finds a line published late (plan_late) and one never published (plan_missing)', () => {
    const r = runCheck(
      NOV,
      {
        ...empty,
        lines: [
          // 2026-12-01 00:10 in Shanghai: a day late.
          line({ id: 'late', publishedAt: at('2026-11-30T16:10:00Z') }),
          line({ id: 'missing', title: '11月车辆费', departmentId: 'ws2' }),
          // Due in October: outside the period.
          line({ id: 'oct', month: 10 }),
        ],
      },
      at('2026-12-05T02:00:00Z'),
    );
    expect(r.summary).toMatchObject({ planned: 2, onTime: 0 });
    expect(r.findings).toEqual([
      {
        kind: 'plan_late',
        departmentId: 'fin',
        subject: '11月办公费',
        dueOn: '2026-11-30',
        detail: '计划于 2026-11-30 前公开，实际 2026-12-01 公开',
        planEntryId: 'late',
        itemId: null,
      },
      expect.objectContaining({
        kind: 'plan_missing',
        departmentId: 'ws2',
        detail: '计划于 2026-11-30 前公开，至今未公开',
        planEntryId: 'missing',
      }),
    ]);
  });

  it('does not yet count a line whose month has not ended on the day of the check', () => {
    const r = runCheck(NOV, { ...empty, lines: [line({})] }, at('2026-11-30T02:00:00Z'));
    expect(r).toEqual({ summary: expect.objectContaining({ planned: 0 }), findings: [] });
  });

  it('finds every question asked in the period and left unanswered', () => {
    const q = {
      itemId: 'i',
      itemTitle: '10月业务招待费',
      departmentId: 'fin',
      answeredAt: null,
    };
    const r = runCheck(
      NOV,
      {
        ...empty,
        questions: [
          { ...q, id: 'a', receivedOn: '2026-11-21', answeredAt: at('2026-11-22T02:00:00Z') },
          { ...q, id: 'b', receivedOn: '2026-11-25' },
          { ...q, id: 'c', receivedOn: '2026-12-01' },
        ],
      },
      at('2026-12-05T02:00:00Z'),
    );
    expect(r.summary).toMatchObject({ questions: 2, answered: 1 });
    expect(r.findings).toEqual([
      expect.objectContaining({
        kind: 'question_unanswered',
        itemId: 'i',
        dueOn: '2026-11-25',
        detail: '职工 2026-11-25 的提问至今未答复',
      }),
    ]);
  });

  it('finds a measure done after its deadline or still open after it, not one still in time', () => {
    const m = {
      itemId: 'i',
      itemTitle: '食堂价格',
      departmentId: 'ws2',
      description: '调整菜价',
      doneAt: null,
    };
    const r = runCheck(
      NOV,
      {
        ...empty,
        measures: [
          // Done on its deadline day (23:00 in Shanghai): on time.
          { ...m, id: 'ok', dueOn: '2026-11-10', doneAt: at('2026-11-10T15:00:00Z') },
          { ...m, id: 'late', dueOn: '2026-11-10', doneAt: at('2026-11-12T02:00:00Z') },
          { ...m, id: 'open', dueOn: '2026-11-15' },
          // Deadline today: not late yet.
          { ...m, id: 'today', dueOn: '2026-11-20' },
        ],
      },
      at('2026-11-20T02:00:00Z'),
    );
    expect(r.summary).toMatchObject({ measures: 3, doneOnTime: 1 });
    expect(r.findings.map((f) => f.detail)).toEqual([
      '整改措施「调整菜价」期限 2026-11-10，2026-11-12 才完成',
      '整改措施「调整菜价」期限 2026-11-15，至今未完成',
    ]);
  });
});
