import type { PreparedClose } from '../common/ballot.js';
import type { Poll } from './poll.entity.js';

/**
 * THE SEAM between the close and whoever holds the decryption key (docs/architecture.md).
 * At the close, `BallotsClose` (close.service.ts) prepares the record (board, exclusions, encrypted tally) and hands
 * it here; the decryptor obtains partial decryptions of `prepared.record.tally` — at once, or
 * later from the tellers' devices — and calls back `BallotsClose.finish(pollId, partials)`, which
 * checks them, stores the record and decides. `request` may resolve before the answer comes
 * (null); when the poll was decided within it, it resolves with the decided poll.
 */
export abstract class PollDecryptor {
  /** `poll`: the closed poll as the close read it. */
  abstract request(poll: Poll, prepared: PreparedClose): Promise<Poll | null>;
}
