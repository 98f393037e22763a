import type {
  Agree,
  Difference,
  OpennessStatus as ContractOpennessStatus,
} from '../common/contracts.js';
import { OpennessErrorCode, OpennessException } from './openness.exception.js';

/**
 * An item's five steps, in one place. 提出: draft → submitted. 审查: submitted → approved (time,
 * scope and form fixed) or returned (with a reason; edited and submitted again). 公开: approved →
 * published (content hashed and frozen). 评议: while published, the opinion box is open. 整改:
 * published → rectifying (box closed; answers and measures continue) → closed once every
 * question is answered and every measure done.
 */
export enum OpennessStatus {
  Draft = 'draft',
  Submitted = 'submitted',
  Returned = 'returned',
  Approved = 'approved',
  Published = 'published',
  Rectifying = 'rectifying',
  Closed = 'closed',
}
// The same values as the client contract (libs/contracts): a difference does not compile.
type _StatusContract = Agree<Difference<`${OpennessStatus}`, ContractOpennessStatus>>;

export const OPENNESS_STATUS_LABELS: Record<OpennessStatus, string> = {
  [OpennessStatus.Draft]: '草稿',
  [OpennessStatus.Submitted]: '待审查',
  [OpennessStatus.Returned]: '退回修改',
  [OpennessStatus.Approved]: '已审核待公开',
  [OpennessStatus.Published]: '公开中',
  [OpennessStatus.Rectifying]: '整改中',
  [OpennessStatus.Closed]: '已办结',
};

const S = OpennessStatus;

/** Every allowed move; anything else is refused. */
export const TRANSITIONS: Record<OpennessStatus, readonly OpennessStatus[]> = {
  [S.Draft]: [S.Submitted],
  [S.Submitted]: [S.Approved, S.Returned],
  [S.Returned]: [S.Submitted],
  [S.Approved]: [S.Published],
  [S.Published]: [S.Rectifying],
  [S.Rectifying]: [S.Closed],
  [S.Closed]: [],
};

/** The statuses each action is allowed from. */
export const ACTION_FROM = {
  edit: [S.Draft, S.Returned],
  submit: [S.Draft, S.Returned],
  review: [S.Submitted],
  publish: [S.Approved],
  opine: [S.Published],
  answer: [S.Published, S.Rectifying],
  rectify: [S.Published, S.Rectifying],
  closeOpinions: [S.Published],
  close: [S.Rectifying],
} as const satisfies Record<string, readonly OpennessStatus[]>;

export type OpennessAction = keyof typeof ACTION_FROM;

/** Published at some point: on the board (within its level), with its record. */
export const PUBLISHED: readonly OpennessStatus[] = [S.Published, S.Rectifying, S.Closed];

export function assertAction(status: OpennessStatus, action: OpennessAction): void {
  if ((ACTION_FROM[action] as readonly OpennessStatus[]).includes(status)) return;
  throw new OpennessException(OpennessErrorCode.InvalidTransition, {
    status,
    action,
    allowedFrom: ACTION_FROM[action],
  });
}

/** Refuses a move that TRANSITIONS does not list (a bug, if an action allowed it). */
export function assertMove(from: OpennessStatus, to: OpennessStatus): void {
  if (TRANSITIONS[from].includes(to)) return;
  throw new OpennessException(OpennessErrorCode.InvalidTransition, { status: from, to });
}
