import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AttendanceService, watchRoom } from '../attendance/attendance.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import {
  acceptedBallot,
  type Ballot,
  type BallotShape,
  checkSlipKeys,
  type ElectionKey,
  fingerprintOf,
  isBallotError,
  type IssuedSlips,
  issuedSlips,
  parseBallot,
  type SlipSignature,
} from '../common/ballot.js';
import { Clock } from '../common/clock.js';
import type { PressRule, Receipt, Turnout } from '../common/contracts.js';
import { KeyedThrottle } from '../common/keyed-throttle.js';
import { SessionsService } from '../congress/sessions.service.js';
import { RealtimeService } from '../realtime/realtime.service.js';
import { RosterKind } from '../roster/roster.enums.js';
import { isServingVoter } from '../roster/seat-rules.js';
import { SeatsService } from '../roster/seats.service.js';
import { BallotsErrorCode, BallotsException } from './ballots.exception.js';
import {
  type Append,
  appendBatch,
  type Content,
  openTracker,
  PlanOutdated,
} from './board-append.js';
import { BoardKeyService } from './board-key.service.js';
import { GroupBatcher, type Outcome } from './group-batcher.js';
import { CastVerifier } from './cast-verifier.service.js';
import { Poll, PollStatus } from './poll.entity.js';
import { findWithIssued } from './poll-issued.js';
import { boundSlips } from './poll-slips.js';
import { isOpenChoice, shapeOf } from './poll-shape.js';
import { BOARD_COLUMNS, type BoardRow, receiptOf } from './receipts.js';
import { RunningSums } from './running-sums.js';
import { voterCredential } from './voter-credential.js';

/** What a poll is, once open: read once per process (a poll's content never changes). */
interface PollFacts {
  id: string;
  termId: string;
  sessionId: string;
  secret: boolean;
  key: ElectionKey | null;
  fingerprint: string | null;
  shape: BallotShape;
  /** The key that must sign this poll's receipts (fixed at opening). */
  boardKey: string | null;
  /** 发出: the credentials issued at opening. */
  issued: Set<string>;
  /** `last`: a delegate may change their ballot until the close (GB 50799 §6.2). */
  pressRule: PressRule;
  /** A slips poll: the tellers' published slip keys, as Sets (membership at each cast). */
  slips: IssuedSlips | null;
}

/** What a tablet sends to cast (`poll:cast` without its poll id). */
interface CastPayload {
  ballot?: unknown;
  choice?: unknown;
  slips?: SlipSignature[];
}

/** One cast waiting for its batch; `sealed`: a secret ballot as stored, for the running sum. */
type Cast = Append & { poll: PollFacts; sealed: Ballot | null };

// Each turnout message is one write per watching socket (the screens and the console, not the
// tablets: it went to all 2,000 once, and every 250 ms cost a fifth of the api's time at full
// burst, profiled); once a second is enough for a projector.
const TURNOUT_EVERY_MS = 1000;
// A batch holds the poll row's lock while it signs and stores: cap it so a huge queue goes in
// several short transactions (other api processes get their turn in between).
const BATCH_MAX = 200;
// Open polls whose facts are cached: a session has a handful open at once.
const FACTS_KEPT = 16;
// Terms whose seat ids are kept (a congress casts in one term; an old term's polls are rare).
const TERMS_KEPT = 4;
// A batch is planned again when a check-out lands between its read and its INSERT; more than
// this many in a row is not a race but a fault.
const PLAN_ATTEMPTS = 3;

/**
 * Casting: eligibility, the ballot's form and proofs (worker threads), one durable row appended
 * to the board's hash chain, and only then the signed receipt. The server never decrypts here.
 */
@Injectable()
export class CastService implements OnModuleDestroy {
  private readonly facts = new Map<string, Promise<PollFacts>>();
  /** Per term, each account's voting seat id, read in one query when the term's first cast comes. */
  private readonly seatIds = new Map<string, Promise<Map<string, string>>>();
  /** Polls being prepared for casting (`prepare`), awaited at shutdown. */
  private readonly preparing = new Set<Promise<void>>();
  private readonly logger = new Logger('Ballots');
  private readonly turnouts = new KeyedThrottle(TURNOUT_EVERY_MS, this.logger, 'turnout');
  private readonly batcher = new GroupBatcher<Cast, BoardRow | null>({
    commit: (pollId, casts) => this.commitBatch(pollId, casts),
    conflictKey: (c) => c.seatId,
    max: BATCH_MAX,
  });

  constructor(
    @InjectRepository(Poll) private readonly polls: Repository<Poll>,
    private readonly seats: SeatsService,
    private readonly sessions: SessionsService,
    private readonly attendance: AttendanceService,
    private readonly realtime: RealtimeService,
    private readonly verifier: CastVerifier,
    private readonly boardKey: BoardKeyService,
    private readonly sums: RunningSums,
    private readonly clock: Clock,
  ) {}

  async onModuleDestroy(): Promise<void> {
    this.turnouts.clear();
    await Promise.all(this.preparing);
  }

  /**
   * Readies what a poll's first casts need while the delegates read the question: the poll's
   * facts, the term's seat ids, and each verifier thread's tables for the poll's key (~40 ms).
   * Left to the first casts, this came on top of the queue that forms when a whole hall starts
   * casting (bench/README.md, seventh round). If it fails the first casts do it, as before.
   */
  prepare(pollId: string): void {
    const done = this.pollFacts(pollId)
      .then(async (poll) => {
        await this.termSeatIds(poll.termId);
        if (poll.secret && poll.key)
          await this.verifier.prepare({ pollId: poll.id, key: poll.key, shape: poll.shape });
      })
      .catch((err: unknown) => {
        // Closed again already (or gone): there is nothing left to cast.
        if (err instanceof BallotsException)
          return this.logger.debug({ pollId, err }, 'not prepared');
        this.logger.warn({ err, pollId }, 'could not prepare the poll; its first casts will');
      })
      .finally(() => this.preparing.delete(done));
    this.preparing.add(done);
  }

  /** Casts to a poll waiting for the next batch (the one being committed not counted). */
  queued(pollId: string): number {
    return this.batcher.waiting(pollId);
  }

  /**
   * A ballot is checked before anything is stored (a refused one leaves the delegate free to cast
   * again), then appended under the poll row's lock together with the other casts to the poll
   * that queued meanwhile (group commit, `GroupBatcher` + `appendBatch`): one transaction reads the
   * chain's head, INSERTs the batch with every eligibility rule in its WHERE (seat serving,
   * delegate checked in) and the one-ballot rule in its unique index, and moves the head. The
   * lock orders the appends of every api process; the close takes the same row, so nothing lands
   * after it. The receipt is sent only after the batch's COMMIT.
   */
  async cast(pollId: string, auth: AuthContext, payload: CastPayload): Promise<Receipt> {
    const poll = await this.pollFacts(pollId);
    const seatId = await this.seatId(poll.termId, auth.userId);
    if (!seatId) throw await this.refusal(poll, auth.userId);
    // The seat's credential says the ballot was issued to this delegate (checked in at opening);
    // in a slips poll the ballot's voter is the slips' instead (secretBallot).
    let credential = voterCredential(poll.id, seatId);
    if (!poll.issued.has(credential)) throw await this.refusal(poll, auth.userId, true);
    let content: Content;
    let sealed: Ballot | null = null;
    try {
      if (poll.slips && payload.slips === undefined)
        throw new BallotsException(BallotsErrorCode.SlipsRequired);
      if (!poll.slips && payload.slips !== undefined)
        throw new BallotsException(BallotsErrorCode.WrongKind, { reason: 'slips' });
      if (poll.secret)
        ({ content, sealed, credential } = await this.secretBallot(poll, credential, payload));
      else content = this.openChoice(poll, payload, credential);
    } catch (e) {
      // After the close nothing else matters: say that first, whatever the ballot.
      if (!(await this.isOpen(poll.id))) throw new BallotsException(BallotsErrorCode.NotOpen);
      throw e;
    }
    // Group commit: the ballot goes with the casts to this poll queued meanwhile, and the answer
    // comes only after that batch's COMMIT.
    const row =
      (await this.batcher.submit(poll.id, {
        poll,
        seatId,
        credential,
        content,
        sealed,
        slips: poll.slips ? payload.slips! : null,
      })) ?? (await this.existing(poll, seatId, credential, content.tracker, payload, auth.userId));
    // Only the turnout is shown while a poll is open, at most once a second per poll.
    this.turnouts.schedule(poll.id, () => this.turnout(poll.id, poll.sessionId));
    return receiptOf(row);
  }

  /**
   * Commits one batch of casts to a poll's board (one transaction, `appendBatch`) and answers each
   * cast with its row or null. A batch whose INSERT found an eligibility changed since its read is
   * rolled back and planned again.
   */
  private async commitBatch(pollId: string, casts: Cast[]): Promise<Outcome<BoardRow | null>[]> {
    const poll = casts[0]!.poll;
    for (let attempt = 1; ; attempt++) {
      try {
        const rows = await this.polls.manager.transaction((m) =>
          appendBatch(m, poll, casts, {
            now: () => this.clock.now(),
            sign: (r) => this.boardKey.sign(r).signature,
          }),
        );
        if (poll.secret) this.addToSum(poll, casts, rows);
        return rows.map((value) => ({ ok: true, value }));
      } catch (e) {
        if (!(e instanceof PlanOutdated) || attempt === PLAN_ATTEMPTS) throw e;
        this.logger.warn({ pollId, attempt }, 'eligibility changed during a batch; planning again');
      }
    }
  }

  /** The batch's ballots, durable now, join the poll's running sum (what the close decrypts). */
  private addToSum(poll: PollFacts, casts: Cast[], rows: (BoardRow | null)[]): void {
    const stored = rows.flatMap((row, i) =>
      row && casts[i]!.sealed ? [{ position: row.position, ballot: casts[i]!.sealed! }] : [],
    );
    this.sums.stored(poll.id, poll.shape, stored);
  }

  /**
   * The voting seat of a user in a term (its id never changes; its status is checked by the
   * INSERT). The term's seats are read in one query, shared by the casts that arrive meanwhile:
   * read one by one, the first poll's 2,000 casts cost 2,000 queries (bench/README.md). A seat
   * made after that read (补选) is looked up on its own and added.
   */
  private async seatId(termId: string, userId: string): Promise<string | null> {
    const ids = await this.termSeatIds(termId);
    const known = ids.get(userId);
    if (known) return known;
    const id = (await this.seats.delegateSeat(termId, userId))?.id ?? null;
    if (id) ids.set(userId, id);
    return id;
  }

  /** A term's seat ids by account, read once (a failed read is not kept). */
  private termSeatIds(termId: string): Promise<Map<string, string>> {
    let term = this.seatIds.get(termId);
    if (!term) {
      term = this.seats.delegateSeatIds(termId);
      this.seatIds.set(termId, term);
      // Terms are few, but keep only the latest.
      if (this.seatIds.size > TERMS_KEPT) this.seatIds.delete(this.seatIds.keys().next().value!);
      term.catch(() => {
        if (this.seatIds.get(termId) === term) this.seatIds.delete(termId);
      });
    }
    return term;
  }

  private async isOpen(pollId: string): Promise<boolean> {
    return this.polls.existsBy({ id: pollId, status: PollStatus.Open });
  }

  /** Why a cast was refused, in the order a delegate needs to hear it. */
  private async refusal(
    poll: PollFacts,
    userId: string,
    notIssued = false,
  ): Promise<BallotsException> {
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
    return new BallotsException(notIssued ? BallotsErrorCode.NotIssued : BallotsErrorCode.NotOpen);
  }

  /**
   * First press: the same ballot again gets the same receipt; a different one is refused. Either
   * rule: else say why the ballot was not stored.
   */
  private async existing(
    poll: PollFacts,
    seatId: string,
    voter: string,
    tracker: string,
    payload: CastPayload,
    userId: string,
  ): Promise<BoardRow> {
    if (poll.slips) await this.slipsRefusal(poll, seatId, voter, payload.slips!);
    const rows: BoardRow[] = await this.polls.query(
      `SELECT ${BOARD_COLUMNS} FROM poll_ballots b WHERE b.poll_id = $1 AND b.delegate_id = $2`,
      [poll.id, seatId],
    );
    const row = rows[0];
    if (!row || poll.pressRule === 'last') throw await this.refusal(poll, userId);
    if (row.tracker !== tracker) throw new BallotsException(BallotsErrorCode.AlreadyVoted);
    return row;
  }

  /**
   * A slips poll's ballot not stored: one of its slips signed for another voter in this poll, or
   * another delegate cast with the same slips (POLL_SLIP_TAKEN: a copied slip or set), or the
   * delegate's earlier ballot was made for other slips (last press).
   */
  private async slipsRefusal(
    poll: PollFacts,
    seatId: string,
    voter: string,
    slips: readonly SlipSignature[],
  ): Promise<void> {
    const [taken]: { n: number }[] = await this.polls.query(
      `SELECT count(*)::int AS n FROM poll_slip_keys
        WHERE poll_id = $1 AND public_key = ANY($2::text[]) AND voter <> $3`,
      [poll.id, slips.map((s) => s.publicKey), voter],
    );
    if (taken!.n > 0) throw new BallotsException(BallotsErrorCode.SlipTaken);
    const [copied]: { n: number }[] = await this.polls.query(
      `SELECT count(*)::int AS n FROM poll_ballots
        WHERE poll_id = $1 AND credential = $2 AND delegate_id <> $3`,
      [poll.id, voter, seatId],
    );
    if (copied!.n > 0) throw new BallotsException(BallotsErrorCode.SlipTaken);
    const [changed]: { n: number }[] = await this.polls.query(
      `SELECT count(*)::int AS n FROM poll_ballots
        WHERE poll_id = $1 AND delegate_id = $2 AND credential <> $3`,
      [poll.id, seatId, voter],
    );
    if (changed!.n > 0 && poll.pressRule === 'last')
      throw new BallotsException(BallotsErrorCode.WrongVoter, { reason: 'slips_changed' });
  }

  /**
   * The form first (cheap): encodings, this poll, this voter, this key, this shape; in a slips
   * poll, one slip from each teller's published batch and the voter made from them. Then the
   * proofs (and the slips' signatures), in a worker thread: a ballot that fails (a forged proof,
   * α or β the identity, a slip that did not sign it…) is refused with the check that failed,
   * and nothing is stored. Returns the voter the ballot is stored under.
   */
  private async secretBallot(
    poll: PollFacts,
    credential: string,
    payload: CastPayload,
  ): Promise<{ content: Content; sealed: Ballot; credential: string }> {
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
    const voter = poll.slips
      ? this.slipsVoter(poll.slips, parsed.voter, payload.slips!)
      : credential;
    if (parsed.voter !== voter) throw new BallotsException(BallotsErrorCode.WrongVoter);
    const fits =
      parsed.questions.length === poll.shape.questions.length &&
      parsed.questions.every((q, i) => q.entries.length === poll.shape.questions[i]!.entries);
    if (!fits) throw new BallotsException(BallotsErrorCode.Malformed, { check: 'SHAPE_MISMATCH' });
    if (poll.boardKey !== this.boardKey.publicKey)
      throw new BallotsException(BallotsErrorCode.BoardKeyMismatch);
    const ballot = acceptedBallot(payload.ballot, parsed);
    const verdict = await this.verifier.verify({
      pollId: poll.id,
      key: poll.key!,
      shape: poll.shape,
      ballot,
      voter,
      ...(poll.slips ? { slips: payload.slips } : {}),
    });
    if (!verdict.ok)
      throw new BallotsException(
        verdict.slip ? BallotsErrorCode.SlipInvalid : BallotsErrorCode.Invalid,
        { check: verdict.code, detail: verdict.detail },
      );
    return {
      content: { ballot: JSON.stringify(ballot), choice: null, tracker: verdict.tracker },
      sealed: ballot,
      credential: voter,
    };
  }

  /**
   * The cheap part of the slips' check, on the event loop: one slip from each teller's batch
   * (Set lookups) and the ballot's voter made from them (one SHA-256). The signatures cost
   * ~0.25 ms each and are verified with the proofs, in the worker.
   */
  private slipsVoter(issued: IssuedSlips, voter: string, slips: SlipSignature[]): string {
    try {
      checkSlipKeys({ voter, slips }, issued);
    } catch (e) {
      if (isBallotError(e))
        throw new BallotsException(BallotsErrorCode.SlipInvalid, {
          check: e.code,
          detail: e.message,
        });
      throw e;
    }
    return voter;
  }

  private openChoice(
    poll: PollFacts,
    payload: { ballot?: unknown; choice?: unknown },
    credential: string,
  ): Content {
    if (payload.choice === undefined || payload.ballot !== undefined)
      throw new BallotsException(BallotsErrorCode.WrongKind);
    if (!isOpenChoice(poll.shape, payload.choice)) {
      throw new BallotsException(BallotsErrorCode.Malformed, { check: 'BAD_CHOICE' });
    }
    const choice = JSON.stringify(payload.choice);
    return { ballot: null, choice, tracker: openTracker(poll.id, credential, choice) };
  }

  /**
   * A poll's facts, read once: the casts that arrive while the read runs (the whole hall starts
   * together) share it instead of each reading the poll and its 2,000 issued credentials.
   */
  private pollFacts(pollId: string): Promise<PollFacts> {
    const cached = this.facts.get(pollId);
    if (cached) return cached;
    const facts = this.readFacts(pollId);
    this.facts.set(pollId, facts);
    // A poll's facts hold its 2,000 issued credentials (and a slips poll's slip keys): keep those of the last few polls only
    // (oldest first: Map keeps insertion order), not of every poll since the api started.
    if (this.facts.size > FACTS_KEPT) this.facts.delete(this.facts.keys().next().value!);
    // A read that failed (no such poll, not open) is not kept: the next cast reads again. Its
    // callers get the error from `facts` itself.
    facts.catch(() => {
      if (this.facts.get(pollId) === facts) this.facts.delete(pollId);
    });
    return facts;
  }

  private async readFacts(pollId: string): Promise<PollFacts> {
    const poll = await findWithIssued(this.polls, pollId);
    if (!poll) throw new BallotsException(BallotsErrorCode.PollNotFound);
    if (poll.status !== PollStatus.Open) throw new BallotsException(BallotsErrorCode.NotOpen);
    const session = await this.sessions.get(poll.sessionId);
    const key = poll.electionKey as ElectionKey | null;
    return {
      id: poll.id,
      termId: session.termId,
      sessionId: poll.sessionId,
      secret: poll.secret,
      key,
      fingerprint: key ? fingerprintOf(key) : null,
      shape: shapeOf(poll),
      boardKey: poll.boardKey,
      issued: new Set(poll.issued?.credentials ?? []),
      pressRule: poll.pressRule,
      slips: poll.withSlips ? issuedSlips((await boundSlips(this.polls, poll.id)).batches) : null,
    };
  }

  /**
   * Delegates who voted against the present voting delegates, with the chain's head. Under the
   * last-press rule a changed ballot is one more link but not one more voter: the current
   * ballots are counted, not the board's size.
   */
  async turnout(pollId: string, sessionId: string): Promise<Turnout> {
    const [board, present] = await Promise.all([
      this.polls.findOneOrFail({
        where: { id: pollId },
        select: { boardSize: true, boardHead: true, pressRule: true },
      }),
      this.attendance.presentVoters(sessionId),
    ]);
    const cast =
      board.pressRule === 'last'
        ? (
            (
              await this.polls.query(
                `SELECT count(*)::int AS n FROM poll_ballots WHERE poll_id = $1 AND superseded_by IS NULL`,
                [pollId],
              )
            )[0] as { n: number }
          ).n
        : board.boardSize;
    const turnout = { pollId, cast, present, head: board.boardHead };
    this.realtime.toRoom(watchRoom(sessionId), 'poll:turnout', turnout);
    return turnout;
  }
}
