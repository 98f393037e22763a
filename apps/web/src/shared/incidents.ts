import type { Incident } from '@libs/contracts/src/index.js';

/**
 * 会议异常事项 in words. The console reads the whole sentence (who asked, why, who decided); the
 * hall's projector reads only what may be said in the hall: the delegate's name and that the
 * log-in code was re-issued with whose approval — no employee number, reason or requester, and
 * nothing about a request that is waiting or was refused.
 */
export function consoleSentence(i: Incident): string {
  const who = `代表 ${i.delegateName}（工号 ${i.employeeNumber}）`;
  switch (i.status) {
    case 'approved':
      return `${who}的登录码在会中重新签发，由 ${i.decidedBy?.displayName ?? ''} 批准`;
    case 'refused':
      return `申请为${who}重新签发登录码，${i.decidedBy?.displayName ?? ''} 未批准`;
    default:
      return `申请为${who}重新签发登录码，等待另一名工作人员批准`;
  }
}

/** The hall's line for an approved re-issue; null for anything the hall does not see. */
export function hallLine(i: Incident): string | null {
  if (i.status !== 'approved') return null;
  return `代表 ${i.delegateName} 登录码已重新签发（经 ${i.decidedBy?.displayName ?? ''} 批准）`;
}

/** One incident per id, the latest version of each, oldest first (a decision replaces its request). */
export function mergeIncident(list: Incident[], next: Incident): Incident[] {
  const rest = list.filter((x) => x.id !== next.id);
  return [...rest, next].sort(
    (a, b) => a.requestedAt.localeCompare(b.requestedAt) || a.id.localeCompare(b.id),
  );
}
