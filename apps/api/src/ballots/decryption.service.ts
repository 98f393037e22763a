import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, Repository } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { CeremoniesService } from '../tellers/index.js';
import { TellersErrorCode, TellersException } from '../tellers/index.js';
import { BallotsClose } from './close.service.js';
import { BoardService } from './board.service.js';
import { Poll, PollStatus } from './poll.entity.js';
import {
  BallotError,
  type FollowedRecord,
  type PartialDecryption,
  type PreparedClose,
  resumeClose,
  sodiumGroup,
  verifyPartialDecryptionSodium,
} from '../common/ballot.js';
import { ballotCheckReason } from '../common/ballot-check-text.js';
import { Clock } from '../common/clock.js';
import { Role } from '../users/role.enum.js';
import { PollPartial } from './poll-partial.entity.js';

export interface DecryptionStatus {
  pollId: string;
  ceremonyId: string;
  threshold: number;
  /** True while the close waits for tellers (closed, prepared, not decided). */
  waiting: boolean;
  decided: boolean;
  tellers: { index: number; userId: string; name: string; answered: boolean }[];
  /** Indices of the tellers who have not answered with a valid partial. */
  missing: number[];
  refused: { index: number; reason: string; receivedAt: string }[];
}

/**
 * The tellers' side of a close: what a teller's device needs (the prepared record: tally, board,
 * exclusions, the ceremony transcript), its partial decryption checked on arrival (a failing one
 * is refused and kept with its reason), and the close finished once t valid partials are in. All
 * of it is in the database, so a restart resumes where it was.
 */
@Injectable()
export class DecryptionService {
  private readonly logger = new Logger('Tellers');

  constructor(
    @InjectRepository(Poll) private readonly polls: Repository<Poll>,
    @InjectRepository(PollPartial) private readonly partials: Repository<PollPartial>,
    private readonly ceremonies: CeremoniesService,
    private readonly moduleRef: ModuleRef,
    private readonly clock: Clock,
    private readonly boards: BoardService,
  ) {}

  /** A tellers-mode poll, and the caller's teller index (null for staff, who only watch). */
  private async access(pollId: string, auth: AuthContext, staffMay: boolean) {
    const poll = await this.polls.findOneBy({ id: pollId });
    if (!poll) throw new TellersException(TellersErrorCode.NoDecryption, { reason: '表决不存在' });
    if (poll.keyMode !== 'tellers' || !poll.ceremonyId)
      throw new TellersException(TellersErrorCode.NoDecryption, {
        reason: '该表决不使用监票人密钥',
      });
    if (staffMay && auth.role === Role.Staff) return { poll, index: null };
    return { poll, index: await this.ceremonies.indexOf(poll.ceremonyId, auth) };
  }

  async status(pollId: string, auth: AuthContext): Promise<DecryptionStatus> {
    const { poll } = await this.access(pollId, auth, true);
    const ceremony = await this.ceremonies.get(poll.ceremonyId!);
    const tellers = await this.ceremonies.tellersOf(ceremony.id);
    const names = await this.ceremonies.namesOf(tellers.map((t) => t.userId));
    const rows = await this.partials.find({ where: { pollId }, order: { id: 'ASC' } });
    const answered = new Set(rows.filter((r) => r.accepted).map((r) => r.index));
    return {
      pollId,
      ceremonyId: ceremony.id,
      threshold: ceremony.threshold,
      waiting: poll.status === PollStatus.Closed && !poll.result,
      decided: !!poll.result,
      tellers: tellers.map((t) => ({
        index: t.index,
        userId: t.userId,
        name: names.get(t.userId) ?? '',
        answered: answered.has(t.index),
      })),
      missing: tellers.map((t) => t.index).filter((i) => !answered.has(i)),
      refused: rows
        .filter((r) => !r.accepted)
        .map((r) => ({
          index: r.index,
          reason: r.reason!,
          receivedAt: r.receivedAt.toISOString(),
        })),
    };
  }

  /**
   * What a teller's device decrypts from: the prepared record (it re-sums the board itself).
   * `followed`: the device verified the board up to there while the poll was open, and is sent
   * only the ballots after it and the excluded ones (libs/ballot `FollowedRecord`).
   */
  async input(
    pollId: string,
    auth: AuthContext,
    followed?: number,
  ): Promise<PreparedClose['record'] | FollowedRecord> {
    await this.access(pollId, auth, true);
    const prepared = await this.boards.prepared(
      pollId,
      followed === undefined ? 'whole' : { followed },
    );
    if (!prepared)
      throw new TellersException(TellersErrorCode.NoDecryption, {
        reason: '该表决尚未结束计票准备',
      });
    return prepared;
  }

  /**
   * A page of a tellers-mode poll's board after `after`, for the tellers' devices (and staff):
   * the record's poll and key sections and the stored ballots in board order.
   */
  async board(pollId: string, after: number, limit: number, auth: AuthContext) {
    const { poll } = await this.access(pollId, auth, true);
    if (!poll.recordPoll)
      throw new TellersException(TellersErrorCode.NoDecryption, {
        reason: '该表决在升级前开始，没有公告板',
      });
    const rows: { position: number; ballot: object }[] = await this.polls.query(
      `SELECT position, ballot FROM poll_ballots
        WHERE poll_id = $1 AND position > $2 ORDER BY position LIMIT $3`,
      [pollId, after, limit],
    );
    return {
      pollId,
      status: poll.status === PollStatus.Open ? 'open' : 'closed',
      cast: poll.boardSize,
      poll: poll.recordPoll,
      key: { mode: 'tellers', ceremony: await this.ceremonies.transcriptOf(poll.ceremonyId!) },
      entries: rows,
    };
  }

  /** Open polls of a ceremony, which its tellers' devices follow (`board`) until the close. */
  async following(ceremonyId: string, auth: AuthContext) {
    await this.ceremonies.indexOf(ceremonyId, auth);
    const rows: { id: string; session_id: string; title: string }[] = await this.polls.query(
      `SELECT id, session_id, title FROM polls
        WHERE ceremony_id = $1 AND status = 'open' AND key_mode = 'tellers' ORDER BY opened_at`,
      [ceremonyId],
    );
    return rows.map((r) => ({ pollId: r.id, sessionId: r.session_id, title: r.title, ceremonyId }));
  }

  /** Polls of a ceremony waiting for their tellers. */
  async pending(ceremonyId: string, auth: AuthContext) {
    await this.ceremonies.indexOf(ceremonyId, auth);
    const rows: { id: string; session_id: string; title: string }[] = await this.polls.query(
      `SELECT id, session_id, title FROM polls
        WHERE ceremony_id = $1 AND status = 'closed' AND result IS NULL AND prepared IS NOT NULL
        ORDER BY closed_at`,
      [ceremonyId],
    );
    return rows.map((r) => ({ pollId: r.id, sessionId: r.session_id, title: r.title, ceremonyId }));
  }

  /**
   * A teller's partial decryption: checked against the stored tally (libs/ballot
   * `verifyPartialDecryption`'s checks, with libsodium); a failing one is stored as refused with
   * its reason and answered 400; a valid one is stored, and with t valid ones the close finishes.
   */
  async submit(pollId: string, partial: object, auth: AuthContext): Promise<DecryptionStatus> {
    // When it came, before it was checked: how long the close took after it counts from here.
    const receivedAt = this.clock.now();
    const { poll, index } = await this.access(pollId, auth, false);
    const stored = await this.boards.prepared(pollId, 'voters');
    if (poll.status !== PollStatus.Closed || poll.result || !stored)
      throw new TellersException(TellersErrorCode.NoDecryption);
    const prepared = resumeClose(stored);
    const pd = partial as PartialDecryption;
    // Why it is refused: the check's code, and Chinese text for the teller and the console.
    let reason: { check: string; reason: string } | null = null;
    try {
      if (pd.trustee !== index)
        reason = {
          check: 'WRONG_SECRET',
          reason: `监票人 ${index} 提交的是监票人 ${String(pd.trustee)} 的部分解密`,
        };
      else
        verifyPartialDecryptionSodium(
          await sodiumGroup(),
          prepared.key,
          prepared.shape,
          prepared.record.tally,
          pd,
        );
    } catch (e) {
      if (!(e instanceof BallotError)) throw e;
      reason = ballotCheckReason(e);
    }
    try {
      await this.partials.insert({
        pollId,
        index: index!,
        userId: auth.userId,
        partial,
        accepted: reason === null,
        reason: reason ? `${reason.reason}（${reason.check}）` : null,
        receivedAt,
      });
    } catch (e) {
      if (e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '23505')
        throw new TellersException(TellersErrorCode.AlreadySent, { kind: 'partial' });
      throw e;
    }
    if (reason) {
      this.logger.warn(
        { pollId, teller: index, check: reason.check },
        'partial decryption refused',
      );
      throw new TellersException(TellersErrorCode.PartialRefused, reason);
    }
    await this.finishIfEnough(pollId, prepared, poll);
    return this.status(pollId, auth);
  }

  /**
   * With t valid partials in, the close finishes (safe to call again: finish is idempotent).
   * `prepared`, `closed`: the stored close and the closed poll when the caller has just read them
   * (a teller's partial, the close).
   */
  async finishIfEnough(pollId: string, prepared?: PreparedClose, closed?: Poll): Promise<void> {
    // At a close none is in yet (unless the api restarted after preparing): one query, no more.
    const rows = await this.partials.find({ where: { pollId }, order: { index: 'ASC' } });
    const accepted = rows.filter((r) => r.accepted);
    if (accepted.length === 0) return;
    const poll = closed ?? (await this.polls.findOneByOrFail({ id: pollId }));
    if (poll.result || !poll.ceremonyId) return;
    const ceremony = await this.ceremonies.get(poll.ceremonyId);
    if (accepted.length < ceremony.threshold) return;
    // Valid ones first: the record lists the refused ones after those it combined.
    const partials = [...accepted, ...rows.filter((r) => !r.accepted)].map(
      (r) => r.partial as PartialDecryption,
    );
    // An accepted row's proofs were checked against this stored tally when it came (`submit`).
    const checked = new Set(accepted.map((r) => r.index));
    await this.moduleRef
      .get(BallotsClose, { strict: false })
      .finish(pollId, partials, { prepared, checked, poll });
  }
}
