import { seatVoter } from '../common/ballot.js';

/**
 * The credential a delegate's ballot proofs are bound to, so a copied ballot cannot be cast by
 * anyone else: libs/ballot `seatVoter`, which a tablet also derives for itself when a poll opens.
 * Derived, not stored secret: linking a ballot to its voter is harmless because the content is
 * encrypted (docs/ballot-design.md); what must stay secret is the choice.
 */
export const voterCredential = (pollId: string, delegateId: string): string =>
  seatVoter(pollId, delegateId);
