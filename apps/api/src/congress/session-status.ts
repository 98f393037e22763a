import type {
  Agree,
  Difference,
  SessionStatus as ContractSessionStatus,
} from '../common/contracts.js';

/** A session's life: each move is checked (see SessionsService.changeStatus). */
export enum SessionStatus {
  Draft = 'draft',
  Preparing = 'preparing',
  Circulated = 'circulated',
  InSession = 'in_session',
  Closed = 'closed',
  Archived = 'archived',
}
// The same values as the client contract (libs/contracts): a difference does not compile.
type _SessionStatusContract = Agree<Difference<`${SessionStatus}`, ContractSessionStatus>>;

export const SESSION_STATUS_LABELS: Record<SessionStatus, string> = {
  [SessionStatus.Draft]: '草稿',
  [SessionStatus.Preparing]: '筹备中',
  [SessionStatus.Circulated]: '已分发',
  [SessionStatus.InSession]: '会议中',
  [SessionStatus.Closed]: '已闭会',
  [SessionStatus.Archived]: '已归档',
};

/** The only forward moves; nothing goes back. */
export const NEXT_STATUS: Record<SessionStatus, SessionStatus | null> = {
  [SessionStatus.Draft]: SessionStatus.Preparing,
  [SessionStatus.Preparing]: SessionStatus.Circulated,
  [SessionStatus.Circulated]: SessionStatus.InSession,
  [SessionStatus.InSession]: SessionStatus.Closed,
  [SessionStatus.Closed]: SessionStatus.Archived,
  [SessionStatus.Archived]: null,
};
