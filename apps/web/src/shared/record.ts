/**
 * A poll's published election record as the public route serves it (GET
 * /api/public/polls/{id}/record): today a wrapper whose `electionRecord` is a version 1 record; a
 * version 2 record, or version 3 for a poll voted with ballot slips (libs/ballot RECORD.md), may
 * come the same way or on its own. Which one it is is read from its `version` field, never
 * guessed from the route.
 */
export type RecordVersion = 1 | 2 | 3;

export interface FoundRecord {
  version: RecordVersion;
  record: Record<string, unknown>;
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** The election record in an answer of the record route, or null (an open poll has none). */
export function electionRecordIn(body: unknown): FoundRecord | null {
  if (!isRecord(body)) return null;
  const inner = isRecord(body.electionRecord) ? body.electionRecord : 'poll' in body ? body : null;
  if (!inner) return null;
  return inner.version === 1 || inner.version === 2 || inner.version === 3
    ? { version: inner.version, record: inner }
    : null;
}

/** The head of the board's hash chain, which version 2 and 3 records have. */
export function boardHeadOf(found: FoundRecord | null): string | null {
  if (found?.version !== 2 && found?.version !== 3) return null;
  const board = found.record.board;
  return isRecord(board) && typeof board.head === 'string' ? board.head : null;
}

/** "3f9a 0c1e 77b2 d4e8": the start of a hash, for people to read aloud and compare. */
export function hashHead(hex: string, groups = 4): string {
  return (hex.match(/.{1,4}/g) ?? []).slice(0, groups).join(' ');
}
