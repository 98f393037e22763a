/**
 * The tellers' (监票人) side: the key ceremony their devices run through the server, and the
 * decryption requests at each close. Every message is public (no secret in any of them).
 */
export type CeremonyStatus = 'collecting' | 'ready' | 'failed';

/** Sent to the session and to each teller when a ceremony changes: a device proceeds on it. */
export interface CeremonyProgress {
  /** The ceremony's row id (GET /api/ceremonies/:id). */
  id: string;
  sessionId: string;
  status: CeremonyStatus;
  /** Messages received so far, by kind. */
  received: { round1: number; round2: number; complaint: number; ack: number };
  /** What each teller's device does next (null when ready or failed). */
  next: 'round1' | 'round2' | 'ack' | null;
  /** When ready: the key's short fingerprint, read aloud against the projector. */
  shortFingerprint: string | null;
}

/** Sent to a poll's tellers when its close waits for their partial decryptions. */
export interface DecryptionRequest {
  pollId: string;
  sessionId: string;
  /** The ceremony row the poll's key derives from. */
  ceremonyId: string;
}
