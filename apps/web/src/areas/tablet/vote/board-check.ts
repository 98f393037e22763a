import { apiOf, unwrap } from '@web/shared/api.js';

export type BoardCheck =
  { found: true; board: string; counted: boolean; exclusion: string | null } | { found: false };

/**
 * Looks for this tablet's tracker on the poll's public board (the election record anyone can
 * read, no log-in), after the result: the delegate's own check that the ballot was counted.
 */
export async function findOnBoard(pollId: string, tracker: string): Promise<BoardCheck> {
  const record = await unwrap(
    apiOf('tablet').GET('/api/public/polls/{id}/record', { params: { path: { id: pollId } } }),
  );
  const entry = record.board.find((b) => b.tracker === tracker);
  return entry
    ? { found: true, board: entry.board, counted: entry.counted, exclusion: entry.exclusion }
    : { found: false };
}
