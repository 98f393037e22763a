import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { AccessToken } from './access-token.entity.js';
import type { AuthContext } from './auth-context.js';
import { SessionEvents } from './session-events.js';
import { User } from './user.entity.js';

export interface IssuedToken {
  accessToken: string;
  expiresAt: Date;
  tokenId: string;
}

const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/**
 * Opaque bearer tokens: 32 random bytes, stored as their SHA-256. Every check reads the row, so
 * log-out, a password change or a disabled account takes effect on the next request.
 */
@Injectable()
export class TokenService {
  constructor(
    @InjectRepository(AccessToken) private readonly tokens: Repository<AccessToken>,
    private readonly config: AppConfig,
    private readonly events: SessionEvents,
  ) {}

  async issue(userId: string): Promise<IssuedToken> {
    const accessToken = randomBytes(32).toString('base64url');
    // A token's lifetime is a timer checked by PostgreSQL's now() (see `resolve`), not a date of
    // the congress: it runs on the real clock even while tests fix the app's Clock.
    const expiresAt = new Date(Date.now() + this.config.tokenTtlMinutes * 60_000);
    const row = await this.tokens.save({ userId, tokenHash: hashToken(accessToken), expiresAt });
    return { accessToken, expiresAt, tokenId: row.id };
  }

  /** The caller behind a token, or null when it is unknown, expired, revoked or its user disabled. */
  async resolve(accessToken: string): Promise<AuthContext | null> {
    if (!accessToken || accessToken.length > 200) return null;
    const row = await this.tokens
      .createQueryBuilder('t')
      .innerJoinAndMapOne('t.user', User, 'u', 'u.id = t.user_id')
      .where('t.token_hash = :hash', { hash: hashToken(accessToken) })
      .andWhere('t.revoked_at IS NULL')
      .andWhere('t.expires_at > now()')
      .andWhere('u.disabled = false')
      .getOne();
    const user = (row as (AccessToken & { user?: User }) | null)?.user;
    if (!row || !user) return null;
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      tokenId: row.id,
      expiresAt: row.expiresAt,
      mustChangePassword: user.mustChangePassword,
    };
  }

  async revoke(tokenId: string, reason: string): Promise<void> {
    await this.tokens.update(
      { id: tokenId, revokedAt: IsNull() },
      { revokedAt: () => 'now()', revokedReason: reason },
    );
    this.events.revoked$.next({ tokenIds: [tokenId], reason });
  }

  /** Revokes every live token of a user (password change, account disabled, seat lost). */
  async revokeAllForUser(userId: string, reason: string, exceptTokenId?: string): Promise<void> {
    const query = this.tokens
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()', revokedReason: reason })
      .where('user_id = :userId AND revoked_at IS NULL', { userId });
    if (exceptTokenId) query.andWhere('id <> :exceptTokenId', { exceptTokenId });
    const rows = (await query.returning('id').execute()).raw as { id: string }[];
    if (rows.length > 0) this.events.revoked$.next({ tokenIds: rows.map((r) => r.id), reason });
  }
}
