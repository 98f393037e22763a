import { apiOf, unwrap } from '@web/shared/api.js';

export type BoardCheck =
  { found: true; board: string; counted: boolean; exclusion: string | null } | { found: false };

/**
 * Looks for this tablet's tracker on the poll's public board (the election record anyone can
 * read, no log-in), after the result: the delegate's own check that the ballot was counted.
 * A version 2 or 3 record lists the board's entries by position with the exclusions beside them;
 * a version 1 record (polls decided before the board was chained) lists each entry's verdict.
 */
export async function findOnBoard(pollId: string, tracker: string): Promise<BoardCheck> {
  const record = await unwrap(
    apiOf('tablet').GET('/api/public/polls/{id}/record', { params: { path: { id: pollId } } }),
  );
  if ('version' in record && (record.version === 2 || record.version === 3)) {
    const entry = record.board.entries.find((e) => e.tracker === tracker);
    if (!entry) return { found: false };
    const excluded = (record.exclusions as { position: number; reason: string }[]).find(
      (x) => x.position === entry.position,
    );
    return {
      found: true,
      board: String(entry.position),
      counted: !excluded,
      exclusion: excluded?.reason ?? null,
    };
  }
  const legacy = record as unknown as {
    board: { board: string; tracker: string; counted: boolean; exclusion: string | null }[];
  };
  const entry = legacy.board.find((b) => b.tracker === tracker);
  return entry
    ? { found: true, board: entry.board, counted: entry.counted, exclusion: entry.exclusion }
    : { found: false };
}
