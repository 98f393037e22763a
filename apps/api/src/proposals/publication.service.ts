import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Not, Repository } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { SessionsService } from '../congress/sessions.service.js';
import type { PublicProposalsQuery } from './dto/query.dto.js';
import { Proposal } from './proposal.entity.js';
import { ACTION_FROM, assertAction, isTabled } from './proposal-status.js';
import { ProposalStore } from './proposal-store.js';
import { type ProposalBundle, ProposalViews } from './proposal-views.js';
import { ProposalErrorCode, ProposalsException } from './proposals.exception.js';

/**
 * 厂务公开 of proposals: staff publish decided proposals, one by one or a whole session's;
 * a published proposal shows its later answers and ratings as they come.
 */
@Injectable()
export class PublicationService {
  constructor(
    @InjectRepository(Proposal) private readonly proposals: Repository<Proposal>,
    private readonly store: ProposalStore,
    private readonly views: ProposalViews,
    private readonly sessions: SessionsService,
  ) {}

  publish(auth: AuthContext, id: string): Promise<Proposal> {
    return this.store.transaction(async (m) => {
      const p = await this.store.lock(m, id);
      if (!isTabled(p)) throw new ProposalsException(ProposalErrorCode.NotFound);
      assertAction(p.status, 'publish', ProposalErrorCode.NotPublishable);
      if (p.publishedAt) return p;
      Object.assign(p, { publishedAt: this.store.now(), publishedBy: auth.userId });
      await this.store.record(m, p.id, 'published', auth.userId);
      return m.save(Proposal, p);
    });
  }

  unpublish(auth: AuthContext, id: string): Promise<Proposal> {
    return this.store.transaction(async (m) => {
      const p = await this.store.lock(m, id);
      if (!isTabled(p)) throw new ProposalsException(ProposalErrorCode.NotFound);
      if (!p.publishedAt) return p;
      Object.assign(p, { publishedAt: null, publishedBy: null });
      await this.store.record(m, p.id, 'unpublished', auth.userId);
      return m.save(Proposal, p);
    });
  }

  /** Every decided proposal and suggestion of the session not yet public; returns how many. */
  async publishSession(auth: AuthContext, sessionId: string): Promise<{ published: number }> {
    await this.sessions.get(sessionId);
    return this.store.transaction(async (m) => {
      const due = await m.find(Proposal, {
        where: { sessionId, status: In([...ACTION_FROM.publish]), publishedAt: IsNull() },
        lock: { mode: 'pessimistic_write' },
      });
      const now = this.store.now();
      for (const p of due) {
        Object.assign(p, { publishedAt: now, publishedBy: auth.userId });
        await this.store.record(m, p.id, 'published', auth.userId, { data: { sessionId } });
      }
      await m.save(Proposal, due);
      return { published: due.length };
    });
  }

  async publicList(q: PublicProposalsQuery): Promise<ProposalBundle[]> {
    const proposals = await this.proposals.find({
      where: {
        publishedAt: Not(IsNull()),
        ...(q.termId ? { termId: q.termId } : {}),
        ...(q.sessionId ? { sessionId: q.sessionId } : {}),
      },
      order: { number: { direction: 'ASC', nulls: 'LAST' }, tabledAt: 'ASC' },
    });
    return this.views.load(proposals);
  }

  async publicOne(id: string): Promise<ProposalBundle> {
    const p = await this.proposals.findOneBy({ id, publishedAt: Not(IsNull()) });
    if (!p) throw new ProposalsException(ProposalErrorCode.NotFound);
    return this.views.one(p);
  }
}
