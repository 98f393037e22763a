import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import {
  type ElectionRecordV2,
  type Issued,
  type PreparedClose,
  shortCode,
} from '../common/ballot.js';
import type { Receipt } from '../common/contracts.js';
import type { Poll } from './poll.entity.js';
import { PollBallot } from './poll-ballot.entity.js';
import { ballotSpecOf } from './poll-shape.js';
import { BOARD_COLUMNS, type BoardRow, receiptOf } from './receipts.js';
import {
  joinRecord,
  RECEIVED_AT_ISO,
  type RecordRow,
  type Stored,
  type StoredRecord,
} from './stored-record.js';

/** The version 1 record of a poll decided before the board existed (kept as it was published). */
export interface LegacyPollRecord {
  pollId: string;
  title: string;
  secret: boolean;
  keyMode: string | null;
  board: {
    board: string;
    tracker: string;
    shortCode: string;
    counted: boolean;
    exclusion: string | null;
  }[];
  result: object | null;
  electionRecord: object | null;
}

/** Which ballots a record read joins back (`prepared`). */
type Ballots = 'whole' | 'voters' | { followed: number };

/** The bulletin board and the published record. Never names a delegate. */
@Injectable()
export class BoardService {
  constructor(@InjectRepository(PollBallot) private readonly ballots: Repository<PollBallot>) {}

  /**
   * A decided secret poll's record: format version 2 or 3 (libs/ballot/RECORD.md) as made at the
   * close (stored without its board entries and credentials, joined back here from the board's
   * rows and the poll row: stored-record.ts), which
   * `npm run verify-poll -- <this URL>` checks. Open polls and polls decided
   * before the board existed get the version 1 form they were published in.
   */
  async record(poll: Poll): Promise<ElectionRecordV2 | LegacyPollRecord> {
    const [row]: { record: { version?: number } | null; issued: Issued | null }[] =
      await this.ballots.query(`SELECT record, issued FROM polls WHERE id = $1`, [poll.id]);
    const stored = row?.record ?? null;
    // Version 3: a slips poll's (the same record, with the slip batches and signatures).
    if (stored?.version === 2 || stored?.version === 3)
      return joinRecord(stored as StoredRecord, await this.rows(poll.id, 'whole'), row!.issued);
    const ballots = await this.ballots.find({ where: { pollId: poll.id }, order: { id: 'ASC' } });
    const board = ballots.map((b) => ({
      board: String(b.position ?? b.id),
      tracker: b.tracker,
      shortCode: shortCode(b.tracker),
      counted: b.exclusion === null,
      exclusion: b.exclusion,
    }));
    const v1 = stored as { tally: unknown; decryptions: unknown[]; result: unknown } | null;
    return {
      pollId: poll.id,
      title: poll.title,
      secret: poll.secret,
      keyMode: poll.keyMode,
      board,
      result: poll.result,
      electionRecord: poll.secret
        ? {
            version: 1,
            poll: ballotSpecOf(poll),
            key: poll.electionKey,
            ballots: ballots.map((b) => b.ballot),
            tally: v1?.tally,
            decryptions: v1?.decryptions,
            result: v1?.result,
          }
        : null,
    };
  }

  /**
   * A tellers' poll's prepared close as stored at the close, joined back (null before it is
   * prepared). `whole`: with every ballot, what a teller's device re-verifies (~6 MB for 2,000);
   * `voters`: each ballot a stand-in holding its voter, all that checking a partial decryption
   * and finishing the record need; `{ followed }`: for a teller's device that verified the board
   * up to that position, the ballots after it and the excluded ones only (libs/ballot
   * `FollowedRecord`: the other entries without their ballot).
   */
  async prepared(pollId: string, ballots: Ballots): Promise<PreparedClose['record'] | null> {
    const [row]: { prepared: Stored<PreparedClose['record']> | null; issued: Issued | null }[] =
      await this.ballots.query(
        `SELECT prepared, issued FROM polls WHERE id = $1 AND prepared IS NOT NULL`,
        [pollId],
      );
    if (!row?.prepared) return null;
    const excluded = row.prepared.exclusions.map((x) => x.position);
    return joinRecord(row.prepared, await this.rows(pollId, ballots, excluded), row.issued);
  }

  private rows(pollId: string, ballots: Ballots, excluded: number[] = []): Promise<RecordRow[]> {
    // 'voters': each ballot's voter is its row's credential (the cast path refuses a ballot
    // naming another), read without unpacking ~3 KB of compressed JSON a row.
    const ballot =
      ballots === 'whole'
        ? 'ballot'
        : ballots === 'voters'
          ? `jsonb_build_object('voter', credential)`
          : `CASE WHEN position > $2 OR position = ANY($3::int[]) THEN ballot END`;
    return this.ballots.query(
      `SELECT position, tracker, chain_head, ${RECEIVED_AT_ISO} AS received_at,
              ${ballot} AS ballot, slips
         FROM poll_ballots WHERE poll_id = $1 AND position IS NOT NULL ORDER BY position`,
      typeof ballots === 'object' ? [pollId, ballots.followed, excluded] : [pollId],
    );
  }

  /**
   * Each seat's own receipts for the polls of a session (what its tablet sees after reconnecting),
   * for many seats in one query: of their current ballots, not those a newer ballot superseded
   * (last press counts). A seat with none is missing from the map.
   */
  async receiptsOfSeats(sessionId: string, seatIds: string[]): Promise<Map<string, Receipt[]>> {
    const bySeat = new Map<string, Receipt[]>();
    if (seatIds.length === 0) return bySeat;
    const rows: (BoardRow & { delegate_id: string })[] = await this.ballots.query(
      `SELECT b.delegate_id, ${BOARD_COLUMNS}
         FROM poll_ballots b JOIN polls p ON p.id = b.poll_id
        WHERE p.session_id = $1 AND b.delegate_id = ANY($2::uuid[]) AND b.superseded_by IS NULL`,
      [sessionId, seatIds],
    );
    for (const r of rows) {
      const mine = bySeat.get(r.delegate_id) ?? [];
      mine.push(receiptOf(r));
      bySeat.set(r.delegate_id, mine);
    }
    return bySeat;
  }
}
