import { describe, expect, it } from '@jest/globals';
import type { Incident } from '@libs/contracts/src/index.js';
import { consoleSentence, hallLine, incidentStage, mergeIncident } from './incidents.js';

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
  approver: null,
  decidedVia: null,
  codeIssuedAt: null,
  ...over,
});
const approved = incident({
  status: 'approved',
  decidedBy: { id: 'u2', displayName: '王五' },
  decidedAt: '2026-12-05T01:32:00.000Z',
  approver: { delegateId: 'd2', name: '王五', role: 'presidium' },
  decidedVia: 'tablet',
});
const issued = { ...approved, codeIssuedAt: '2026-12-05T01:33:00.000Z' };

describe('incidents in words', () => {
  it('tells the console who was re-issued a code and who approved or refused it', () => {
    expect(consoleSentence(issued)).toBe(
      '代表 张三（工号 E1001）的登录码在会中重新签发，由 主席团成员 王五 批准',
    );
    expect(consoleSentence(approved)).toBe(
      '申请为代表 张三（工号 E1001）重新签发登录码，主席团成员 王五 已批准，待工作人员签发新码',
    );
    expect(consoleSentence(incident())).toContain('等待主席团成员或监票人批准');
    expect(
      consoleSentence({
        ...approved,
        status: 'refused',
        approver: { delegateId: 'd3', name: '赵六', role: 'teller' },
      }),
    ).toBe('申请为代表 张三（工号 E1001）重新签发登录码，监票人 赵六 未批准');
  });

  it('tells where a request stands: waiting, approved (to issue), issued, refused', () => {
    expect(
      [incident(), approved, issued, { ...approved, status: 'refused' as const }].map(
        incidentStage,
      ),
    ).toEqual(['requested', 'approved', 'issued', 'refused']);
  });

  it('tells the hall only the name and the approver of an issued re-issue', () => {
    const line = hallLine(issued)!;
    expect(line).toBe('代表 张三 登录码已重新签发（经主席团成员 王五 批准）');
    for (const hidden of ['E1001', '平板遗失', '李四']) expect(line).not.toContain(hidden);
    expect(hallLine(incident())).toBeNull();
    expect(hallLine(approved)).toBeNull();
    expect(hallLine({ ...issued, status: 'refused' })).toBeNull();
    // Approved by a second staff member before approvers were people of the congress.
    expect(hallLine({ ...issued, approver: null, decidedVia: null })).toBe(
      '代表 张三 登录码已重新签发（经 王五 批准）',
    );
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
