import { type Receipt as SignedBytes, shortCode } from '../common/ballot.js';
import type { Receipt } from '../common/contracts.js';

/** A stored ballot's board facts, as poll_ballots holds them. */
export interface BoardRow {
  poll_id: string;
  tracker: string;
  position: number;
  received_at: Date;
  chain_head: string | null;
  signature: string | null;
}

/** The bytes a secret poll's receipt signs (libs/ballot `receiptBytes`), before the signature. */
export function unsignedReceipt(
  pollId: string,
  tracker: string,
  position: number,
  chainHead: string,
  receivedAt: Date,
): SignedBytes {
  return {
    version: 2,
    pollId,
    tracker,
    shortCode: shortCode(tracker),
    position,
    chainHead,
    receivedAt: receivedAt.toISOString(),
  };
}

/** The receipt a tablet got for a stored ballot, rebuilt from its row (the same bytes, the same signature). */
export function receiptOf(r: BoardRow): Receipt {
  if (r.chain_head && r.signature)
    return {
      ...unsignedReceipt(r.poll_id, r.tracker, r.position, r.chain_head, new Date(r.received_at)),
      signature: r.signature,
    };
  return {
    version: 'open',
    pollId: r.poll_id,
    tracker: r.tracker,
    shortCode: shortCode(r.tracker),
    position: r.position,
    receivedAt: new Date(r.received_at).toISOString(),
  };
}

/** The columns `receiptOf` reads, for a SELECT on poll_ballots aliased `b`. */
export const BOARD_COLUMNS =
  'b.poll_id, b.tracker, b.position, b.received_at, b.chain_head, b.signature';
