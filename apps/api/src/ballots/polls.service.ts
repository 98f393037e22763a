import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, Repository } from 'typeorm';
import { AgendaItemsService } from '../agenda/agenda-items.service.js';
import { CirculationService } from '../agenda/circulation.service.js';
import { LateItemsService } from '../agenda/late-items.service.js';
import { AttendanceService, sessionRoom } from '../attendance/attendance.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import {
  combineElectionKey,
  createTrustee,
  type ElectionKey,
  type Issued,
  openingGenesis,
  pollKey,
  type RecordSlips,
  sortCredentials,
  type TrusteeSecret,
  verifyCeremonyTranscript,
  verifyElectionKey,
  warmCountSearch,
} from '../common/ballot.js';
import type { KeyMode, PressRule, ResultRelease } from '../common/contracts.js';
import { CeremoniesService, SlipsService } from '../tellers/index.js';
import { CustodianKeys } from './custodian-keys.service.js';
import { majorityRule } from '../common/tally.js';
import { Clock } from '../common/clock.js';
import { SessionStatus } from '../congress/session-status.js';
import { SessionsService } from '../congress/sessions.service.js';
import { RealtimeService } from '../realtime/realtime.service.js';
import { SeatsService } from '../roster/seats.service.js';
import { BallotsErrorCode, BallotsException } from './ballots.exception.js';
import { BoardKeyService } from './board-key.service.js';
import { CastService } from './cast.service.js';
import { Poll, PollStatus } from './poll.entity.js';
import { recordPollFor } from './poll-shape.js';
import { recordIssued } from './poll-slips.js';
import { pollView } from './poll-view.js';
import { voterCredential } from './voter-credential.js';

/** Opening polls, and what a (re)connecting client needs to know about them. */
@Injectable()
export class PollsService {
  constructor(
    @InjectRepository(Poll) private readonly polls: Repository<Poll>,
    private readonly sessions: SessionsService,
    private readonly seats: SeatsService,
    private readonly items: AgendaItemsService,
    private readonly circulation: CirculationService,
    private readonly lateItems: LateItemsService,
    private readonly attendance: AttendanceService,
    private readonly realtime: RealtimeService,
    private readonly boardKey: BoardKeyService,
    private readonly ceremonies: CeremoniesService,
    private readonly slips: SlipsService,
    private readonly custodianKeys: CustodianKeys,
    private readonly cast: CastService,
    private readonly clock: Clock,
  ) {}

  /**
   * A secret poll's key, secure by default: the session's tellers' key (`pollKey` of the ready
   * ceremony) unless custodian mode is chosen explicitly; with neither, the poll is refused.
   */
  private async keyFor(
    pollId: string,
    sessionId: string,
    requested: KeyMode | undefined,
  ): Promise<{
    mode: KeyMode;
    electionKey: ElectionKey;
    ceremonyId: string | null;
    custodianSecret: TrusteeSecret | null;
  }> {
    if (requested === 'custodian') {
      const custodian = createTrustee(pollId, 1);
      return {
        mode: 'custodian',
        electionKey: combineElectionKey(pollId, [custodian.share]),
        ceremonyId: null,
        custodianSecret: custodian.secret,
      };
    }
    const ready = await this.ceremonies.readyKey(sessionId);
    if (!ready) throw new BallotsException(BallotsErrorCode.NoTellersKey);
    return {
      mode: 'tellers',
      electionKey: pollKey(pollId, ready.key),
      ceremonyId: ready.id,
      custodianSecret: null,
    };
  }

  /**
   * A slips poll binds every teller's batch of the session's ready ceremony: only a secret poll
   * under the tellers' key, and only once all batches are in (POLL_SLIPS_INCOMPLETE).
   */
  private async slipsFor(sessionId: string, mode: KeyMode | null): Promise<RecordSlips> {
    if (mode !== 'tellers')
      throw new BallotsException(BallotsErrorCode.SlipsIncomplete, {
        reason: mode === 'custodian' ? 'custodian' : 'open_poll',
      });
    const slips = await this.slips.recordSlips(sessionId);
    if (!slips) throw new BallotsException(BallotsErrorCode.SlipsIncomplete, { reason: 'batches' });
    return slips;
  }

  async get(id: string): Promise<Poll> {
    const poll = await this.polls.findOneBy({ id });
    if (!poll) throw new BallotsException(BallotsErrorCode.PollNotFound);
    return poll;
  }

  list(sessionId: string): Promise<Poll[]> {
    return this.polls.find({ where: { sessionId }, order: { openedAt: 'ASC' } });
  }

  /**
   * Counted secret evaluations of one subject on the satisfaction scale, newest first: the polls
   * 厂务公开 may take as a year's 满意度测评 (it checks the rest: released, not void).
   */
  satisfactionPolls(): Promise<Poll[]> {
    return this.polls
      .createQueryBuilder('p')
      .where('p.secret AND p.result IS NOT NULL')
      .andWhere(`p.vote_spec->>'type' = 'evaluation' AND p.vote_spec->>'scale' = 'satisfaction'`)
      .andWhere(`jsonb_array_length(p.vote_spec->'persons') = 1`)
      .orderBy('p.closed_at', 'DESC')
      .getMany();
  }

  /**
   * Opens a poll on a circulated item: the session must be in session, the item votable under
   * the N-day rule (or approved late by the presidium), and the quorum present. Secret by
   * default, under the session's tellers' key (custodian mode only when asked for).
   *
   * What the record will state is fixed here: the labels and the majority rule, the ballots
   * issued (发出: the serving delegates checked in now, with their credentials) and, for a secret
   * poll, h_0 of the board, which binds all of it before the first receipt is signed.
   */
  async open(
    itemId: string,
    secret: boolean,
    actor: AuthContext,
    options: {
      keyMode?: KeyMode;
      durationSeconds?: number | null;
      pressRule?: PressRule;
      resultRelease?: ResultRelease;
      slips?: boolean;
    } = {},
  ): Promise<Poll> {
    const item = await this.items.get(itemId);
    const session = await this.sessions.get(item.sessionId);
    if (session.status !== SessionStatus.InSession)
      throw new BallotsException(BallotsErrorCode.NotInSession, { status: session.status });
    const votability = await this.lateItems.votability(item);
    if (!votability.votable)
      throw new BallotsException(BallotsErrorCode.ItemNotVotable, { reason: votability.reason });
    const version = await this.circulation.versionNumbered(session.id, item.circulatedInVersion!);
    const circulated = version.snapshot.items.find((i) => i.id === item.id)!;
    const spec = circulated.voteSpec!;
    if (spec.type === 'motion' && spec.options.length > 3) {
      throw new BallotsException(BallotsErrorCode.Unsupported, {
        reason: '表决事项最多三个选项（赞成/反对/弃权）',
      });
    }
    const attendance = await this.attendance.summary(session.id);
    if (!attendance.quorum.reached)
      throw new BallotsException(BallotsErrorCode.NoQuorum, attendance.quorum);

    const id = randomUUID();
    const now = this.clock.now();
    const key = secret ? await this.keyFor(id, session.id, options.keyMode) : null;
    const slips = options.slips ? await this.slipsFor(session.id, key?.mode ?? null) : null;
    const electionKey = key?.electionKey ?? null;
    // The close reads the key with its precomputed table (libs/ballot `withTable`, kept per
    // process): built here, at the opening, it is not paid between the close and the result
    // (~0.1–0.8 s on this machine, measured in the close's profile).
    if (electionKey) verifyElectionKey(electionKey);
    const { base, numerator, denominator } = (await this.sessions.settingsOf(session)).majority;
    const recordPoll = recordPollFor(
      { id, title: circulated.title, voteSpec: spec },
      majorityRule(base, { numerator, denominator }, '>'),
      options.pressRule ?? 'first',
    );
    const present = await this.attendance.presentVoterIds(session.id);
    const issued: Issued = {
      count: present.length,
      credentials: sortCredentials(present.map((seatId) => voterCredential(id, seatId))),
    };
    // The close's other once-per-poll work, done here too: the tellers' transcript checked as
    // the close reads it (libs/ballot keeps the check by its text, ~17 ms for three tellers), and
    // the count search's table for this many ballots.
    if (key?.ceremonyId)
      verifyCeremonyTranscript(await this.ceremonies.transcriptOf(key.ceremonyId));
    if (electionKey) warmCountSearch(issued.count);
    const genesis = electionKey
      ? openingGenesis(
          recordPoll,
          electionKey as ElectionKey,
          recordIssued({ issued, withSlips: slips !== null }),
          slips ?? undefined,
        )
      : null;
    const poll = this.polls.create({
      id,
      sessionId: session.id,
      itemId: item.id,
      itemVersion: item.circulatedInVersion!,
      title: circulated.title,
      voteSpec: spec,
      secret,
      keyMode: key?.mode ?? null,
      ceremonyId: key?.ceremonyId ?? null,
      electionKey,
      recordPoll,
      issued,
      slips,
      boardKey: electionKey ? this.boardKey.publicKey : null,
      boardGenesis: genesis,
      // The head after no ballot is h_0.
      boardHead: genesis,
      boardSize: 0,
      status: PollStatus.Open,
      pressRule: options.pressRule ?? 'first',
      resultRelease: options.resultRelease ?? 'immediate',
      quorumAtOpen: attendance.quorum,
      openedAt: now,
      openedBy: actor.userId,
      closesAt: options.durationSeconds
        ? new Date(now.getTime() + options.durationSeconds * 1000)
        : null,
    });
    try {
      await this.polls.insert(poll);
      // Custodian mode: the key lives in this process's memory only, from now until the close.
      if (key?.custodianSecret) this.custodianKeys.keep(id, key.custodianSecret);
    } catch (e) {
      if (e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '23505') {
        throw new BallotsException(BallotsErrorCode.AlreadyOpen);
      }
      throw e;
    }
    const saved = await this.get(id);
    this.realtime.toRoomAfterAnswer(sessionRoom(session.id), 'poll:opened', pollView(saved));
    this.cast.prepare(saved.id);
    return saved;
  }
}
