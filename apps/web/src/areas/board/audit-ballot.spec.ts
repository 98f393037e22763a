import { describe, expect, it } from '@jest/globals';
import {
  ballotShape,
  deterministicRng,
  encryptBallotRevealable,
  marks,
  revealBallot,
} from '@libs/ballot/src/index.js';
import { demoElection } from '@libs/ballot/src/testing.js';
import { auditFromHash, auditLink } from '@web/shared/audit-link.js';
import { checkAudit, readAudit, sameCode } from './audit-ballot.js';

const rng = deterministicRng('board-audit-spec');
const el = demoElection('poll-audit', 1, rng);
const pollSpec = { questions: [{ kind: 'motion' as const }] };
const poll = {
  electionKey: el.key,
  pollSpec,
  questions: [{ title: '表决', entries: ['赞成', '反对', '弃权'] }],
};
const made = encryptBallotRevealable({
  key: el.key,
  shape: ballotShape(pollSpec),
  voter: 'voter-1',
  choices: [marks(3, 1)],
  rng,
});
const audit = revealBallot(made, [marks(3, 1)]);

describe('the board’s check of an audited ballot', () => {
  it('reads the choices the ballot holds and its tracker', () => {
    expect(checkAudit(audit, poll)).toEqual({
      ok: true,
      tracker: made.tracker,
      shortCode: made.shortCode,
      choices: [{ title: '表决', chosen: ['反对'] }],
    });
  });

  it('fails an audit that claims other choices, naming the entry', () => {
    const r = checkAudit({ ...audit, choices: [marks(3, 0)] }, poll);
    expect(r).toEqual({
      ok: false,
      reason: '选票密文与公开的选择和随机数不符：这张选票加密的不是所声称的选择（第 1 题第 1 项）',
    });
  });

  it('fails an audit under another key', () => {
    const other = demoElection('poll-audit', 1, deterministicRng('another key'));
    const r = checkAudit(audit, { ...poll, electionKey: other.key });
    expect(r.ok).toBe(false);
  });

  it('says why a text is not an audit', () => {
    expect(readAudit('{"version":1')).toEqual({
      reason: '不是有效的审计内容（JSON 格式错误），请完整复制平板上显示的审计内容',
    });
    expect(readAudit('{"version":1}')).toEqual({
      reason: '审计内容中没有选票（缺少 ballot.pollId）',
    });
    expect(readAudit(JSON.stringify(audit))).toMatchObject({ pollId: 'poll-audit' });
  });

  it('carries the audit in the link’s fragment, never in what is sent to the server', () => {
    const json = JSON.stringify(audit);
    const link = auditLink(json, made.shortCode);
    const [beforeHash, hash] = link.split('#');
    expect(beforeHash).toBe(`/board/audit?code=${encodeURIComponent(made.shortCode)}`);
    expect(auditFromHash(`#${hash}`)).toBe(json);
    expect(auditFromHash('#audit=***')).toBe('');
  });

  it('compares tracker codes whatever the case and spacing', () => {
    expect(sameCode(made.shortCode.toLowerCase().replace('-', ' '), made.shortCode)).toBe(true);
    expect(sameCode('', made.shortCode)).toBe(false);
    expect(sameCode('AAAA-AAAA', made.shortCode)).toBe(false);
  });
});
