import type { Receipt } from '@libs/contracts/src/index.js';

/**
 * The receipts of this tablet's ballots, kept on the device (localStorage) so that the delegate
 * can compare them with the public board after the session, even if the server forgot them.
 * Stored as the server sent them (with the poll's title added), so fields the server adds later
 * (board position, chain head, signature) are kept too.
 */
export type KeptReceipt = Receipt & { title?: string } & Record<string, unknown>;

const key = (userId: string) => `congress.receipts.${userId}`;

export function keptReceipts(userId: string): Record<string, KeptReceipt> {
  try {
    const raw = localStorage.getItem(key(userId));
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, KeptReceipt>) : {};
  } catch {
    // A damaged entry is the same as none; the server still has every receipt (poll:state).
    return {};
  }
}

/** Keeps a receipt; a receipt already kept for the poll is not replaced by a different one. */
export function keepReceipt(userId: string, receipt: KeptReceipt): Record<string, KeptReceipt> {
  const all = keptReceipts(userId);
  const had = all[receipt.pollId];
  all[receipt.pollId] = had && had.tracker === receipt.tracker ? { ...receipt, ...had } : receipt;
  localStorage.setItem(key(userId), JSON.stringify(all));
  return all;
}
