import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { AttendanceService, sessionRoom } from '../attendance/attendance.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import {
  type Ballot,
  type ElectionKeyV1,
  type ElectionRecordV2,
  finishRecord,
  type PartialDecryption,
  type PreparedClose,
  prepareClose,
  type RecordKey,
  resumeClose,
  type RunningSum,
  sodiumGroup,
  sodiumSummer,
  type VerifiedSummer,
} from '../common/ballot.js';
import { Clock } from '../common/clock.js';
import type { PollResult } from '../common/contracts.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { RealtimeService } from '../realtime/realtime.service.js';
import { SeatsService } from '../roster/seats.service.js';
import { CeremoniesService } from '../tellers/index.js';
import { BallotsErrorCode, BallotsException } from './ballots.exception.js';
import { Poll, PollStatus } from './poll.entity.js';
import { PollBallot } from './poll-ballot.entity.js';
import { findWithIssued } from './poll-issued.js';
import { PollDecryptor } from './poll-decryptor.js';
import { decideOpenPoll } from './open-poll-result.js';
import { pollView } from './poll-view.js';
import { shapeOf } from './poll-shape.js';
import { boundSlips, recordIssued } from './poll-slips.js';
import { RunningSums } from './running-sums.js';
import { LightClose } from './light-close.js';
import { BoardService } from './board.service.js';
import { storedRecordOf } from './stored-record.js';

/** A ballot not counted, by board position, with its reason (libs/ballot's exclusion reasons). */
export interface PollExclusion {
  position: number;
  reason: string;
  code?: string;
}

/**
 * Closing a poll and deciding it. A secret poll's close runs in three steps, each stored, so a
 * crash between them is repaired by running `tally` again:
 *   1. close: no more ballots (the poll row's lock orders it after every append); the electorate
 *      (serving delegates, checked in) is fixed;
 *   2. prepare (libs/ballot `prepareClose`): the board, the exclusions with their reasons, the
 *      encrypted sum of the counted ballots — proofs were verified on arrival and are not checked
 *      again — stored as `polls.prepared` (tellers' mode) and handed to the PollDecryptor;
 *   3. finish (`finishRecord`, called back by the decryptor with the partial decryptions): the
 *      counts, the 收回 ≤ 发出 rule, the decision; the version 2 record is stored and published.
 * Neither the prepared close nor the record is stored with what the board's rows and the poll
 * row already hold (each entry, the issued credentials): BoardService joins them back on reading
 * (stored-record.ts).
 */
@Injectable()
export class BallotsClose {
  private readonly logger = new Logger('Tally');

  constructor(
    @InjectRepository(Poll) private readonly polls: Repository<Poll>,
    @InjectRepository(PollBallot) private readonly ballots: Repository<PollBallot>,
    private readonly seats: SeatsService,
    private readonly attendance: AttendanceService,
    private readonly notifications: NotificationsService,
    private readonly realtime: RealtimeService,
    private readonly decryptor: PollDecryptor,
    private readonly ceremonies: CeremoniesService,
    private readonly sums: RunningSums,
    private readonly light: LightClose,
    private readonly board: BoardService,
    private readonly clock: Clock,
  ) {}

  /** Closes an open poll: by staff (`actor`), or by the api when its preset duration ends (null). */
  async close(pollId: string, actor: AuthContext | null): Promise<Poll> {
    const poll = await this.polls.findOneBy({ id: pollId });
    if (!poll) throw new BallotsException(BallotsErrorCode.PollNotFound);
    // `present` is the checked-in count, never the number of ballots.
    const { total, present } = await this.attendance.electorate(poll.sessionId);
    const closed: unknown[] = (
      await this.polls.query(
        `UPDATE polls SET status = 'closed', closed_at = $2, closed_by = $3, electorate = $4
          WHERE id = $1 AND status = 'open' RETURNING id`,
        [pollId, this.clock.now(), actor?.userId ?? null, JSON.stringify({ total, present })],
      )
    )[0] as unknown[];
    if (closed.length === 0) throw new BallotsException(BallotsErrorCode.NotOpen);
    // A poll decided within this request (an open vote, a custodian key) is announced by its
    // `poll:result`; one whose result waits for the tellers is announced closed. Each is a write
    // to every tablet in the hall (2,000 at the close), made after the answer to whoever closed
    // it: casts are refused from the UPDATE above on, and the tellers' devices are asked by the
    // decryptor (and read the pending list), not by this announcement.
    const announceClosed = () =>
      this.realtime.toRoomAfterAnswer(sessionRoom(poll.sessionId), 'poll:closed', { pollId });
    const decidedNow = !poll.secret || poll.keyMode !== 'tellers';
    try {
      const tallied = await this.tally(pollId, true);
      if (!decidedNow) announceClosed();
      return tallied;
    } catch (e) {
      announceClosed(); // closed all the same; `tally` can be run again
      throw e;
    }
  }

  /**
   * Decides a closed poll; safe to run again (after a crash between close and result). `fresh`:
   * called by the request that has just closed it, so no prepared close is stored unless a
   * `tally` running at the same moment stored one (then `storePrepared` takes that one).
   */
  async tally(pollId: string, fresh = false): Promise<Poll> {
    const poll = await findWithIssued(this.polls, pollId);
    if (!poll) throw new BallotsException(BallotsErrorCode.PollNotFound);
    if (poll.status !== PollStatus.Closed) throw new BallotsException(BallotsErrorCode.NotOpen);
    if (poll.result) return poll;
    if (!poll.issued || !poll.recordPoll || !poll.electorate)
      throw new BallotsException(BallotsErrorCode.Unsupported, {
        reason: '该表决在升级前结束，无法按新版记录计票',
      });
    if (!poll.secret) {
      const ballots = await this.ballots.find({ where: { pollId }, order: { position: 'ASC' } });
      const serving = await this.seats.servingVoterIds(ballots.map((b) => b.delegateId));
      const { result, exclusions } = decideOpenPoll(poll, ballots, serving, this.clock.now());
      const decided = await this.store(poll, result, null, exclusions);
      if (decided) return decided;
    } else {
      // Only tellers' mode stores a prepared close (a crash after preparing, before the tellers).
      const stored =
        poll.keyMode === 'tellers' && !fresh ? await this.board.prepared(pollId, 'voters') : null;
      const prepared = stored ? resumeClose(stored) : await this.prepare(poll);
      // Decided within the request (custodian): that poll is the answer, not read again.
      const decided = await this.decryptor.request(poll, prepared);
      if (decided) return decided;
    }
    return this.polls.findOneByOrFail({ id: pollId });
  }

  /**
   * The decryptor's answer: checks the partial decryptions (a forged one is refused and listed),
   * applies the 收回 ≤ 发出 rule, decides, stores the version 2 record and publishes the result.
   * Throws MISSING_TRUSTEE (libs/ballot) while too few valid partials are in. `prepared`: the
   * stored close when the caller has it at hand (the custodian, right after preparing), so the
   * record of every ballot is not read back from the database. `checked`: the tellers whose
   * partials were checked against this tally already (on arrival), whose proofs are not checked
   * twice. `poll`: the closed poll as the caller read it (nothing of a closed poll changes but its
   * result, and `store` writes that only where none is yet).
   */
  async finish(
    pollId: string,
    partials: readonly PartialDecryption[],
    given: { prepared?: PreparedClose; checked?: ReadonlySet<number>; poll?: Poll } = {},
  ): Promise<Poll | null> {
    const poll = given.poll ?? (await this.polls.findOneByOrFail({ id: pollId }));
    if (poll.result) return null;
    const prepared = given.prepared ?? resumeClose((await this.board.prepared(pollId, 'voters'))!);
    const record = finishRecord(prepared, partials, poll.electorate!, given.checked);
    const entries = record.board.entries;
    const result: PollResult = {
      decision: record.result.decision,
      void: record.result.void,
      issued: record.issued.count,
      returned: record.result.returned,
      counts: record.result.counts,
      ballots: {
        cast: entries.length,
        counted: record.result.counted,
        excluded: record.result.excluded,
      },
      exclusions: record.exclusions.map((x) => ({
        tracker: entries[x.position - 1]!.tracker,
        board: String(x.position),
        reason: x.reason,
        ...(x.code ? { code: x.code } : {}),
      })),
      keyMode: poll.keyMode,
      tallyAt: this.clock.now().toISOString(),
    };
    return this.store(poll, result, record, record.exclusions);
  }

  /**
   * Step 2: the board as stored, the seats lost since casting, prepareClose; kept until finished.
   * The sum is the one kept as the ballots were stored (`RunningSums`: this process's and the
   * other api processes') less the ballots not counted, when together they hold the whole board;
   * else the board's ballots are added here.
   */
  private async prepare(poll: Poll): Promise<PreparedClose> {
    // Independent: the other api processes' sums (over the adapter) and the key (a query).
    const [running, key] = await Promise.all([
      this.sums.take(poll.id, shapeOf(poll)),
      this.recordKey(poll),
    ]);
    // Neither the prepared close nor the record is stored with its ballots (stored-record.ts):
    // with a whole running sum, only the ballots that may not count are read.
    const light = running && !poll.withSlips ? await this.light.prepare(poll, key, running) : null;
    // Which way it went, for whoever reads the logs after a slow close.
    this.logger.log(
      { pollId: poll.id, sum: light ? 'kept while casting' : 'added at the close' },
      'close prepared',
    );
    if (light) return this.storePrepared(poll, light);
    const ballots = await this.ballots.find({
      where: { pollId: poll.id },
      order: { position: 'ASC' },
    });
    // A seat lost (recall, leaving) between casting and the close takes its ballot with it.
    const serving = await this.seats.servingVoterIds(ballots.map((b) => b.delegateId));
    const entries = ballots.map((b) => ({
      ballot: b.ballot as Ballot,
      receivedAt: b.receivedAt.toISOString(),
      ...(b.slips ? { slips: b.slips } : {}),
    }));
    const slips = poll.withSlips ? await boundSlips(this.polls, poll.id) : undefined;
    const prepared = prepareClose({
      poll: poll.recordPoll!,
      key,
      issued: recordIssued({ issued: poll.issued!, withSlips: poll.withSlips }),
      // A slips poll's record is version 3: the batches, and each entry's slip signatures.
      slips,
      boardKey: poll.boardKey!,
      entries,
      seatLost: ballots.filter((b) => !serving.has(b.delegateId)).map((b) => b.position!),
      verified: ballots.map((b) => b.verified),
      // Computed from the same stored ballot when it arrived (the proofs' verdict carries it).
      trackers: ballots.map((b) => b.tracker),
      sumVerified: await this.summer(
        running,
        entries.map((e, i) => (ballots[i]!.verified ? e.ballot : null)),
      ),
    });
    return this.storePrepared(poll, prepared);
  }

  /**
   * Tellers' mode keeps the prepared close until they answer (custodian mode decrypts at once),
   * without what the board's rows and the poll row hold (~6 MB of ballots for 2,000).
   */
  private async storePrepared(poll: Poll, prepared: PreparedClose): Promise<PreparedClose> {
    if (poll.keyMode !== 'tellers') return prepared;
    const stored: unknown[] = (
      await this.polls.query(
        `UPDATE polls SET prepared = $2 WHERE id = $1 AND prepared IS NULL RETURNING id`,
        [poll.id, JSON.stringify(storedRecordOf(prepared.record))],
      )
    )[0] as unknown[];
    if (stored.length > 0) return prepared;
    // Another process prepared it first: what is stored is what gets decrypted.
    return resumeClose((await this.board.prepared(poll.id, 'voters'))!);
  }

  /**
   * How prepareClose sums the counted ballots: the running sum less the ones not counted, when it
   * holds exactly the board (every ballot verified, none missing); else libsodium over them all.
   */
  private async summer(
    running: RunningSum | undefined,
    board: readonly (object | null)[],
  ): Promise<VerifiedSummer> {
    if (running && running.count === board.length && board.every((b) => b !== null)) {
      return (key, _shape, counted) => {
        const kept = new Set<object>(counted);
        const left = board.filter((b) => !kept.has(b!)) as typeof counted;
        return running.tallyWithout(key, left);
      };
    }
    return sodiumSummer(await sodiumGroup());
  }

  /** The record's key: the ceremony's public transcript, or the custodian's one-trustee key. */
  private async recordKey(poll: Poll): Promise<RecordKey> {
    if (poll.keyMode !== 'tellers')
      return { mode: 'custodian', key: poll.electionKey as ElectionKeyV1 };
    return { mode: 'tellers', ceremony: await this.ceremonies.transcriptOf(poll.ceremonyId!) };
  }

  /**
   * A closed poll that can never be decrypted (its custodian key was lost with the process that
   * held it) is void with the reason, and is held again. Its ballots stay on the board.
   */
  async voidPoll(pollId: string, reason: string): Promise<Poll | null> {
    const poll = await this.polls.findOneByOrFail({ id: pollId });
    if (poll.result) return null;
    const result: PollResult = {
      decision: null,
      void: true,
      voidReason: reason,
      issued: poll.issuedCount,
      returned: poll.boardSize,
      counts: [],
      ballots: { cast: poll.boardSize, counted: 0, excluded: 0 },
      exclusions: [],
      keyMode: poll.keyMode,
      tallyAt: this.clock.now().toISOString(),
    };
    return this.store(poll, result, null, []);
  }

  private async store(
    poll: Poll,
    result: PollResult,
    record: ElectionRecordV2 | null,
    exclusions: readonly PollExclusion[],
  ): Promise<Poll | null> {
    // One statement, so one round trip and atomic: the result where none is yet, and only then
    // each excluded ballot's reason on its board row.
    const done: unknown[] = await this.polls.query(
      `WITH done AS (
         UPDATE polls SET result = $2, record = $3 WHERE id = $1 AND result IS NULL RETURNING id
       ), marked AS (
         UPDATE poll_ballots b SET exclusion = x.reason
           FROM done, unnest($4::int[], $5::text[]) AS x(position, reason)
          WHERE b.poll_id = done.id AND b.position = x.position
       )
       SELECT id FROM done`,
      [
        poll.id,
        JSON.stringify(result),
        // Without the ballots, which the board's rows hold (stored-record.ts).
        record ? JSON.stringify(storedRecordOf(record)) : null,
        exclusions.map((x) => x.position),
        exclusions.map((x) => x.reason),
      ],
    );
    const stored = done.length > 0;
    if (!stored) return null; // another process finished it first
    await this.tellExcluded(poll, exclusions);
    // The row as read after the poll closed (nothing else of it changes once closed), with its
    // result: not read back.
    const decided = { ...poll, result } as Poll;
    // Whoever decided it (the console's close, the teller whose partial completed it) is answered
    // first; the hall's copy, a write to each of 2,000 sockets, follows once that answer is out.
    this.realtime.toRoomAfterAnswer(sessionRoom(poll.sessionId), 'poll:result', pollView(decided));
    this.logger.log(
      { pollId: poll.id, cast: result.ballots.cast, counted: result.ballots.counted },
      result.void
        ? `poll void: ${result.voidReason ?? 'more ballots returned than issued'}`
        : 'poll decided',
    );
    return decided;
  }

  /** A tablet whose ballot was not counted is told (not for a ballot its own newer one superseded). */
  private async tellExcluded(poll: Poll, all: readonly PollExclusion[]) {
    const exclusions = all.filter((x) => x.reason !== 'SUPERSEDED');
    if (exclusions.length === 0) return;
    const ballots = await this.ballots.find({
      where: { pollId: poll.id, position: In(exclusions.map((x) => x.position)) },
    });
    const seats = await this.seats.byIds(ballots.map((b) => b.delegateId));
    const push = await this.notifications.notify(
      seats.map((s) => s.userId).filter((u): u is string => !!u),
      'poll.ballot_excluded',
      `您在「${poll.title}」中的选票未计入`,
      { pollId: poll.id },
    );
    push();
  }
}
