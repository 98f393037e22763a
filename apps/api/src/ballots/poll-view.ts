import type { VoteSpec } from '../agenda/vote-spec.js';
import type { ElectionKey } from '../common/ballot.js';
import type { PollResult, PollView } from '../common/contracts.js';
import type { Poll } from './poll.entity.js';
import { ballotSpecOf, questionsOf } from './poll-shape.js';

export const CUSTODIAN_LABEL =
  '托管密钥：服务进程持有唯一的解密密钥，不对运维方保密（仅用于试用；服务重启则密钥丢失，表决作废）';
export const TELLERS_LABEL = '监票人密钥：任意门限人数的监票人共同解密计票结果，服务器不持有密钥';

/** Whether a decided poll's result still waits for the chair (GB 50799 §6.2 "held"). */
export const isHeld = (p: Poll): boolean =>
  p.resultRelease === 'held' && p.result !== null && p.releasedAt === null;

/**
 * What every tablet, the staff console and the projector see of a poll. A held result is left
 * out (`result: null`, `resultHeld: true`) unless `reveal` is set: only staff routes and the
 * presidium's view set it, never a socket event or a public route (the projector runs under a
 * staff account and must show 结果待主持人宣布 all the same).
 */
export function pollView(p: Poll, reveal = false): PollView {
  const held = isHeld(p);
  return {
    id: p.id,
    sessionId: p.sessionId,
    itemId: p.itemId,
    title: p.title,
    secret: p.secret,
    label: p.secret ? '无记名投票' : '记名表决（公开）',
    keyMode: p.keyMode,
    keyLabel:
      p.keyMode === 'custodian' ? CUSTODIAN_LABEL : p.keyMode === 'tellers' ? TELLERS_LABEL : null,
    voteType: (p.voteSpec as VoteSpec).type,
    pollSpec: ballotSpecOf(p),
    questions: questionsOf(p),
    electionKey: p.electionKey as ElectionKey | null,
    board:
      p.boardKey && p.boardGenesis && p.issuedCount !== null
        ? { publicKey: p.boardKey, genesis: p.boardGenesis, issued: p.issuedCount }
        : null,
    slips: p.withSlips,
    status: p.status,
    openedAt: p.openedAt.toISOString(),
    closesAt: p.closesAt?.toISOString() ?? null,
    closedAt: p.closedAt?.toISOString() ?? null,
    pressRule: p.pressRule,
    resultRelease: p.resultRelease,
    resultHeld: held,
    releasedAt: p.releasedAt?.toISOString() ?? null,
    // Written by BallotsClose in this shape (jsonb comes back untyped).
    result: held && !reveal ? null : (p.result as PollResult | null),
  };
}
