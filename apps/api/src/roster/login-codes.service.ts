import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import argon2 from 'argon2';
import { type EntityManager, In, IsNull, MoreThan, Repository } from 'typeorm';
import { PresenceService } from '../attendance/presence.service.js';
import { AccountsService } from '../auth/accounts.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import { AuthErrorCode, AuthException } from '../auth/auth.exception.js';
import type { LoginResponse } from '../auth/dto/auth.responses.js';
import { TokenService } from '../auth/token.service.js';
import { Clock } from '../common/clock.js';
import { formatShanghai } from '../common/time.js';
import type { CongressSession } from '../congress/congress-session.entity.js';
import { CongressErrorCode, CongressException } from '../congress/congress.exception.js';
import { SessionsService } from '../congress/sessions.service.js';
import { TermsService } from '../congress/terms.service.js';
import { UserResponse } from '../users/dto/users.responses.js';
import { Role } from '../users/role.enum.js';
import { Delegate } from './delegate.entity.js';
import { DelegationGroup } from './delegation-group.entity.js';
import { LoginCodeBatch } from './login-code-batch.entity.js';
import { type CodeExpiry, codeExpiry, sessionEnd } from './login-code-expiry.js';
import { generateCode, normalizeCode } from './login-codes.js';
import { LoginCode } from './login-code.entity.js';
import type { IssuedBatch, SheetFormat } from './login-sheet-output.js';
import { formatLoginCode } from './login-sheet/login-sheet.js';
import { RosterErrorCode, RosterException } from './roster.exception.js';
import { SERVING } from './seat-rules.js';

/**
 * Codes are 40 random bits that expire within days, so a light argon2id (4 MiB, 3 passes) is
 * ample against offline guessing and lets staff issue codes for a whole hall in seconds.
 */
const CODE_HASH = { type: argon2.argon2id, memoryCost: 4096, timeCost: 3, parallelism: 1 } as const;

/** A user id no account has: the code query of an unknown user finds nothing, at the same cost. */
const NO_USER = '00000000-0000-0000-0000-000000000000';

let dummy: Promise<string> | undefined;
/** A hash of a code nobody holds, made once: what an unknown user's code is checked against. */
function dummyCodeHash(): Promise<string> {
  dummy ??= argon2.hash(generateCode(), CODE_HASH);
  return dummy;
}

export interface IssueRequest {
  delegateIds?: string[];
  sessionId?: string;
  validHours?: number;
  formats: SheetFormat[];
  replaceLiveCodes?: boolean;
}

/** What an issue would do: how many codes, until when, and which printed codes it would revoke. */
export interface IssuePreview {
  dryRun: true;
  codes: number;
  sessionId: string | null;
  sessionName: string | null;
  expiresAt: string;
  expiryBasis: CodeExpiry['basis'];
  /** Live (unused, unexpired) codes of these delegates that an issue would make stop working. */
  revokes: number;
  /** Where those codes were printed: by batch (null: codes issued before batches existed). */
  revokesByBatch: { batchId: string | null; issuedAt: string | null; codes: number }[];
}

/** A batch as listed for staff: its codes are counted, never shown. */
export interface BatchSummary {
  id: string;
  issuedAt: string;
  issuedBy: string | null;
  sessionId: string | null;
  expiresAt: string;
  expiryBasis: CodeExpiry['basis'];
  formats: SheetFormat[];
  codes: number;
  used: number;
  live: number;
  revoked: number;
  expired: number;
  revokedCodes: number;
}

@Injectable()
export class LoginCodesService {
  private readonly logger = new Logger('LoginCodes');

  constructor(
    @InjectRepository(Delegate) private readonly delegates: Repository<Delegate>,
    @InjectRepository(DelegationGroup) private readonly groups: Repository<DelegationGroup>,
    @InjectRepository(LoginCode) private readonly codes: Repository<LoginCode>,
    @InjectRepository(LoginCodeBatch) private readonly batches: Repository<LoginCodeBatch>,
    private readonly accounts: AccountsService,
    private readonly terms: TermsService,
    private readonly sessions: SessionsService,
    private readonly tokens: TokenService,
    private readonly presence: PresenceService,
    private readonly clock: Clock,
  ) {}

  /** The seats an issue is for, with accounts, and the lifetime its codes would get. */
  private async plan(termId: string, req: Omit<IssueRequest, 'formats'>) {
    const term = await this.terms.get(termId);
    const seats = (
      await this.delegates.find({
        where: { termId, ...SERVING, ...(req.delegateIds ? { id: In(req.delegateIds) } : {}) },
        order: { groupId: 'ASC', employeeNumber: 'ASC' },
      })
    ).filter((s) => s.userId);
    if (seats.length === 0) throw new RosterException(RosterErrorCode.NoDelegatesSelected);
    const now = this.clock.now();
    let session: CongressSession | null = null;
    if (req.sessionId) {
      session = await this.sessions.get(req.sessionId);
      if (session.termId !== termId) throw new CongressException(CongressErrorCode.SessionNotFound);
      if (sessionEnd(session) <= now) {
        throw new RosterException(RosterErrorCode.SessionOver, {
          sessionEnded: formatShanghai(sessionEnd(session)),
        });
      }
    }
    const expiry = codeExpiry({
      now,
      validHours: req.validHours,
      session,
      upcoming: session ? [] : await this.sessions.upcoming(termId),
    });
    if (!session && expiry.sessionId) session = await this.sessions.get(expiry.sessionId);
    return { term, seats, now, expiry, session };
  }

  /** Live codes of these accounts: unused, not revoked, not expired. */
  private live(userIds: string[], now: Date, m: EntityManager = this.codes.manager) {
    return m.find(LoginCode, {
      where: {
        userId: In(userIds),
        usedAt: IsNull(),
        revokedAt: IsNull(),
        expiresAt: MoreThan(now),
      },
      select: { id: true, batchId: true },
    });
  }

  /** The dry run: what an issue would do, without doing it. */
  async preview(termId: string, req: Omit<IssueRequest, 'formats'>): Promise<IssuePreview> {
    const { seats, now, expiry, session } = await this.plan(termId, req);
    const live = await this.live(
      seats.map((s) => s.userId!),
      now,
    );
    const perBatch = new Map<string | null, number>();
    for (const c of live) perBatch.set(c.batchId, (perBatch.get(c.batchId) ?? 0) + 1);
    const batches = await this.batches.findBy({
      id: In([...perBatch.keys()].filter((id): id is string => id !== null)),
    });
    const issuedAt = new Map(batches.map((b) => [b.id, b.issuedAt.toISOString()]));
    return {
      dryRun: true,
      codes: seats.length,
      sessionId: session?.id ?? null,
      sessionName: session?.name ?? null,
      expiresAt: expiry.expiresAt.toISOString(),
      expiryBasis: expiry.basis,
      revokes: live.length,
      revokesByBatch: [...perBatch].map(([batchId, codes]) => ({
        batchId,
        issuedAt: batchId ? (issuedAt.get(batchId) ?? null) : null,
        codes,
      })),
    };
  }

  /**
   * A new batch of codes for the chosen (or all) serving seats. Their live codes from earlier
   * issues stop working, which must be asked for (`replaceLiveCodes`) and is counted in the
   * batch. The plaintext codes exist only in the returned batch.
   */
  async issue(
    termId: string,
    req: IssueRequest,
    actor: AuthContext,
    opts: {
      approvedReissue?: boolean;
      /** Runs first in the issuing transaction: throwing there issues nothing (a re-issue's once). */
      within?: (m: EntityManager) => Promise<void>;
    } = {},
  ): Promise<IssuedBatch> {
    const { term, seats, now, expiry, session } = await this.plan(termId, req);
    if (!opts.approvedReissue) {
      // A new code for someone already checked in could put another person in the seat during
      // the vote: that takes a presidium member's or teller's approval (SessionIncidentsService).
      const checkedIn = await this.presence.checkedInAtLiveSessions(
        termId,
        seats.map((s) => s.id),
      );
      if (checkedIn.length > 0)
        throw new RosterException(RosterErrorCode.ReissueNeedsApproval, { delegateIds: checkedIn });
    }
    const groups = new Map((await this.groups.findBy({ termId })).map((g) => [g.id, g.name]));
    const userIds = seats.map((s) => s.userId!);
    const users = new Map((await this.accounts.byIds(userIds)).map((u) => [u.id, u]));
    const issued = await Promise.all(
      seats.map(async (delegate) => {
        const code = generateCode();
        return { delegate, code, hash: await argon2.hash(code, CODE_HASH) };
      }),
    );
    const batch = await this.codes.manager.transaction(async (m) => {
      await opts.within?.(m);
      const live = await this.live(userIds, now, m);
      if (live.length > 0 && !req.replaceLiveCodes) {
        throw new RosterException(RosterErrorCode.LiveCodesWouldBeRevoked, {
          revokes: live.length,
        });
      }
      // A code spent meanwhile by its tablet is not revoked, nor counted.
      const revoked = live.length
        ? ((
            await m.update(
              LoginCode,
              { id: In(live.map((c) => c.id)), usedAt: IsNull() },
              { revokedAt: now },
            )
          ).affected ?? 0)
        : 0;
      const saved = await m.save(
        LoginCodeBatch,
        m.create(LoginCodeBatch, {
          termId,
          sessionId: session?.id ?? null,
          expiresAt: expiry.expiresAt,
          expiryBasis: expiry.basis,
          formats: req.formats,
          codes: issued.length,
          revokedCodes: revoked,
          issuedBy: actor.userId,
        }),
      );
      await m.insert(
        LoginCode,
        issued.map((i) => ({
          userId: i.delegate.userId!,
          batchId: saved.id,
          codeHash: i.hash,
          expiresAt: expiry.expiresAt,
          issuedBy: actor.userId,
        })),
      );
      return saved;
    });
    return {
      batchId: batch.id,
      termName: term.name,
      sessionId: session?.id ?? null,
      sessionName: session?.name ?? null,
      expiresAt: expiry.expiresAt,
      expiryBasis: expiry.basis,
      revokedCodes: batch.revokedCodes,
      issuedAt: now,
      codes: issued.map(({ delegate, code }) => ({
        delegate,
        groupName: delegate.groupId ? (groups.get(delegate.groupId) ?? null) : null,
        username: users.get(delegate.userId!)!.username,
        code: formatLoginCode(code),
      })),
    };
  }

  /** The term's batches, newest first, with how many of their codes are used, live or dead. */
  async listBatches(termId: string): Promise<BatchSummary[]> {
    await this.terms.get(termId);
    const now = this.clock.now();
    const batches = await this.batches.find({ where: { termId }, order: { issuedAt: 'DESC' } });
    if (batches.length === 0) return [];
    const counts: { batch_id: string; used: string; revoked: string; expired: string }[] =
      await this.codes
        .createQueryBuilder('c')
        .select('c.batch_id', 'batch_id')
        .addSelect('count(*) FILTER (WHERE c.used_at IS NOT NULL)', 'used')
        .addSelect(
          'count(*) FILTER (WHERE c.used_at IS NULL AND c.revoked_at IS NOT NULL)',
          'revoked',
        )
        .addSelect(
          'count(*) FILTER (WHERE c.used_at IS NULL AND c.revoked_at IS NULL AND c.expires_at <= :now)',
          'expired',
        )
        .where('c.batch_id IN (:...ids)', { ids: batches.map((b) => b.id), now })
        .groupBy('c.batch_id')
        .getRawMany();
    const byBatch = new Map(counts.map((c) => [c.batch_id, c]));
    return batches.map((b) => {
      const c = byBatch.get(b.id);
      const [used, revoked, expired] = [c?.used, c?.revoked, c?.expired].map(Number) as [
        number,
        number,
        number,
      ];
      return {
        id: b.id,
        issuedAt: b.issuedAt.toISOString(),
        issuedBy: b.issuedBy,
        sessionId: b.sessionId,
        expiresAt: b.expiresAt.toISOString(),
        expiryBasis: b.expiryBasis,
        formats: b.formats,
        codes: b.codes,
        used,
        live: b.codes - used - revoked - expired,
        revoked,
        expired,
        revokedCodes: b.revokedCodes,
      };
    });
  }

  /** Logs a delegate in with a one-time code: it works once, before it expires, if not re-issued. */
  async login(username: string, typedCode: string): Promise<LoginResponse> {
    const user = await this.accounts.findByUsername(username.trim().toLowerCase());
    const now = this.clock.now();
    const eligible =
      user && !user.disabled && (user.role === Role.Delegate || user.role === Role.Attendee);
    // The same query and at least one argon2 verification whether the user exists, may use
    // codes and holds a live one or not: the answer's time must not tell which.
    const live = await this.codes.findBy({
      userId: eligible ? user.id : NO_USER,
      usedAt: IsNull(),
      revokedAt: IsNull(),
      expiresAt: MoreThan(now),
    });
    const code = normalizeCode(typedCode);
    if (live.length === 0) await argon2.verify(await dummyCodeHash(), code);
    let match: LoginCode | undefined;
    for (const candidate of live) {
      const matches = await argon2.verify(candidate.codeHash, code).catch((err: unknown) => {
        this.logger.error({ err, codeId: candidate.id }, 'a stored login code hash cannot be read');
        return false;
      });
      if (matches) match = candidate;
    }
    if (!user || !match) throw new AuthException(AuthErrorCode.InvalidCredentials);
    // Spend the code atomically: of two tablets racing with one code, only one gets in.
    const spent = await this.codes.update({ id: match.id, usedAt: IsNull() }, { usedAt: now });
    if (!spent.affected) throw new AuthException(AuthErrorCode.InvalidCredentials);
    const issued = await this.tokens.issue(user.id);
    return {
      accessToken: issued.accessToken,
      expiresAt: issued.expiresAt.toISOString(),
      user: UserResponse.of(user),
    };
  }
}
