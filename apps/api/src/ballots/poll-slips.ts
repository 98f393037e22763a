import type { Issued, RecordSlips } from '../common/ballot.js';

/**
 * What a poll's record states as issued (发出). Outside slips mode: the count and the seats'
 * voter credentials. In slips mode the count only (`credentials: []`): a ballot's voter is made
 * from the slips the delegate drew, which nobody recorded, and the slip batches bound in the
 * record say which voters are valid. The seats' credentials stay in `polls.issued`, for the cast
 * to refuse a delegate who checked in after the opening (POLL_NOT_ISSUED) as in any poll.
 */
export function recordIssued(p: { issued: Issued; withSlips: boolean }): Issued {
  return p.withSlips ? { count: p.issued.count, credentials: [] } : p.issued;
}

/** The batches a slips poll bound at opening (not read with the poll row: every slip's key). */
export async function boundSlips(
  db: { query(sql: string, params: unknown[]): Promise<unknown> },
  pollId: string,
): Promise<RecordSlips> {
  const rows = (await db.query(`SELECT slips FROM polls WHERE id = $1`, [pollId])) as {
    slips: RecordSlips;
  }[];
  return rows[0]!.slips;
}
