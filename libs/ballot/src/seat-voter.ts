import { sha256 } from '@noble/hashes/sha2.js';
import { toHex } from './encoding.js';

/**
 * A seat's voter credential in a poll outside slips mode (the ballot's `voter`): the first 16
 * bytes of SHA-256 of "congress-voter-v1|<pollId>|<seatId>" (UTF-8), in hex. Public by design:
 * which seat cast a ballot is not secret, only its content is; the credential binds the ballot's
 * proofs to the seat, so a copied ballot cannot be cast from another. The api lists the
 * credentials it issued when the poll opened and checks each cast against them; a tablet derives
 * its own from the poll and its seat, so a hall of tablets need not ask when a poll opens.
 */
export function seatVoter(pollId: string, seatId: string): string {
  return toHex(sha256(new TextEncoder().encode(`congress-voter-v1|${pollId}|${seatId}`))).slice(
    0,
    32,
  );
}
