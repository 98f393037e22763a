import { createHash } from 'node:crypto';

/**
 * The credential a delegate's ballot proofs are bound to, so a copied ballot cannot be cast by
 * anyone else. Derived, not stored secret: linking a ballot to its voter is harmless because the
 * content is encrypted (docs/ballot-design.md); what must stay secret is the choice.
 */
export function voterCredential(pollId: string, delegateId: string): string {
  return createHash('sha256')
    .update(`congress-voter-v1|${pollId}|${delegateId}`)
    .digest('hex')
    .slice(0, 32);
}
