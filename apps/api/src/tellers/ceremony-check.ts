import {
  adjudicateComplaint,
  type Acknowledgement,
  BallotError,
  type CeremonyKey,
  ceremonyKey,
  type CeremonyTranscript,
  type Complaint,
  type Round1Message,
  type Round2Message,
  type Verdict,
  verifyAck,
  verifyCeremonyKey,
  verifyCeremonyTranscript,
  verifyRound1,
  verifyRound2,
} from '../common/ballot.js';
import { ballotCheckReason } from '../common/ballot-check-text.js';
import type { MessageKind } from './ceremony-status.js';
import { TellersErrorCode, TellersException } from './tellers.exception.js';

/** A ceremony's header and the messages already stored, by kind. */
export interface CeremonyState {
  ceremonyId: string;
  threshold: number;
  tellers: number;
  messages: Record<MessageKind, object[]>;
}

/** What accepting a message leads to. */
export type CheckOutcome =
  | { kind: 'stored' }
  | { kind: 'failed'; verdicts: Verdict[] }
  | { kind: 'ready'; transcript: CeremonyTranscript; key: CeremonyKey };

/**
 * Checks one message from teller `index` with libs/ballot's checks (the server re-does every
 * check a teller's device does on public data) and says what it leads to. Throws
 * TELLERS_BAD_MESSAGE (400) naming libs/ballot's code when the message fails.
 */
export function checkMessage(
  s: CeremonyState,
  kind: MessageKind,
  index: number,
  message: object,
): CheckOutcome {
  return asBadMessage(() => {
    const params = { ceremonyId: s.ceremonyId, threshold: s.threshold, tellers: s.tellers };
    if (kind === 'round1') {
      const m = message as Round1Message;
      sender(m.index, index);
      verifyRound1(m, params);
      return { kind: 'stored' };
    }
    const key = ceremonyKey(byIndex(s.messages.round1 as Round1Message[], (m) => m.index));
    const info = verifyCeremonyKey(key);
    if (kind === 'round2') {
      const m = message as Round2Message;
      sender(m.from, index);
      verifyRound2(info, m);
      return { kind: 'stored' };
    }
    const round2 = byIndex(s.messages.round2 as Round2Message[], (m) => m.from);
    if (kind === 'complaint') {
      const c = message as Complaint;
      sender(c.accuser, index);
      // Judged at once from public data; any complaint means the ceremony is run again.
      const verdicts = [...(s.messages.complaint as Complaint[]), c].map((x) =>
        adjudicateComplaint(key, round2, x),
      );
      return { kind: 'failed', verdicts };
    }
    const ack = message as Acknowledgement;
    sender(ack.index, index);
    verifyAck(info, ack);
    const acks = [...(s.messages.ack as Acknowledgement[]), ack];
    if (acks.length < s.tellers) return { kind: 'stored' };
    const transcript: CeremonyTranscript = {
      version: 2,
      ...params,
      round1: key.tellers,
      round2,
      complaints: [],
      acks: byIndex(acks, (a) => a.index),
    };
    return { kind: 'ready', transcript, key: verifyCeremonyTranscript(transcript) };
  });
}

function byIndex<T>(items: T[], indexOf: (x: T) => number): T[] {
  return [...items].sort((a, b) => indexOf(a) - indexOf(b));
}

/** A teller posts only its own messages. */
function sender(claimed: unknown, index: number) {
  if (claimed !== index)
    throw new BallotError(
      'BAD_CEREMONY',
      `the message is teller ${String(claimed)}'s, not ${index}'s`,
      { trustee: index, check: 'sender' },
    );
}

function asBadMessage<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof BallotError)) throw e;
    // The code and its Chinese text: libs/ballot's message is English, for logs and records.
    throw new TellersException(TellersErrorCode.BadMessage, {
      ...ballotCheckReason(e),
      ...(e.detail ? { detail: e.detail } : {}),
    });
  }
}
