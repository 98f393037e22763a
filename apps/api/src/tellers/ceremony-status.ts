/**
 * The ceremony as data: its statuses, the messages each teller sends, and what must be in before
 * a kind of message is accepted. Round 2 needs every round-1 message (each teller's shares are
 * encrypted to the others' transport keys); complaints and acknowledgements need every round-2.
 */
export const CEREMONY_STATUSES = ['collecting', 'ready', 'failed'] as const;
export type CeremonyStatus = (typeof CEREMONY_STATUSES)[number];

export const MESSAGE_KINDS = ['round1', 'round2', 'complaint', 'ack'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** The kind whose messages must all be in (one per teller) before this kind is accepted. */
export const NEEDS_ALL: Record<MessageKind, MessageKind | null> = {
  round1: null,
  round2: 'round1',
  complaint: 'round2',
  ack: 'round2',
};

/** The step a teller's device takes next, from the counts received (null: nothing to do). */
export function nextStep(
  status: CeremonyStatus,
  received: Record<MessageKind, number>,
  n: number,
): 'round1' | 'round2' | 'ack' | null {
  if (status !== 'collecting') return null;
  if (received.round1 < n) return 'round1';
  if (received.round2 < n) return 'round2';
  return 'ack';
}
