import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, Not, QueryFailedError, Repository } from 'typeorm';
import { sessionRoom } from '../attendance/attendance.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import { AccountsService } from '../auth/index.js';
import {
  CEREMONY_LIMITS,
  type CeremonyKey,
  type CeremonyTranscript,
  shortFingerprint,
} from '../common/ballot.js';
import { Clock } from '../common/clock.js';
import type { CeremonyProgress } from '../common/contracts.js';
import { SessionsService } from '../congress/sessions.service.js';
import { RealtimeService } from '../realtime/realtime.service.js';
import { checkMessage } from './ceremony-check.js';
import { CeremonyMessage } from './ceremony-message.entity.js';
import { MESSAGE_KINDS, type MessageKind, NEEDS_ALL, nextStep } from './ceremony-status.js';
import { CeremonyTeller } from './ceremony-teller.entity.js';
import { TellerCeremony } from './teller-ceremony.entity.js';
import { TellersErrorCode, TellersException } from './tellers.exception.js';

export type MessagesByKind = Record<MessageKind, object[]>;

/**
 * The key ceremony's relay: staff name the tellers and t; each teller's device posts its messages,
 * which are checked (libs/ballot) and stored; when every acknowledgement is in, the transcript is
 * verified and the key fixed. The server never sees a secret: every message is public.
 */
@Injectable()
export class CeremoniesService {
  private readonly logger = new Logger('Tellers');

  constructor(
    @InjectRepository(TellerCeremony) private readonly ceremonies: Repository<TellerCeremony>,
    @InjectRepository(CeremonyTeller) private readonly tellers: Repository<CeremonyTeller>,
    @InjectRepository(CeremonyMessage) private readonly messages: Repository<CeremonyMessage>,
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
    private readonly realtime: RealtimeService,
    private readonly clock: Clock,
  ) {}

  /** Staff name the session's tellers (in index order) and t (default 2). */
  async start(
    sessionId: string,
    tellerIds: string[],
    threshold: number,
    actor: AuthContext,
  ): Promise<TellerCeremony> {
    await this.sessions.get(sessionId);
    const n = tellerIds.length;
    if (
      new Set(tellerIds).size !== n ||
      n < CEREMONY_LIMITS.minTellers ||
      n > CEREMONY_LIMITS.maxTellers ||
      threshold < CEREMONY_LIMITS.minThreshold ||
      threshold > n
    )
      throw new TellersException(TellersErrorCode.BadTellers, { tellers: n, threshold });
    const found = (await this.accounts.byIds(tellerIds)).filter((u) => !u.disabled);
    if (found.length !== n)
      throw new TellersException(TellersErrorCode.BadTellers, {
        unknown: tellerIds.filter((id) => !found.some((u) => u.id === id)),
      });
    const id = randomUUID();
    const ceremony = await this.ceremonies.manager.transaction(async (m) => {
      try {
        await m.insert(TellerCeremony, {
          id,
          sessionId,
          // libs/ballot's ceremonyId names this very ceremony (bound into every proof).
          ceremonyKeyId: `ceremony:${id}`,
          tellers: n,
          threshold,
          status: 'collecting',
          createdBy: actor.userId,
          createdAt: this.clock.now(),
        });
      } catch (e) {
        if (e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '23505')
          throw new TellersException(TellersErrorCode.CeremonyExists);
        throw e;
      }
      await m.insert(
        CeremonyTeller,
        tellerIds.map((userId, i) => ({ ceremonyId: id, index: i + 1, userId })),
      );
      return m.findOneByOrFail(TellerCeremony, { id });
    });
    await this.announce(ceremony);
    return ceremony;
  }

  async get(id: string): Promise<TellerCeremony> {
    const c = await this.ceremonies.findOneBy({ id });
    if (!c) throw new TellersException(TellersErrorCode.CeremonyNotFound);
    return c;
  }

  list(sessionId: string): Promise<TellerCeremony[]> {
    return this.ceremonies.find({ where: { sessionId }, order: { createdAt: 'DESC' } });
  }

  /** The session's current ceremony (the live one, else the newest failed one), or null. */
  async current(sessionId: string): Promise<TellerCeremony | null> {
    return (
      (await this.ceremonies.findOne({
        where: { sessionId, status: Not('failed') },
      })) ?? (await this.ceremonies.findOne({ where: { sessionId }, order: { createdAt: 'DESC' } }))
    );
  }

  /** A ready ceremony's public transcript (what a tellers-mode record states as its key). */
  async transcriptOf(ceremonyId: string): Promise<CeremonyTranscript> {
    const c = await this.get(ceremonyId);
    if (!c.transcript) throw new TellersException(TellersErrorCode.NotCollecting);
    return c.transcript;
  }

  /** The session's ready ceremony: its id and key; null when there is none. */
  async readyKey(sessionId: string): Promise<{ id: string; key: CeremonyKey } | null> {
    const c = await this.ceremonies.findOneBy({ sessionId, status: 'ready' });
    return c ? { id: c.id, key: c.ceremonyKey! } : null;
  }

  tellersOf(ceremonyId: string): Promise<CeremonyTeller[]> {
    return this.tellers.find({ where: { ceremonyId }, order: { index: 'ASC' } });
  }

  async namesOf(userIds: string[]): Promise<Map<string, string>> {
    const users = await this.accounts.byIds(userIds);
    return new Map(users.map((u) => [u.id, u.displayName]));
  }

  /** The caller's index in the ceremony: an object-level check, whatever the caller's role. */
  async indexOf(ceremonyId: string, auth: AuthContext): Promise<number> {
    const t = await this.tellers.findOneBy({ ceremonyId, userId: auth.userId });
    if (!t) throw new TellersException(TellersErrorCode.NotATeller);
    return t.index;
  }

  /** The ceremonies the caller is a teller of, newest first, with the caller's index. */
  async mine(auth: AuthContext): Promise<{ ceremony: TellerCeremony; index: number }[]> {
    const rows = await this.tellers.findBy({ userId: auth.userId });
    const cs = await this.ceremonies.find({
      where: { id: In(rows.map((r) => r.ceremonyId)) },
      order: { createdAt: 'DESC' },
    });
    return cs.map((ceremony) => ({
      ceremony,
      index: rows.find((r) => r.ceremonyId === ceremony.id)!.index,
    }));
  }

  async messagesOf(ceremonyId: string, m: EntityManager = this.messages.manager) {
    const rows = await m.find(CeremonyMessage, {
      where: { ceremonyId },
      order: { index: 'ASC', id: 'ASC' },
    });
    const by = Object.fromEntries(MESSAGE_KINDS.map((k) => [k, [] as object[]])) as MessagesByKind;
    for (const r of rows) by[r.kind].push(r.message);
    return by;
  }

  /**
   * A teller's device posts one message. Under the ceremony row's lock (two acknowledgements at
   * once must not both miss being the last): the step must be open, the message checked, then
   * stored; a complaint fails the ceremony, the last acknowledgement makes it ready.
   */
  async post(
    ceremonyId: string,
    kind: MessageKind,
    message: object,
    auth: AuthContext,
  ): Promise<TellerCeremony> {
    const index = await this.indexOf(ceremonyId, auth);
    const ceremony = await this.ceremonies.manager.transaction(async (m) => {
      const c = await m.findOne(TellerCeremony, {
        where: { id: ceremonyId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!c) throw new TellersException(TellersErrorCode.CeremonyNotFound);
      if (c.status !== 'collecting') throw new TellersException(TellersErrorCode.NotCollecting);
      const messages = await this.messagesOf(ceremonyId, m);
      const before = NEEDS_ALL[kind];
      if (before && messages[before].length < c.tellers)
        throw new TellersException(TellersErrorCode.RoundNotReady, {
          waitingFor: before,
          received: messages[before].length,
        });
      const outcome = checkMessage(
        { ceremonyId: c.ceremonyKeyId, threshold: c.threshold, tellers: c.tellers, messages },
        kind,
        index,
        message,
      );
      try {
        await m.insert(CeremonyMessage, {
          ceremonyId,
          kind,
          index,
          message,
          receivedAt: this.clock.now(),
        });
      } catch (e) {
        if (e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '23505')
          throw new TellersException(TellersErrorCode.AlreadySent, { kind });
        throw e;
      }
      const now = this.clock.now();
      if (outcome.kind === 'failed')
        await m.update(
          TellerCeremony,
          { id: ceremonyId },
          {
            status: 'failed',
            endedAt: now,
            failure: { reason: '有监票人提出申诉，密钥仪式须重新进行', verdicts: outcome.verdicts },
          },
        );
      if (outcome.kind === 'ready')
        await m.update(
          TellerCeremony,
          { id: ceremonyId },
          {
            status: 'ready',
            endedAt: now,
            transcript: outcome.transcript,
            ceremonyKey: outcome.key,
            fingerprint: outcome.key.fingerprint,
            shortFingerprint: shortFingerprint(outcome.key.fingerprint),
          },
        );
      return m.findOneByOrFail(TellerCeremony, { id: ceremonyId });
    });
    if (ceremony.status !== 'collecting')
      this.logger.log({ ceremonyId, status: ceremony.status }, 'key ceremony ended');
    await this.announce(ceremony);
    return ceremony;
  }

  /** Staff abandon a ceremony that cannot finish (a teller's device lost mid-way): start again. */
  async abandon(ceremonyId: string): Promise<TellerCeremony> {
    const done = await this.ceremonies.update(
      { id: ceremonyId, status: 'collecting' },
      {
        status: 'failed',
        endedAt: this.clock.now(),
        failure: { reason: '工作人员中止了本次密钥仪式' },
      },
    );
    if (!done.affected) {
      await this.get(ceremonyId);
      throw new TellersException(TellersErrorCode.NotCollecting);
    }
    const c = await this.get(ceremonyId);
    await this.announce(c);
    return c;
  }

  async progress(c: TellerCeremony): Promise<CeremonyProgress> {
    const [rows]: { kind: MessageKind; n: number }[][] = [
      await this.messages.query(
        `SELECT kind, count(*)::int AS n FROM ceremony_messages WHERE ceremony_id = $1 GROUP BY kind`,
        [c.id],
      ),
    ];
    const received = { round1: 0, round2: 0, complaint: 0, ack: 0 };
    for (const r of rows) received[r.kind] = r.n;
    return {
      id: c.id,
      sessionId: c.sessionId,
      status: c.status,
      received,
      next: nextStep(c.status, received, c.tellers),
      shortFingerprint: c.shortFingerprint,
    };
  }

  /** Tells the session (staff console) and each teller's devices where the ceremony stands. */
  private async announce(c: TellerCeremony): Promise<void> {
    const progress = await this.progress(c);
    const tellers = await this.tellersOf(c.id);
    this.realtime.toUsers(
      tellers.map((t) => t.userId),
      'ceremony:progress',
      progress,
    );
    this.realtime.toRoom(sessionRoom(c.sessionId), 'ceremony:progress', progress);
  }
}
