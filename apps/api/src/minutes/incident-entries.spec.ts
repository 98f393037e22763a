import { describe, expect, it } from '@jest/globals';
import type { Incident } from '../common/contracts.js';
import { incidentEntry } from './incident-entries.js';

const asked: Incident = {
  id: 'i1',
  sessionId: 's1',
  kind: 'login_code_reissue',
  status: 'requested',
  delegateId: 'd5',
  delegateName: '王五',
  employeeNumber: 'E005',
  reason: '平板遗失',
  requestedBy: { id: 'u1', displayName: '赵工作' },
  requestedAt: '2026-12-05T01:10:00.000Z',
  decidedBy: null,
  decidedAt: null,
  approver: null,
  decidedVia: null,
  codeIssuedAt: null,
};
const decided = {
  decidedAt: '2026-12-05T01:12:00.000Z',
  approver: { delegateId: 'd1', name: '张三', role: 'presidium' as const },
};

// Issue 16, item 2: a code re-issued during a session lands in the minutes with its approver.
describe('a re-issued log-in code in the minutes', () => {
  it('names the presidium member who approved on the tablet, with their role', () => {
    const e = incidentEntry({
      ...asked,
      ...decided,
      status: 'approved',
      decidedBy: { id: 'u9', displayName: '张三' },
      decidedVia: 'tablet',
      codeIssuedAt: '2026-12-05T01:15:00.000Z',
    });
    expect(e).toEqual({
      at: '2026-12-05T01:15:00.000Z',
      kind: 'login_code_reissued',
      description:
        '代表王五（工号 E005）的登录码在会中重新签发，原登录码及其平板登录随即失效（原因：平板遗失；申请人：赵工作）',
      approvedBy: '张三（主席团成员）',
    });
  });

  it('a teller approving in person, with the staff member who recorded it (记录人)', () => {
    const e = incidentEntry({
      ...asked,
      ...decided,
      approver: { delegateId: 'd2', name: '李四', role: 'teller' },
      status: 'approved',
      decidedBy: { id: 'u2', displayName: '钱工作' },
      decidedVia: 'recorded',
      codeIssuedAt: decided.decidedAt,
    });
    expect(e.approvedBy).toBe('李四（监票人）');
    expect(e.description).toContain('申请人：赵工作；记录人：钱工作');
  });

  it('approved but never issued, refused, or never decided: no code was issued', () => {
    const approved = incidentEntry({
      ...asked,
      ...decided,
      status: 'approved',
      decidedBy: { id: 'u9', displayName: '张三' },
      decidedVia: 'tablet',
    });
    expect(approved).toMatchObject({
      kind: 'login_code_reissue_not_issued',
      approvedBy: '张三（主席团成员）',
    });
    expect(approved.description).toContain('已获批准，未签发');
    const refused = incidentEntry({
      ...asked,
      ...decided,
      status: 'refused',
      decidedBy: { id: 'u9', displayName: '张三' },
      decidedVia: 'tablet',
    });
    expect(refused).toMatchObject({ kind: 'login_code_reissue_refused', approvedBy: null });
    expect(refused.description).toContain('决定人：张三（主席团成员）');
    expect(incidentEntry(asked)).toMatchObject({
      kind: 'login_code_reissue_requested',
      approvedBy: null,
    });
  });
});
