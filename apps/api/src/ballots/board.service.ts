import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { shortCode } from '../common/ballot.js';
import { SessionsService } from '../congress/sessions.service.js';
import { SeatsService } from '../roster/seats.service.js';
import type { Receipt } from '../common/contracts.js';
import type { Poll } from './poll.entity.js';
import { PollBallot } from './poll-ballot.entity.js';
import { pollSpecFor } from './poll-shape.js';
import type { VoteSpec } from '../agenda/vote-spec.js';

/** The bulletin board and the published record. Never names a delegate. */
@Injectable()
export class BoardService {
  constructor(
    @InjectRepository(PollBallot) private readonly ballots: Repository<PollBallot>,
    private readonly sessions: SessionsService,
    private readonly seats: SeatsService,
  ) {}

  async record(poll: Poll) {
    const ballots = await this.ballots.find({ where: { pollId: poll.id }, order: { id: 'ASC' } });
    const board = ballots.map((b) => ({
      board: b.id,
      tracker: b.tracker,
      shortCode: shortCode(b.tracker),
      counted: b.exclusion === null,
      exclusion: b.exclusion,
    }));
    const record = poll.record as {
      tally: unknown;
      decryptions: unknown[];
      result: unknown;
    } | null;
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
            poll: pollSpecFor(poll.voteSpec as VoteSpec),
            key: poll.electionKey,
            ballots: ballots.map((b) => b.ballot),
            tally: record?.tally,
            decryptions: record?.decryptions,
            result: record?.result,
          }
        : null,
    };
  }

  /** A tablet's own receipts for the polls of a session (what it sees after reconnecting). */
  async receipts(sessionId: string, userId: string): Promise<Receipt[]> {
    const session = await this.sessions.get(sessionId);
    const seat = await this.seats.seatOf(session.termId, userId);
    if (!seat) return [];
    const rows: { poll_id: string; id: string; tracker: string; received_at: Date }[] =
      await this.ballots.query(
        `SELECT b.poll_id, b.id, b.tracker, b.received_at
         FROM poll_ballots b JOIN polls p ON p.id = b.poll_id
        WHERE p.session_id = $1 AND b.delegate_id = $2`,
        [sessionId, seat.id],
      );
    return rows.map((r) => ({
      pollId: r.poll_id,
      tracker: r.tracker,
      shortCode: shortCode(r.tracker),
      board: String(r.id),
      receivedAt: new Date(r.received_at).toISOString(),
    }));
  }
}
