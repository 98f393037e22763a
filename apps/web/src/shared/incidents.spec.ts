import { describe, expect, it } from '@jest/globals';
import type { Incident } from '@libs/contracts/src/index.js';
import { consoleSentence, hallLine, mergeIncident } from './incidents.js';

const incident = (over: Partial<Incident> = {}): Incident => ({
  id: 'a',
  sessionId: 's',
  kind: 'login_code_reissue',
  status: 'requested',
  delegateId: 'd',
  delegateName: '张三',
  employeeNumber: 'E1001',
  reason: '平板遗失',
  requestedBy: { id: 'u1', displayName: '李四' },
  requestedAt: '2026-12-05T01:30:00.000Z',
  decidedBy: null,
  decidedAt: null,
  ...over,
});
const approved = incident({
  status: 'approved',
  decidedBy: { id: 'u2', displayName: '王五' },
  decidedAt: '2026-12-05T01:32:00.000Z',
});

describe('incidents in words', () => {
  it('tells the console who was re-issued a code and who approved or refused it', () => {
    expect(consoleSentence(approved)).toBe(
      '代表 张三（工号 E1001）的登录码在会中重新签发，由 王五 批准',
    );
    expect(consoleSentence(incident())).toContain('等待另一名工作人员批准');
    expect(consoleSentence({ ...approved, status: 'refused' })).toBe(
      '申请为代表 张三（工号 E1001）重新签发登录码，王五 未批准',
    );
  });

  it('tells the hall only the name and the approver of an approved re-issue', () => {
    const line = hallLine(approved)!;
    expect(line).toBe('代表 张三 登录码已重新签发（经 王五 批准）');
    for (const hidden of ['E1001', '平板遗失', '李四']) expect(line).not.toContain(hidden);
    expect(hallLine(incident())).toBeNull();
    expect(hallLine({ ...approved, status: 'refused' })).toBeNull();
  });

  it('keeps one entry per incident, its decision replacing its request', () => {
    const b = incident({ id: 'b', requestedAt: '2026-12-05T01:00:00.000Z' });
    const list = mergeIncident(mergeIncident([], incident()), b);
    expect(list.map((i) => i.id)).toEqual(['b', 'a']);
    expect(mergeIncident(list, approved).map((i) => [i.id, i.status])).toEqual([
      ['b', 'requested'],
      ['a', 'approved'],
    ]);
  });
});
