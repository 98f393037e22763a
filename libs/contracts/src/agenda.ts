import type { EvaluationScale, ReceiptMethod } from './vocabulary.js';

/** What an agenda item puts to the vote, by kind. Candidates and persons are named here only. */
export type VoteSpec =
  | { type: 'motion'; options: string[] }
  | { type: 'election'; seats: number; candidates: { id: string; name: string; note?: string }[] }
  | {
      type: 'evaluation';
      scale: EvaluationScale;
      persons: { id: string; name: string; position?: string }[];
    };

/**
 * One circulated agenda version as delivered to one delegate or attendee, with the receipt
 * (签收) if signed. `hash` identifies the exact content signed for.
 */
export interface AgendaDelivery {
  versionId: string;
  sessionId: string;
  /** Version number, 1 for the first circulation. */
  number: number;
  hash: string;
  /** ISO 8601 (UTC); show in Asia/Shanghai. */
  deliveredAt: string;
  receiptAt: string | null;
  receiptMethod: ReceiptMethod | null;
}
