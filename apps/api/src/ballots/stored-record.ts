import type { ElectionRecordV2 } from '../common/ballot.js';

/**
 * The election record as `polls.record` keeps it: whole, but for each board entry's ballot,
 * which poll_ballots already holds durably (append-only) under the same position. Writing the
 * ballots a second time made the close store ~6 MB for 2,000 ballots in one transaction, the
 * largest part of its time; the published record is the same JSON, joined back on reading
 * (`withBallots`). Records stored before this keep their ballots and are read as they are.
 */
export type StoredRecord = Omit<ElectionRecordV2, 'board'> & {
  board: Omit<ElectionRecordV2['board'], 'entries'> & {
    entries: Omit<ElectionRecordV2['board']['entries'][number], 'ballot'>[];
  };
};

export function storedRecordOf(record: ElectionRecordV2): StoredRecord {
  return {
    ...record,
    board: {
      ...record.board,
      entries: record.board.entries.map(({ ballot: _ballot, ...entry }) => entry),
    },
  };
}

/** The published record from the stored one and the board's ballots, by position. */
export function withBallots(
  stored: StoredRecord | ElectionRecordV2,
  ballotAt: ReadonlyMap<number, unknown>,
): ElectionRecordV2 {
  return {
    ...stored,
    board: {
      ...stored.board,
      entries: stored.board.entries.map((e) =>
        'ballot' in e ? e : { ...e, ballot: ballotAt.get(e.position) as never },
      ),
    },
  } as ElectionRecordV2;
}

/** True when the stored entries carry no ballot (stored by this version or later). */
export function needsBallots(stored: StoredRecord | ElectionRecordV2): boolean {
  const first = stored.board.entries[0];
  return first !== undefined && !('ballot' in first);
}
