import { InterimErrorCode, InterimException } from './interim.exception.js';

/**
 * A finding of an inspection tour (职工代表巡视检查), followed up like a proposal's assignment:
 * the responsible department takes it in hand and reports it done. open → in_hand → done, or
 * open → done at once when the answer is the whole fix.
 */
export enum FindingStatus {
  Open = 'open',
  InHand = 'in_hand',
  Done = 'done',
}

export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = {
  [FindingStatus.Open]: '待办理',
  [FindingStatus.InHand]: '办理中',
  [FindingStatus.Done]: '已办结',
};

/** Every allowed move; anything else is refused. */
export const FINDING_TRANSITIONS: Record<FindingStatus, readonly FindingStatus[]> = {
  [FindingStatus.Open]: [FindingStatus.InHand, FindingStatus.Done],
  [FindingStatus.InHand]: [FindingStatus.Done],
  [FindingStatus.Done]: [],
};

export function assertFindingMove(from: FindingStatus, to: FindingStatus): void {
  if (!FINDING_TRANSITIONS[from].includes(to))
    throw new InterimException(InterimErrorCode.InvalidTransition, { from, to });
}

/**
 * Overdue: not done and its deadline (a Shanghai calendar day, the whole day counts) has
 * passed. `today` is the Shanghai day of the app's clock.
 */
export function isFindingOverdue(
  finding: { status: FindingStatus; deadline: string },
  today: string,
): boolean {
  return finding.status !== FindingStatus.Done && today > finding.deadline;
}
