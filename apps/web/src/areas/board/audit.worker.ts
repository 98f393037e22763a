/**
 * The audit page's Web Worker: re-encrypting every entry of a ballot (and checking its proofs)
 * takes a moment on a phone; the page stays responsive meanwhile.
 */
import type { BallotAudit } from '@libs/ballot/src/index.js';
import { type AuditedPoll, type AuditOutcome, checkAudit } from './audit-ballot.js';

export interface AuditRequest {
  audit: BallotAudit;
  poll: AuditedPoll;
}

self.onmessage = (e: MessageEvent<AuditRequest>) => {
  const answer: AuditOutcome = checkAudit(e.data.audit, e.data.poll);
  self.postMessage(answer);
};
