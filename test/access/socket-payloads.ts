import { randomUUID } from 'node:crypto';
import type { RequestEvent, SocketRequests } from '../../libs/contracts/src/index.js';

/** A well-formed payload for each socket request (random ids but the session's), by the contract. */
export const socketPayloads = (
  sessionId: string,
): { [E in RequestEvent]: SocketRequests[E]['payload'] } => ({
  'agenda:inbox': {},
  'agenda:sign': { versionId: randomUUID() },
  'session:join': { sessionId },
  'session:check-in': { sessionId },
  'poll:state': { sessionId },
  'poll:cast': { pollId: randomUUID(), choice: [[1, 0, 0]] },
});
