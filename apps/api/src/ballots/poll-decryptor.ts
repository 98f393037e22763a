import type { PreparedClose } from '../common/ballot.js';

/**
 * THE SEAM between the close and whoever holds the decryption key (docs/architecture.md).
 * At the close, `BallotsClose` (close.service.ts) prepares the record (board, exclusions, encrypted tally) and hands
 * it here; the decryptor obtains partial decryptions of `prepared.record.tally` — at once, or
 * later from the tellers' devices — and calls back `BallotsClose.finish(pollId, partials)`, which
 * checks them, stores the record and decides. `request` may resolve before the answer comes.
 */
export abstract class PollDecryptor {
  abstract request(pollId: string, prepared: PreparedClose): Promise<void>;
}
