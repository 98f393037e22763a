/**
 * The board's check of an audited ballot (Benaloh's cast-or-audit): the tablet revealed a
 * ballot's choices and randomness and never cast it; here anyone re-encrypts with libs/ballot
 * `auditBallot` under the poll's key, fetched from the server (not taken from the tablet), and
 * reads which choices the ballot really held and its tracker. Pure (runs in the page's Web
 * Worker and in a unit spec); the answer is plain data the page shows, in Chinese.
 */
import {
  auditBallot,
  BallotError,
  type BallotAudit,
  type ElectionKey,
  type PollSpec,
} from '@libs/ballot/src/index.js';
import { codeText } from '@libs/ballot/src/record-wording.js';
import { ballotShape } from '@libs/ballot/src/shape.js';

/** What the page knows of the poll, from the public poll route. */
export interface AuditedPoll {
  electionKey: ElectionKey;
  pollSpec: PollSpec;
  questions: { title: string; entries: string[] }[];
}

export type AuditOutcome =
  | {
      ok: true;
      tracker: string;
      shortCode: string;
      /** Question by question: its title and the labels of the entries marked. */
      choices: { title: string; chosen: string[] }[];
    }
  | { ok: false; reason: string };

const AUDIT_TEXT: Record<string, string> = {
  AUDIT_MISMATCH: '选票密文与公开的选择和随机数不符：这张选票加密的不是所声称的选择',
  BAD_CHOICE: '所声称的选择不合本次表决的规则',
  WRONG_KEY: '选票不是用本次表决的选举密钥加密的',
  WRONG_POLL: '选票属于另一个表决事项',
};

/** The audit's text (JSON) as the tablet showed it: its poll, or why it is not an audit at all. */
export function readAudit(
  text: string,
): { audit: BallotAudit; pollId: string } | { reason: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { reason: '不是有效的审计内容（JSON 格式错误），请完整复制平板上显示的审计内容' };
  }
  const pollId = (parsed as { ballot?: { pollId?: unknown } } | null)?.ballot?.pollId;
  if (typeof pollId !== 'string' || !pollId)
    return { reason: '审计内容中没有选票（缺少 ballot.pollId）' };
  return { audit: parsed as BallotAudit, pollId };
}

/** Checks the audit under the poll's key and shape; the reason names what failed. */
export function checkAudit(audit: BallotAudit, poll: AuditedPoll): AuditOutcome {
  try {
    const r = auditBallot(audit, { key: poll.electionKey, shape: ballotShape(poll.pollSpec) });
    return {
      ok: true,
      tracker: r.tracker,
      shortCode: r.shortCode,
      choices: r.choices.map((marks, qi) => {
        const q = poll.questions[qi];
        return {
          title: q?.title ?? `第 ${qi + 1} 题`,
          chosen: marks.flatMap((m, ei) => (m === 1 ? [q?.entries[ei] ?? `选项 ${ei + 1}`] : [])),
        };
      }),
    };
  } catch (e) {
    if (!(e instanceof BallotError)) return { ok: false, reason: `无法核对：${String(e)}` };
    const where = whereText(e.detail);
    return { ok: false, reason: `${AUDIT_TEXT[e.code] ?? codeText(e.code)}${where}` };
  }
}

function whereText(detail: unknown): string {
  const d = detail as { question?: number; entry?: number } | undefined;
  if (typeof d?.question !== 'number') return '';
  return typeof d.entry === 'number'
    ? `（第 ${d.question + 1} 题第 ${d.entry + 1} 项）`
    : `（第 ${d.question + 1} 题）`;
}

/** Whether the tracker code the tablet showed is this ballot's (case and spacing ignored). */
export function sameCode(shown: string, shortCode: string): boolean {
  const norm = (s: string) => s.replace(/[\s-]/g, '').toUpperCase();
  return norm(shown) !== '' && norm(shown) === norm(shortCode);
}
