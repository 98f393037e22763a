import type { Incident } from '../common/contracts.js';
import type { MinutesDocument } from '../common/minutes.js';

type Entry = MinutesDocument['incidents'][number];

/**
 * A session incident (会议异常事项, kept by roster) as a line of the minutes' 会议中的其他情况:
 * a re-issued log-in code with who asked, why and who approved; a refused or never decided
 * request too, so the minutes show every time someone asked for a delegate's new code.
 */
export function incidentEntry(i: Incident): Entry {
  const who = `代表${i.delegateName}（工号 ${i.employeeNumber}）`;
  const why = `原因：${i.reason}；申请人：${i.requestedBy.displayName}`;
  switch (i.status) {
    case 'approved':
      return {
        at: i.decidedAt ?? i.requestedAt,
        kind: 'login_code_reissued',
        description: `${who}的登录码在会中重新签发，原登录码及其平板登录随即失效（${why}）`,
        approvedBy: i.decidedBy?.displayName ?? null,
      };
    case 'refused':
      return {
        at: i.decidedAt ?? i.requestedAt,
        kind: 'login_code_reissue_refused',
        description: `申请在会中为${who}重新签发登录码，未获批准，未签发（${why}；决定人：${i.decidedBy?.displayName ?? ''}）`,
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
