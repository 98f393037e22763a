import {
  chainHeads,
  type ElectionRecordV2,
  type Issued,
  type PreparedClose,
} from '../common/ballot.js';

type Entry = ElectionRecordV2['board']['entries'][number];

/** The published record, or the prepared close the tellers decrypt from (its first part). */
type Recordlike = ElectionRecordV2 | PreparedClose['record'];

/**
 * The election record as `polls.record` keeps it: what the board's rows and the poll row already
 * hold durably is left out, and joined back on reading (`joinRecord`):
 *   - the board's entries (position, tracker, chain head, time received, ballot, slips): each is
 *     a poll_ballots row, appended at casting, its chain head signed on the receipt;
 *   - a version 2 record's issued credentials: `polls.issued`, fixed when the poll opened.
 * Writing them again was the close's largest write: ~6 MB with the ballots, and still ~0.5 MB
 * of hex (trackers, chain heads, credentials) without them, which PostgreSQL tried to compress
 * for ~40 ms. What is left (key, tally, decryptions, exclusions, result) is a few kB.
 * Records stored by earlier versions (whole, or without the ballots only) are read as they are.
 */
export type Stored<R extends Recordlike> = Omit<R, 'board' | 'issued'> & {
  issued: Issued | { count: number; credentials: 'polls.issued' };
  board: Omit<R['board'], 'entries'> & {
    entries: 'poll_ballots' | Entry[] | Omit<Entry, 'ballot'>[];
  };
};
export type StoredRecord = Stored<ElectionRecordV2>;

/**
 * A board row as `joinRecord` reads it (poll_ballots, the rows with a position). `ballot` may be
 * a stand-in holding only its voter where nothing else of it is needed (the counting rule's
 * 收回, board.service.ts).
 */
export interface RecordRow {
  position: number;
  tracker: string;
  chain_head: string | null;
  /** As the record writes it (`Date.toISOString`), selected with RECEIVED_AT_ISO. */
  received_at: string;
  ballot: unknown;
  slips: unknown[] | null;
}

/**
 * A board row's time received as `Date.toISOString` writes it (UTC, milliseconds, truncated like
 * a JS Date): selected as text, 2,000 rows are not parsed into dates only to be printed again.
 */
export const RECEIVED_AT_ISO = `to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export function storedRecordOf<R extends Recordlike>(record: R): Stored<R> {
  return {
    ...record,
    // A slips poll's record (version 3) names no credential: nothing to leave out.
    issued:
      record.issued.credentials.length > 0
        ? { count: record.issued.count, credentials: 'polls.issued' }
        : record.issued,
    board: { ...record.board, entries: 'poll_ballots' },
  } as Stored<R>;
}

/**
 * The published record (or the prepared close) from the stored one, the board's rows in position
 * order and the poll's issued credentials: the record made at the close, key for key.
 */
export function joinRecord<R extends Recordlike>(
  stored: Stored<R>,
  rows: readonly RecordRow[],
  issued: Issued | null,
): R {
  return {
    ...stored,
    issued:
      stored.issued.credentials === 'polls.issued'
        ? { count: stored.issued.count, credentials: issued?.credentials ?? [] }
        : stored.issued,
    board: { ...stored.board, entries: entriesOf(stored, rows) },
  } as unknown as R;
}

function entriesOf(stored: Stored<Recordlike>, rows: readonly RecordRow[]): Entry[] {
  const { entries } = stored.board;
  if (entries !== 'poll_ballots') {
    const ballotAt = new Map(rows.map((r) => [r.position, r.ballot]));
    return entries.map((e) =>
      'ballot' in e ? e : ({ ...e, ballot: ballotAt.get(e.position) } as Entry),
    );
  }
  // Rows appended before the chain head had its column get theirs from the chain, as the close
  // computed them (libs/ballot prepareClose).
  const heads = rows.every((r) => r.chain_head)
    ? rows.map((r) => r.chain_head!)
    : chainHeads(
        stored.board.genesis,
        rows.map((r) => r.tracker),
      );
  return rows.map(
    (r, i) =>
      ({
        position: r.position,
        tracker: r.tracker,
        chainHead: heads[i]!,
        receivedAt: r.received_at,
        // Left out (null) for a device that verified it already (board.service `prepared`).
        ...(r.ballot === null ? {} : { ballot: r.ballot as Entry['ballot'] }),
        ...(stored.version === 3 ? { slips: (r.slips ?? []) as Entry['slips'] } : {}),
      }) as Entry,
  );
}
