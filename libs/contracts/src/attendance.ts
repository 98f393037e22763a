import type { QuorumResult } from '../../tally/src/index.js';

export type { QuorumResult };

/**
 * A session's attendance, counted from the database when sent: a recall lowers `total` at once.
 * Names and absence reasons are never in it (staff read them over HTTP).
 */
export interface AttendanceSummary {
  sessionId: string;
  /** Serving voting delegates right now. */
  total: number;
  /** Voting delegates checked in. */
  present: number;
  absentWithReason: number;
  notCheckedIn: number;
  attendeesPresent: number;
  /** Whether the quorum (法定人数) is reached, with the rule, the numbers and a sentence for the screen. */
  quorum: QuorumResult;
}
