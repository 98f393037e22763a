import { APPROVER_ROLE_LABELS, type Incident } from '../common/contracts.js';
import type { MinutesDocument } from '../common/minutes.js';

type Entry = MinutesDocument['incidents'][number];

/**
 * Who decided, for the minutes: the presidium member or teller with their role (张三（主席团成员）);
 * a request decided before approvers were people of the congress names the account that did.
 */
function decider(i: Incident): string {
  if (!i.approver) return i.decidedBy?.displayName ?? '';
  return `${i.approver.name}（${APPROVER_ROLE_LABELS[i.approver.role]}）`;
}

/** 记录人: the staff member who wrote down a decision given in person. */
const recorder = (i: Incident) =>
  i.decidedVia === 'recorded' && i.decidedBy ? `；记录人：${i.decidedBy.displayName}` : '';

/**
 * A session incident (会议异常事项, kept by roster) as a line of the minutes' 会议中的其他情况:
 * a re-issued log-in code with who asked, why, who approved (批准人) and who recorded it; a
 * refused, never decided or approved but never issued request too, so the minutes show every
 * time someone asked for a delegate's new code.
 */
export function incidentEntry(i: Incident): Entry {
  const who = `代表${i.delegateName}（工号 ${i.employeeNumber}）`;
  const why = `原因：${i.reason}；申请人：${i.requestedBy.displayName}${recorder(i)}`;
  switch (i.status) {
    case 'approved':
      return i.codeIssuedAt
        ? {
            at: i.codeIssuedAt,
            kind: 'login_code_reissued',
            description: `${who}的登录码在会中重新签发，原登录码及其平板登录随即失效（${why}）`,
            approvedBy: decider(i),
          }
        : {
            at: i.decidedAt ?? i.requestedAt,
            kind: 'login_code_reissue_not_issued',
            description: `申请在会中为${who}重新签发登录码，已获批准，未签发（${why}）`,
            approvedBy: decider(i),
          };
    case 'refused':
      return {
        at: i.decidedAt ?? i.requestedAt,
        kind: 'login_code_reissue_refused',
        description: `申请在会中为${who}重新签发登录码，未获批准，未签发（${why}；决定人：${decider(i)}）`,
        approvedBy: null,
      };
    default:
      return {
        at: i.requestedAt,
        kind: 'login_code_reissue_requested',
        description: `申请在会中为${who}重新签发登录码，无人批准，未签发（${why}）`,
        approvedBy: null,
      };
  }
}

/** The record's incidents and the secretary's own entries, in the order they happened. */
export function incidentsOf(record: Incident[], written: Entry[]): Entry[] {
  return [...record.map(incidentEntry), ...written].sort((a, b) => a.at.localeCompare(b.at));
}
