import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, Repository } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import {
  checkSlipBatch,
  isBallotError,
  type RecordSlips,
  slipBatchDigest,
} from '../common/ballot.js';
import { Clock } from '../common/clock.js';
import { SessionsService } from '../congress/sessions.service.js';
import { SeatsService } from '../roster/seats.service.js';
import { CeremonyTeller } from './ceremony-teller.entity.js';
import { SlipBatchRow } from './slip-batch.entity.js';
import { TellerCeremony } from './teller-ceremony.entity.js';
import { TellersErrorCode, TellersException } from './tellers.exception.js';

/**
 * Ballot slips (投票凭证): each teller of the session's ready ceremony uploads once the public
 * keys of the slips its device printed; a poll opened with slips binds the complete set. The
 * server never sees a slip's secret key, so it cannot sign a ballot for anyone.
 */
@Injectable()
export class SlipsService {
  private readonly logger = new Logger('Tellers');

  constructor(
    @InjectRepository(SlipBatchRow) private readonly batches: Repository<SlipBatchRow>,
    @InjectRepository(TellerCeremony) private readonly ceremonies: Repository<TellerCeremony>,
    @InjectRepository(CeremonyTeller) private readonly tellers: Repository<CeremonyTeller>,
    private readonly sessions: SessionsService,
    private readonly seats: SeatsService,
    private readonly clock: Clock,
  ) {}

  /**
   * A teller's upload: the caller must be a teller of the session's ready ceremony (its index
   * names the batch), the keys well formed (libs/ballot `checkSlipBatch`) and at least as many as
   * the term's serving delegates (each draws one slip from each box). Once per teller.
   */
  async upload(sessionId: string, publicKeys: string[], auth: AuthContext): Promise<SlipBatchRow> {
    const session = await this.sessions.get(sessionId);
    const ceremony = await this.ceremonies.findOneBy({ sessionId, status: 'ready' });
    if (!ceremony) throw new TellersException(TellersErrorCode.SlipsNoCeremony);
    const me = await this.tellers.findOneBy({ ceremonyId: ceremony.id, userId: auth.userId });
    if (!me) throw new TellersException(TellersErrorCode.NotATeller);
    const needed = await this.seats.servingVoterCount(session.termId);
    if (publicKeys.length < needed)
      throw new TellersException(TellersErrorCode.SlipsBad, {
        count: publicKeys.length,
        needed,
      });
    let digest: string;
    try {
      digest = slipBatchDigest(checkSlipBatch({ sessionId, teller: me.index, publicKeys }));
    } catch (e) {
      if (isBallotError(e))
        throw new TellersException(TellersErrorCode.SlipsBad, { check: e.code, detail: e.message });
      throw e;
    }
    try {
      await this.batches.insert({
        sessionId,
        teller: me.index,
        ceremonyId: ceremony.id,
        publicKeys,
        count: publicKeys.length,
        digest,
        uploadedBy: auth.userId,
        uploadedAt: this.clock.now(),
      });
    } catch (e) {
      if (e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '23505')
        throw new TellersException(TellersErrorCode.SlipsExists, { teller: me.index });
      throw e;
    }
    this.logger.log({ sessionId, teller: me.index, count: publicKeys.length }, 'slips uploaded');
    return this.batches.findOneByOrFail({ sessionId, teller: me.index });
  }

  /**
   * The session's batches under its ready ceremony (none without one), for staff, secretaries,
   * the term's seats and the session's tellers.
   */
  async list(
    sessionId: string,
    auth: AuthContext,
  ): Promise<{ tellers: number; batches: SlipBatchRow[]; complete: boolean }> {
    const session = await this.sessions.get(sessionId);
    const mayRead =
      auth.role === 'staff' ||
      auth.role === 'secretary' ||
      !!(await this.seats.servingSeat(session.termId, auth.userId)) ||
      (await this.isTellerOf(sessionId, auth.userId));
    if (!mayRead) throw new TellersException(TellersErrorCode.SlipsForbidden);
    const ceremony = await this.ceremonies.findOneBy({ sessionId, status: 'ready' });
    if (!ceremony) return { tellers: 0, batches: [], complete: false };
    const batches = await this.batches.find({
      where: { sessionId, ceremonyId: ceremony.id },
      order: { teller: 'ASC' },
    });
    return { tellers: ceremony.tellers, batches, complete: batches.length === ceremony.tellers };
  }

  /**
   * What a slips poll binds: every batch of the session's ready ceremony, in teller order; null
   * while one is missing (or there is no ready ceremony).
   */
  async recordSlips(sessionId: string): Promise<RecordSlips | null> {
    const ceremony = await this.ceremonies.findOneBy({ sessionId, status: 'ready' });
    if (!ceremony) return null;
    const rows = await this.batches.find({
      where: { sessionId, ceremonyId: ceremony.id },
      select: { teller: true, publicKeys: true },
      order: { teller: 'ASC' },
    });
    if (rows.length !== ceremony.tellers) return null;
    return {
      sessionId,
      batches: rows.map((r) => ({ sessionId, teller: r.teller, publicKeys: r.publicKeys })),
    };
  }

  private async isTellerOf(sessionId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.tellers.query(
      `SELECT 1 FROM ceremony_tellers t JOIN teller_ceremonies c ON c.id = t.ceremony_id
        WHERE c.session_id = $1 AND t.user_id = $2 LIMIT 1`,
      [sessionId, userId],
    );
    return rows.length > 0;
  }
}
