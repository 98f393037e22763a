import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import argon2 from 'argon2';
import { In, IsNull, MoreThan, Repository } from 'typeorm';
import { AccountsService } from '../auth/accounts.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import { AuthErrorCode, AuthException } from '../auth/auth.exception.js';
import type { LoginResponse } from '../auth/dto/auth.responses.js';
import { TokenService } from '../auth/token.service.js';
import { Clock } from '../common/clock.js';
import { TermsService } from '../congress/terms.service.js';
import { UserResponse } from '../users/dto/users.responses.js';
import { Role } from '../users/role.enum.js';
import { Delegate } from './delegate.entity.js';
import { DelegationGroup } from './delegation-group.entity.js';
import { generateCode, normalizeCode } from './login-codes.js';
import { formatLoginCode } from './login-sheet/login-sheet.js';
import { LoginCode } from './login-code.entity.js';
import { RosterErrorCode, RosterException } from './roster.exception.js';
import { SERVING } from './seat-rules.js';

/**
 * Codes are 40 random bits that expire within days, so a light argon2id (4 MiB, 3 passes) is
 * ample against offline guessing and lets staff issue codes for a whole hall in seconds.
 */
const CODE_HASH = { type: argon2.argon2id, memoryCost: 4096, timeCost: 3, parallelism: 1 } as const;

export interface IssuedCode {
  termName: string;
  delegate: Delegate;
  groupName: string | null;
  username: string;
  code: string;
  expiresAt: Date;
}

@Injectable()
export class LoginCodesService {
  private readonly logger = new Logger('LoginCodes');

  constructor(
    @InjectRepository(Delegate) private readonly delegates: Repository<Delegate>,
    @InjectRepository(DelegationGroup) private readonly groups: Repository<DelegationGroup>,
    @InjectRepository(LoginCode) private readonly codes: Repository<LoginCode>,
    private readonly accounts: AccountsService,
    private readonly terms: TermsService,
    private readonly tokens: TokenService,
    private readonly clock: Clock,
  ) {}

  /** New codes for the chosen (or all) serving seats; any earlier live code of theirs stops working. */
  async issue(
    termId: string,
    delegateIds: string[] | undefined,
    validHours: number,
    actor: AuthContext,
  ): Promise<IssuedCode[]> {
    const term = await this.terms.get(termId);
    const seats = await this.delegates.find({
      where: {
        termId,
        ...SERVING,
        ...(delegateIds ? { id: In(delegateIds) } : {}),
      },
      order: { groupId: 'ASC', employeeNumber: 'ASC' },
    });
    const withAccounts = seats.filter((s) => s.userId);
    if (withAccounts.length === 0) throw new RosterException(RosterErrorCode.NoDelegatesSelected);
    const groups = new Map((await this.groups.findBy({ termId })).map((g) => [g.id, g.name]));
    const users = new Map(
      (await this.accounts.byIds(withAccounts.map((s) => s.userId!))).map((u) => [u.id, u]),
    );
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + validHours * 3_600_000);
    const issued = await Promise.all(
      withAccounts.map(async (delegate) => {
        const code = generateCode();
        return { delegate, code, hash: await argon2.hash(code, CODE_HASH) };
      }),
    );
    await this.codes.manager.transaction(async (m) => {
      const userIds = withAccounts.map((s) => s.userId!);
      await m.update(
        LoginCode,
        { userId: In(userIds), usedAt: IsNull(), revokedAt: IsNull() },
        { revokedAt: now },
      );
      await m.insert(
        LoginCode,
        issued.map((i) => ({
          userId: i.delegate.userId!,
          codeHash: i.hash,
          expiresAt,
          issuedBy: actor.userId,
        })),
      );
    });
    return issued.map(({ delegate, code }) => ({
      termName: term.name,
      delegate,
      groupName: delegate.groupId ? (groups.get(delegate.groupId) ?? null) : null,
      username: users.get(delegate.userId!)!.username,
      code: formatLoginCode(code),
      expiresAt,
    }));
  }

  /** Logs a delegate in with a one-time code: it works once, before it expires, if not re-issued. */
  async login(username: string, typedCode: string): Promise<LoginResponse> {
    const user = await this.accounts.findByUsername(username.trim().toLowerCase());
    const now = this.clock.now();
    const live =
      user && !user.disabled && (user.role === Role.Delegate || user.role === Role.Attendee)
        ? await this.codes.findBy({
            userId: user.id,
            usedAt: IsNull(),
            revokedAt: IsNull(),
            expiresAt: MoreThan(now),
          })
        : [];
    const code = normalizeCode(typedCode);
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
