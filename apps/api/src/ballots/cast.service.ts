import { createHash } from 'node:crypto';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AttendanceService, sessionRoom } from '../attendance/attendance.service.js';
import { checkedInSql } from '../attendance/presence.js';
import type { AuthContext } from '../auth/auth-context.js';
import {
  ballotToJSON,
  ballotTracker,
  isBallotError,
  parseBallot,
  shortCode,
} from '../common/ballot.js';
import { canonicalJson } from '../common/canonical-json.js';
import { Clock } from '../common/clock.js';
import type { Receipt, Turnout } from '../common/contracts.js';
import { KeyedThrottle } from '../common/keyed-throttle.js';
import { SessionsService } from '../congress/sessions.service.js';
import { RealtimeService } from '../realtime/realtime.service.js';
import { RosterKind } from '../roster/roster.enums.js';
import { isServingVoter, servingVoterSql } from '../roster/seat-rules.js';
import { SeatsService } from '../roster/seats.service.js';
import { BallotsErrorCode, BallotsException } from './ballots.exception.js';
import { Poll, PollStatus } from './poll.entity.js';
import { PollBallot } from './poll-ballot.entity.js';
import { checkOpenChoice, pollSpecFor } from './poll-shape.js';
import type { VoteSpec } from '../agenda/vote-spec.js';
import { voterCredential } from './voter-credential.js';

/** What a poll is, once open: read once per process (a poll's content never changes). */
interface PollFacts {
  id: string;
  termId: string;
  sessionId: string;
  secret: boolean;
  fingerprint: string | null;
  spec: VoteSpec;
}

// Each turnout message is one write per connected tablet: with 2,000 tablets, every 250 ms cost a
// fifth of the api's time at full burst (profiled), so once a second is enough for a projector.
const TURNOUT_EVERY_MS = 1000;

/**
 * Casting: eligibility, the ballot's form, one durable row, and only then the receipt. The
 * server never decrypts here; proofs are verified at close (in worker threads).
 */
@Injectable()
export class CastService implements OnModuleDestroy {
  private readonly facts = new Map<string, PollFacts>();
  private readonly seatIds = new Map<string, string>();
  private readonly turnouts = new KeyedThrottle(TURNOUT_EVERY_MS, new Logger('Ballots'), 'turnout');

  constructor(
    @InjectRepository(Poll) private readonly polls: Repository<Poll>,
    @InjectRepository(PollBallot) private readonly ballots: Repository<PollBallot>,
    private readonly seats: SeatsService,
    private readonly sessions: SessionsService,
    private readonly attendance: AttendanceService,
    private readonly realtime: RealtimeService,
    private readonly clock: Clock,
  ) {}

  onModuleDestroy(): void {
    this.turnouts.clear();
  }

  /**
   * One round trip on the happy path: a single INSERT that holds every eligibility rule in its
   * WHERE (poll open, seat serving, delegate checked in) and the one-ballot rule in its unique
   * index. Only a refused cast pays for finding out why. The seat and presence rules are the
   * roster's and attendance's own SQL fragments: written there once.
   */
  async cast(
    pollId: string,
    auth: AuthContext,
    payload: { ballot?: unknown; choice?: unknown },
  ): Promise<Receipt> {
    const poll = await this.pollFacts(pollId);
    const seatId = await this.seatId(poll.termId, auth.userId);
    if (!seatId) throw await this.refusal(poll, auth.userId);
    const credential = voterCredential(poll.id, seatId);
    let content: { ballot: string | null; choice: string | null; tracker: string };
    try {
      content = poll.secret
        ? this.secretBallot(poll, credential, payload)
        : this.openChoice(poll, credential, payload);
    } catch (e) {
      // After the close nothing else matters: say that first, whatever the ballot.
      if (!(await this.isOpen(poll.id))) throw new BallotsException(BallotsErrorCode.NotOpen);
      throw e;
    }
    const rows: { id: string; received_at: Date }[] = await this.polls.query(
      `INSERT INTO poll_ballots (poll_id, delegate_id, credential, ballot, open_choice, tracker, received_at)
       SELECT $1, d.id, $3, $4, $5, $6, $7 FROM delegates d
        WHERE d.id = $2 AND ${servingVoterSql('d')}
          AND EXISTS (SELECT 1 FROM polls p WHERE p.id = $1 AND p.status = '${PollStatus.Open}')
          AND ${checkedInSql('$8', 'd.id')}
       ON CONFLICT (poll_id, delegate_id) DO NOTHING
       RETURNING id, received_at`,
      [
        poll.id,
        seatId,
        credential,
        content.ballot,
        content.choice,
        content.tracker,
        this.clock.now(),
        poll.sessionId,
      ],
    );
    const row = rows[0] ?? (await this.existing(poll, seatId, content.tracker, auth.userId));
    // Only the turnout is shown while a poll is open, at most once a second per poll.
    this.turnouts.schedule(poll.id, () => this.turnout(poll.id, poll.sessionId));
    return {
      pollId: poll.id,
      tracker: content.tracker,
      shortCode: shortCode(content.tracker),
      board: String(row.id),
      receivedAt: new Date(row.received_at).toISOString(),
    };
  }

  /** The voting seat of a user in a term (its id never changes; its status is checked by the INSERT). */
  private async seatId(termId: string, userId: string): Promise<string | null> {
    const key = `${termId}|${userId}`;
    if (this.seatIds.has(key)) return this.seatIds.get(key)!;
    const seat = await this.seats.delegateSeat(termId, userId);
    const id = seat?.id ?? null;
    if (id) this.seatIds.set(key, id);
    return id;
  }

  private async isOpen(pollId: string): Promise<boolean> {
    return this.polls.existsBy({ id: pollId, status: PollStatus.Open });
  }

  /** Why a cast was refused, in the order a delegate needs to hear it. */
  private async refusal(poll: PollFacts, userId: string): Promise<BallotsException> {
    if (!(await this.isOpen(poll.id))) return new BallotsException(BallotsErrorCode.NotOpen);
    // A user holds at most one seat in a term (its username is the seat's employee number).
    const seat = await this.seats.seatOf(poll.termId, userId);
    if (!seat || !isServingVoter(seat)) {
      return new BallotsException(BallotsErrorCode.NotEligible, {
        reason: !seat ? 'no_seat' : seat.kind === RosterKind.Attendee ? 'attendee' : seat.status,
      });
    }
    if (!(await this.attendance.isPresent(poll.sessionId, seat.id)))
      return new BallotsException(BallotsErrorCode.NotCheckedIn);
    return new BallotsException(BallotsErrorCode.NotOpen);
  }

  /** The same ballot again gets the same receipt; a different one is refused; else say why not stored. */
  private async existing(poll: PollFacts, seatId: string, tracker: string, userId: string) {
    const rows: { id: string; received_at: Date; tracker: string }[] = await this.polls.query(
      `SELECT id, received_at, tracker FROM poll_ballots WHERE poll_id = $1 AND delegate_id = $2`,
      [poll.id, seatId],
    );
    const row = rows[0];
    if (!row) throw await this.refusal(poll, userId);
    if (row.tracker !== tracker) throw new BallotsException(BallotsErrorCode.AlreadyVoted);
    return row;
  }

  /** Form only (cheap): encodings, this poll, this voter, this key, this shape. Proofs wait for close. */
  private secretBallot(
    poll: PollFacts,
    credential: string,
    payload: { ballot?: unknown; choice?: unknown },
  ) {
    if (payload.ballot === undefined || payload.choice !== undefined)
      throw new BallotsException(BallotsErrorCode.WrongKind);
    let parsed;
    try {
      parsed = parseBallot(payload.ballot);
    } catch (e) {
      if (isBallotError(e))
        throw new BallotsException(BallotsErrorCode.Malformed, { check: e.code, detail: e.detail });
      throw e;
    }
    if (
      parsed.pollId !== poll.id ||
      Buffer.from(parsed.fingerprint).toString('hex') !== poll.fingerprint
    ) {
      throw new BallotsException(BallotsErrorCode.WrongPoll);
    }
    if (parsed.voter !== credential) throw new BallotsException(BallotsErrorCode.WrongVoter);
    const spec = pollSpecFor(poll.spec);
    const fits =
      parsed.questions.length === spec.questions.length &&
      parsed.questions.every((q, i) => q.entries.length === entriesOf(spec.questions[i]!));
    if (!fits) throw new BallotsException(BallotsErrorCode.Malformed, { check: 'SHAPE_MISMATCH' });
    const ballot = ballotToJSON(parsed);
    return { ballot: JSON.stringify(ballot), choice: null, tracker: ballotTracker(parsed) };
  }

  private openChoice(
    poll: PollFacts,
    credential: string,
    payload: { ballot?: unknown; choice?: unknown },
  ) {
    if (payload.choice === undefined || payload.ballot !== undefined)
      throw new BallotsException(BallotsErrorCode.WrongKind);
    if (!checkOpenChoice(pollSpecFor(poll.spec), payload.choice)) {
      throw new BallotsException(BallotsErrorCode.Malformed, { check: 'BAD_CHOICE' });
    }
    const tracker = createHash('sha256')
      .update(canonicalJson({ poll: poll.id, voter: credential, choice: payload.choice }))
      .digest('hex');
    return { ballot: null, choice: JSON.stringify(payload.choice), tracker };
  }

  private async pollFacts(pollId: string): Promise<PollFacts> {
    const cached = this.facts.get(pollId);
    if (cached) return cached;
    const poll = await this.polls.findOneBy({ id: pollId });
    if (!poll) throw new BallotsException(BallotsErrorCode.PollNotFound);
    if (poll.status !== PollStatus.Open) throw new BallotsException(BallotsErrorCode.NotOpen);
    const session = await this.sessions.get(poll.sessionId);
    const facts: PollFacts = {
      id: poll.id,
      termId: session.termId,
      sessionId: poll.sessionId,
      secret: poll.secret,
      fingerprint: (poll.electionKey as { fingerprint?: string } | null)?.fingerprint ?? null,
      spec: poll.voteSpec as VoteSpec,
    };
    this.facts.set(pollId, facts);
    return facts;
  }

  /** Ballots cast against the present voting delegates (the one count attendance keeps). */
  async turnout(pollId: string, sessionId: string): Promise<Turnout> {
    const [cast, present] = await Promise.all([
      this.ballots.countBy({ pollId }),
      this.attendance.presentVoters(sessionId),
    ]);
    const turnout = { pollId, cast, present };
    this.realtime.toRoom(sessionRoom(sessionId), 'poll:turnout', turnout);
    return turnout;
  }
}

function entriesOf(q: ReturnType<typeof pollSpecFor>['questions'][number]): number {
  return q.kind === 'motion' ? (q.options ?? 3) : q.kind === 'election' ? q.candidates : q.grades;
}
