import { ProposalErrorCode, ProposalsException } from './proposals.exception.js';
import type {
  Agree,
  Difference,
  ProposalStatus as ContractProposalStatus,
} from '../common/contracts.js';

/**
 * A proposal's life, in one place. Tabling: draft → awaiting_cosigners → submitted. Review:
 * submitted → accepted / merged / converted_to_suggestion / rejected. Handling (accepted or
 * converted ones, through their department assignments): in_handling ⇄ sent_back → answered →
 * closed. The proposer may withdraw before the committee decides.
 */
export enum ProposalStatus {
  Draft = 'draft',
  AwaitingCosigners = 'awaiting_cosigners',
  Submitted = 'submitted',
  Accepted = 'accepted',
  Merged = 'merged',
  Converted = 'converted_to_suggestion',
  Rejected = 'rejected',
  Withdrawn = 'withdrawn',
  InHandling = 'in_handling',
  Answered = 'answered',
  SentBack = 'sent_back',
  Closed = 'closed',
}
// The same values as the client contract (libs/contracts): a difference does not compile.
type _ProposalStatusContract = Agree<Difference<`${ProposalStatus}`, ContractProposalStatus>>;

export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  [ProposalStatus.Draft]: '草稿',
  [ProposalStatus.AwaitingCosigners]: '征集附议',
  [ProposalStatus.Submitted]: '待审查',
  [ProposalStatus.Accepted]: '已立案',
  [ProposalStatus.Merged]: '已合并',
  [ProposalStatus.Converted]: '转为意见建议',
  [ProposalStatus.Rejected]: '不予立案',
  [ProposalStatus.Withdrawn]: '已撤回',
  [ProposalStatus.InHandling]: '办理中',
  [ProposalStatus.Answered]: '已答复待评价',
  [ProposalStatus.SentBack]: '退回重办',
  [ProposalStatus.Closed]: '已办结',
};

const S = ProposalStatus;

/** Every allowed move; anything else is refused. */
export const TRANSITIONS: Record<ProposalStatus, readonly ProposalStatus[]> = {
  [S.Draft]: [S.AwaitingCosigners, S.Submitted, S.Withdrawn],
  [S.AwaitingCosigners]: [S.Submitted, S.Withdrawn],
  [S.Submitted]: [S.Accepted, S.Merged, S.Converted, S.Rejected, S.Withdrawn],
  [S.Accepted]: [S.InHandling],
  [S.Converted]: [S.InHandling],
  // With several departments, one answer can be sent back while another is still awaited.
  [S.InHandling]: [S.Answered, S.SentBack],
  [S.SentBack]: [S.InHandling, S.Answered],
  [S.Answered]: [S.SentBack, S.Closed],
  [S.Merged]: [],
  [S.Rejected]: [],
  [S.Withdrawn]: [],
  [S.Closed]: [],
};

/**
 * What each action needs, in one place (moves that follow from the action are in TRANSITIONS).
 * The services call `assertAction` before acting.
 */
export const ACTION_FROM = {
  edit: [S.Draft],
  table: [S.Draft],
  withdraw: [S.Draft, S.AwaitingCosigners, S.Submitted],
  cosign: [S.AwaitingCosigners, S.Submitted],
  uncosign: [S.AwaitingCosigners],
  decide: [S.Submitted],
  mergeTarget: [S.Submitted, S.Accepted, S.InHandling],
  assign: [S.Accepted, S.Converted, S.InHandling],
  handle: [S.InHandling, S.SentBack, S.Answered],
  publish: [
    S.Accepted,
    S.Merged,
    S.Converted,
    S.Rejected,
    S.InHandling,
    S.Answered,
    S.SentBack,
    S.Closed,
  ],
} as const satisfies Record<string, readonly ProposalStatus[]>;

export type ProposalAction = keyof typeof ACTION_FROM;

/** Decided by the committee (a proposal in one of these is past review). */
export const DECIDED: readonly ProposalStatus[] = ACTION_FROM.publish;

/**
 * Tabled: it left the proposer's drafts. A draft withdrawn before tabling stays the proposer's
 * private business, like any draft.
 */
export const isTabled = (p: { tabledAt: Date | null }) => p.tabledAt !== null;

/** Refuses an action the status does not allow, with the most telling code. */
export function assertAction(
  status: ProposalStatus,
  action: ProposalAction,
  code: ProposalErrorCode = ProposalErrorCode.InvalidTransition,
): void {
  if ((ACTION_FROM[action] as readonly ProposalStatus[]).includes(status)) return;
  if (status === S.Withdrawn) throw new ProposalsException(ProposalErrorCode.Withdrawn);
  if (action === 'decide' && DECIDED.includes(status))
    throw new ProposalsException(ProposalErrorCode.AlreadyDecided, { status });
  throw new ProposalsException(code, {
    status,
    action,
    allowedFrom: ACTION_FROM[action],
  });
}

/** Refuses a move that TRANSITIONS does not list. */
export function assertMove(from: ProposalStatus, to: ProposalStatus): void {
  if (from === to || TRANSITIONS[from].includes(to)) return;
  throw new ProposalsException(ProposalErrorCode.InvalidTransition, { status: from, to });
}
