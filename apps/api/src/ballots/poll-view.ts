import type { VoteSpec } from '../agenda/vote-spec.js';
import type { ElectionKey } from '../common/ballot.js';
import type { PollResult, PollView } from '../common/contracts.js';
import type { Poll } from './poll.entity.js';
import { ballotSpecOf, questionsOf } from './poll-shape.js';

export const CUSTODIAN_LABEL =
  '托管密钥：服务进程持有唯一的解密密钥，不对运维方保密（仅用于试用；服务重启则密钥丢失，表决作废）';
export const TELLERS_LABEL = '监票人密钥：任意门限人数的监票人共同解密计票结果，服务器不持有密钥';

/** What every tablet, the staff console and the projector see of a poll. */
export function pollView(p: Poll): PollView {
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
      p.boardKey && p.boardGenesis && p.issued
        ? { publicKey: p.boardKey, genesis: p.boardGenesis, issued: p.issued.count }
        : null,
    status: p.status,
    openedAt: p.openedAt.toISOString(),
    closesAt: p.closesAt?.toISOString() ?? null,
    closedAt: p.closedAt?.toISOString() ?? null,
    // Written by TallyService in this shape (jsonb comes back untyped).
    result: p.result as PollResult | null,
  };
}
