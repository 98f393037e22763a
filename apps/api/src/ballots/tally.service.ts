import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { VoteSpec } from '../agenda/vote-spec.js';
import { sessionRoom } from '../attendance/attendance.service.js';
import { AttendanceService } from '../attendance/attendance.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import {
  type Ballot,
  BallotVerifierPool,
  combineDecryptions,
  type ElectionKey,
  partialDecrypt,
  type TrusteeSecret,
} from '../common/ballot.js';
import { Clock } from '../common/clock.js';
import type { PollResult } from '../common/contracts.js';
import { majorityRule } from '../common/tally.js';
import { AppConfig } from '../config/app-config.js';
import { SessionsService } from '../congress/sessions.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { RealtimeService } from '../realtime/realtime.service.js';
import { SeatsService } from '../roster/seats.service.js';
import { BallotsErrorCode, BallotsException } from './ballots.exception.js';
import { Poll, PollStatus } from './poll.entity.js';
import { PollBallot } from './poll-ballot.entity.js';
import { decide } from './poll-shape.js';
import { pollView, shapeOf } from './poll-view.js';

interface Exclusion {
  tracker: string;
  board: string;
  reason: string;
}

/**
 * Closing a poll and deciding it: verify every ballot's proofs, sum the valid ones, decrypt the
 * sum (never a single ballot), and apply the congress's majority rule (libs/tally).
 */
@Injectable()
export class TallyService {
  private readonly logger = new Logger('Tally');

  constructor(
    @InjectRepository(Poll) private readonly polls: Repository<Poll>,
    @InjectRepository(PollBallot) private readonly ballots: Repository<PollBallot>,
    private readonly sessions: SessionsService,
    private readonly seats: SeatsService,
    private readonly attendance: AttendanceService,
    private readonly notifications: NotificationsService,
    private readonly realtime: RealtimeService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async close(pollId: string, actor: AuthContext): Promise<Poll> {
    const closed = await this.polls.query(
      `UPDATE polls SET status = 'closed', closed_at = $2, closed_by = $3 WHERE id = $1 AND status = 'open' RETURNING id`,
      [pollId, this.clock.now(), actor.userId],
    );
    if ((closed[0] as unknown[]).length === 0) {
      const exists = await this.polls.existsBy({ id: pollId });
      throw new BallotsException(exists ? BallotsErrorCode.NotOpen : BallotsErrorCode.PollNotFound);
    }
    const poll = await this.polls.findOneByOrFail({ id: pollId });
    this.realtime.toRoom(sessionRoom(poll.sessionId), 'poll:closed', { pollId });
    return this.tally(pollId);
  }

  /** Decides a closed poll; safe to run again (after a crash between close and result). */
  async tally(pollId: string): Promise<Poll> {
    const poll = await this.polls
      .createQueryBuilder('p')
      .addSelect('p.custodianSecret')
      .where('p.id = :pollId', { pollId })
      .getOne();
    if (!poll) throw new BallotsException(BallotsErrorCode.PollNotFound);
    if (poll.status !== PollStatus.Closed) throw new BallotsException(BallotsErrorCode.NotOpen);
    if (poll.result) return poll;

    const session = await this.sessions.get(poll.sessionId);
    const settings = await this.sessions.settingsOf(session);
    const ballots = await this.ballots.find({ where: { pollId }, order: { id: 'ASC' } });
    const serving = await this.seats.servingVoterIds(ballots.map((b) => b.delegateId));

    const exclusions: Exclusion[] = [];
    const exclude = (b: PollBallot, reason: string) =>
      exclusions.push({ tracker: b.tracker, board: b.id, reason });
    // A seat lost (recall, leaving) between casting and the close takes its ballot with it.
    const counted = ballots.filter(
      (b) => serving.has(b.delegateId) || (exclude(b, 'SEAT_LOST'), false),
    );

    const spec = poll.voteSpec as VoteSpec;
    const { counts, record, valid } = poll.secret
      ? await this.decryptSum(poll, counted, exclude)
      : { counts: sumOpen(counted, spec), record: null, valid: counted.length };

    const attendance = await this.attendance.summary(session.id);
    const electorate = {
      total: attendance.total,
      present: Math.max(attendance.present, ballots.length),
    };
    const { base, numerator, denominator } = settings.majority;
    const rule = majorityRule(base, { numerator, denominator }, '>');
    const decision = decide(
      spec,
      counts,
      { valid, invalid: ballots.length - valid },
      electorate,
      rule,
      poll.title,
    );
    const result: PollResult = {
      decision,
      counts,
      ballots: { cast: ballots.length, counted: valid, excluded: exclusions.length },
      exclusions,
      keyMode: poll.keyMode,
      tallyAt: this.clock.now().toISOString(),
    };

    await this.polls.manager.transaction(async (m) => {
      for (const x of exclusions)
        await m.update(PollBallot, { id: x.board }, { exclusion: x.reason });
      await m.update(Poll, { id: pollId }, { result, record });
    });
    await this.tellExcluded(poll, ballots, exclusions);
    const decided = await this.polls.findOneByOrFail({ id: pollId });
    this.realtime.toRoom(sessionRoom(poll.sessionId), 'poll:result', pollView(decided));
    this.logger.log({ pollId, cast: ballots.length, counted: valid }, 'poll decided');
    return decided;
  }

  private async decryptSum(
    poll: Poll,
    counted: PollBallot[],
    exclude: (b: PollBallot, reason: string) => void,
  ) {
    const key = poll.electionKey as ElectionKey;
    const shape = shapeOf(poll);
    const pool = await BallotVerifierPool.create({
      key,
      shape,
      threads: this.config.ballotVerifyThreads,
    });
    try {
      const verified = await pool.verify(
        counted.map((b) => ({ ballot: b.ballot as Ballot, voter: b.credential })),
      );
      verified.outcomes.forEach((o, i) => {
        if (!o.ok) exclude(counted[i]!, o.error.code);
      });
      const partial = partialDecrypt(
        key,
        shape,
        poll.custodianSecret as TrusteeSecret,
        verified.tally,
      );
      const result = combineDecryptions(key, shape, verified.tally, [partial]);
      return {
        counts: result.counts,
        record: { tally: verified.tally, decryptions: [partial], result },
        valid: verified.valid,
      };
    } finally {
      await pool.close();
    }
  }

  /** A tablet whose ballot was not counted is told, with the reason. */
  private async tellExcluded(poll: Poll, ballots: PollBallot[], exclusions: Exclusion[]) {
    if (exclusions.length === 0) return;
    const byBoard = new Map(ballots.map((b) => [b.id, b.delegateId]));
    const seats = await this.seats.byIds(exclusions.map((x) => byBoard.get(x.board)!));
    const push = await this.notifications.notify(
      seats.map((s) => s.userId).filter((u): u is string => !!u),
      'poll.ballot_excluded',
      `您在「${poll.title}」中的选票未计入`,
      { pollId: poll.id },
    );
    push();
  }
}

function sumOpen(ballots: PollBallot[], spec: VoteSpec): number[][] {
  const sizes =
    spec.type === 'motion'
      ? [spec.options.length]
      : spec.type === 'election'
        ? [spec.candidates.length]
        : spec.persons.map(() => (spec.scale === 'competence' ? 4 : 3));
  const counts = sizes.map((n) => new Array<number>(n).fill(0));
  for (const b of ballots)
    b.openChoice!.forEach((q, i) => q.forEach((m, e) => (counts[i]![e]! += m)));
  return counts;
}
