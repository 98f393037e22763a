import {
  APPROVER_ROLE_LABELS,
  type Incident,
  type IncidentStage,
} from '@libs/contracts/src/index.js';

/** Where a request stands: an approved one is `issued` once staff issued the code. */
export function incidentStage(i: Pick<Incident, 'status' | 'codeIssuedAt'>): IncidentStage {
  return i.status === 'approved' && i.codeIssuedAt ? 'issued' : i.status;
}

/**
 * Who decided, in words: 主席团成员 张三 / 监票人 李四; a request decided before approvers were
 * people of the congress names the account that decided.
 */
export function approverWords(i: Incident): string {
  if (i.approver) return `${APPROVER_ROLE_LABELS[i.approver.role]} ${i.approver.name}`;
  return i.decidedBy?.displayName ?? '';
}

/**
 * 会议异常事项 in words. The console reads the whole sentence (who asked, why, who decided); the
 * hall's projector reads only what may be said in the hall: the delegate's name and that the
 * log-in code was re-issued with whose approval — no employee number, reason or requester, and
 * nothing about a request that is waiting, refused, or approved but not yet issued.
 */
export function consoleSentence(i: Incident): string {
  const who = `代表 ${i.delegateName}（工号 ${i.employeeNumber}）`;
  switch (i.status) {
    case 'approved':
      return i.codeIssuedAt
        ? `${who}的登录码在会中重新签发，由 ${approverWords(i)} 批准`
        : `申请为${who}重新签发登录码，${approverWords(i)} 已批准，待工作人员签发新码`;
    case 'refused':
      return `申请为${who}重新签发登录码，${approverWords(i)} 未批准`;
    default:
      return `申请为${who}重新签发登录码，等待主席团成员或监票人批准`;
  }
}

/** The hall's line for an issued re-issue; null for anything the hall does not see. */
export function hallLine(i: Incident): string | null {
  if (i.status !== 'approved' || !i.codeIssuedAt) return null;
  const by = i.approver ? approverWords(i) : ` ${approverWords(i)}`;
  return `代表 ${i.delegateName} 登录码已重新签发（经${by} 批准）`;
}

/** One incident per id, the latest version of each, oldest first (a decision replaces its request). */
export function mergeIncident(list: Incident[], next: Incident): Incident[] {
  const rest = list.filter((x) => x.id !== next.id);
  return [...rest, next].sort(
    (a, b) => a.requestedAt.localeCompare(b.requestedAt) || a.id.localeCompare(b.id),
  );
}
