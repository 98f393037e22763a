import type { ApproverRole } from '../common/contracts.js';
import type { DelegateStatus, RosterKind } from './roster.enums.js';
import { isServingVoter } from './seat-rules.js';

interface Seat {
  id: string;
  status: DelegateStatus;
  kind: RosterKind;
  presidium: boolean;
  teller: boolean;
}

/**
 * Issue 16, item 2: a code re-issued during a session for a checked-in delegate needs a second
 * person's approval, a presidium member (主席团成员) or a teller (监票人) — a serving voting
 * delegate of the session's term holding either office — and never the delegate whose code it
 * is. A seat holding both offices approves as a presidium member. Null: this seat may not approve.
 */
export function reissueApproverRole(seat: Seat | null, concernedId: string): ApproverRole | null {
  if (!seat || seat.id === concernedId || !isServingVoter(seat)) return null;
  if (seat.presidium) return 'presidium';
  return seat.teller ? 'teller' : null;
}
