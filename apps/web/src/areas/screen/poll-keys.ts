import { type ElectionKey, fingerprintOf, shortFingerprint } from '@libs/ballot/src/index.js';

/**
 * The election key's short fingerprint (`ABCD-EFGH-IJKL-MNOP`, libs/ballot), which tellers and
 * delegates compare with their own devices and the minutes; null for an open (记名) poll.
 */
export function keyFingerprint(key: ElectionKey | null): string | null {
  return key ? shortFingerprint(fingerprintOf(key)) : null;
}
