import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import {
  type Ballot,
  type PreparedClose,
  prepareClose,
  type RecordKey,
  type RunningSum,
} from '../common/ballot.js';
import { SeatsService } from '../roster/seats.service.js';
import type { Poll } from './poll.entity.js';
import { PollBallot } from './poll-ballot.entity.js';
import { RECEIVED_AT_ISO } from './stored-record.js';

/** The counting rule excluded a ballot the light close did not read. */
class NeedsBallots extends Error {}

@Injectable()
export class LightClose {
  constructor(
    @InjectRepository(PollBallot) private readonly ballots: Repository<PollBallot>,
    private readonly seats: SeatsService,
  ) {}

  /**
   * A secret poll's close without reading every ballot (~6 MB for 2,000): each entry is a
   * stand-in holding its voter, and only the ballots that may be excluded (superseded, seat lost)
   * are read, since the running sum less those is the tally. The record, and a tellers' poll's
   * prepared close, made from it are stored without ballots anyway (stored-record.ts). Null (read
   * everything) when a ballot was not verified on arrival or the counting rule excludes one that
   * was not read.
   */
  async prepare(poll: Poll, key: RecordKey, running: RunningSum): Promise<PreparedClose | null> {
    // A secret ballot is stored under the voter its proofs are bound to (cast.service.ts refuses
    // one naming another): `credential` is its `voter`, read without unpacking ~3 KB of
    // compressed JSON per row (~6 MB for 2,000) as `ballot->>'voter'` did.
    const rows: {
      position: number;
      delegate_id: string;
      tracker: string;
      chain_head: string;
      verified: boolean;
      received_at: string;
      superseded: boolean;
      voter: string;
    }[] = await this.ballots.query(
      `SELECT position, delegate_id, tracker, chain_head, verified,
              ${RECEIVED_AT_ISO} AS received_at,
              superseded_by IS NOT NULL AS superseded, credential AS voter
         FROM poll_ballots WHERE poll_id = $1 ORDER BY position`,
      [poll.id],
    );
    if (running.count !== rows.length || rows.some((r) => !r.verified)) return null;
    const serving = await this.seats.servingVoterIds(rows.map((r) => r.delegate_id));
    const seatLost = rows.filter((r) => !serving.has(r.delegate_id)).map((r) => r.position);
    const maybeOut = rows.filter((r) => r.superseded).map((r) => r.position);
    const read = await this.ballotsAt(poll.id, [...seatLost, ...maybeOut]);
    const entries = rows.map((r) => ({
      ballot: (read.get(r.position) ?? { voter: r.voter }) as Ballot,
      receivedAt: r.received_at,
    }));
    const standIns = new Set<object>(
      entries.filter((_, i) => !read.has(rows[i]!.position)).map((e) => e.ballot),
    );
    const board = entries.map((e) => e.ballot);
    try {
      return prepareClose({
        poll: poll.recordPoll!,
        key,
        issued: poll.issued!,
        boardKey: poll.boardKey!,
        entries,
        seatLost,
        verified: rows.map(() => true),
        trackers: rows.map((r) => r.tracker),
        // Computed and signed as each ballot was appended (board-append.ts): every row has one,
        // since every ballot came through the cast path (the running sum counts them all).
        chainHeads: rows.map((r) => r.chain_head),
        // And the chain starts from the genesis stored at opening (polls.service.ts).
        genesis: poll.boardGenesis ?? undefined,
        sumVerified: (key, _shape, counted) => {
          const kept = new Set<object>(counted);
          const left = board.filter((b) => !kept.has(b));
          if (left.some((b) => standIns.has(b))) throw new NeedsBallots();
          return running.tallyWithout(key, left);
        },
      });
    } catch (e) {
      if (e instanceof NeedsBallots) return null;
      throw e;
    }
  }

  private async ballotsAt(pollId: string, positions: number[]): Promise<Map<number, Ballot>> {
    if (positions.length === 0) return new Map();
    const rows: { position: number; ballot: Ballot }[] = await this.ballots.query(
      `SELECT position, ballot FROM poll_ballots WHERE poll_id = $1 AND position = ANY($2)`,
      [pollId, positions],
    );
    return new Map(rows.map((r) => [r.position, r.ballot]));
  }
}
