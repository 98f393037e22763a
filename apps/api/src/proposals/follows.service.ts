import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../auth/auth-context.js';
import { ProposalFollow } from './proposal-follow.entity.js';
import { ProposalReadsService } from './proposal-reads.service.js';
import { isTabled } from './proposal-status.js';
import { ProposalStore } from './proposal-store.js';
import { ProposalErrorCode, ProposalsException } from './proposals.exception.js';

/**
 * 关注: a delegate who may read a tabled proposal follows it and is told (inbox and socket) when
 * its status changes or a department answers. Following is the delegate's own business: no one
 * else sees who follows what.
 */
@Injectable()
export class FollowsService {
  constructor(
    private readonly store: ProposalStore,
    private readonly reads: ProposalReadsService,
  ) {}

  async follow(auth: AuthContext, proposalId: string): Promise<void> {
    const { bundle } = await this.reads.detail(auth, proposalId);
    if (!isTabled(bundle.proposal)) throw new ProposalsException(ProposalErrorCode.NotFollowable);
    await this.store.transaction(async (m) => {
      await m
        .createQueryBuilder()
        .insert()
        .into(ProposalFollow)
        .values({ proposalId, userId: auth.userId, followedAt: this.store.now() })
        .orIgnore()
        .execute();
    });
  }

  async unfollow(auth: AuthContext, proposalId: string): Promise<void> {
    await this.reads.detail(auth, proposalId);
    await this.store.transaction((m) =>
      m.delete(ProposalFollow, { proposalId, userId: auth.userId }),
    );
  }
}
