import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { shanghaiDay } from '../common/time.js';
import type { AcceptProposalDto, ConvertProposalDto, MergeProposalDto } from './dto/review.dto.js';
import { HandlingService } from './handling.service.js';
import { ProposalDecision, ProposalKind } from './proposal.enums.js';
import { Proposal } from './proposal.entity.js';
import { ACTION_FROM, assertAction, isTabled, ProposalStatus } from './proposal-status.js';
import { notice, type Notifier, ProposalStore } from './proposal-store.js';
import { ProposalErrorCode, ProposalsException } from './proposals.exception.js';

/**
 * The proposal committee's decisions (staff): 立案, 合并, 转为意见建议, 不立案. Each records who
 * and when, and the proposer and co-signers are told.
 */
@Injectable()
export class ReviewService {
  constructor(
    private readonly store: ProposalStore,
    private readonly handling: HandlingService,
  ) {}

  accept(auth: AuthContext, id: string, dto: AcceptProposalDto): Promise<Proposal> {
    return this.store.transaction(async (m, notifier) => {
      const p = await this.lockForDecision(m, id);
      if (p.kind === ProposalKind.Suggestion)
        throw new ProposalsException(ProposalErrorCode.SuggestionNotAcceptable);
      p.number = await this.nextNumber(m);
      p.category = dto.category;
      await this.decide(m, notifier, p, auth, ProposalDecision.Accepted, dto.note, {
        status: ProposalStatus.Accepted,
        title: `提案“${p.subject}”已立案，编号 ${p.number}`,
      });
      return dto.departmentIds
        ? this.handling.assignLocked(m, notifier, p, dto.departmentIds, dto.dueOn, auth)
        : p;
    });
  }

  convert(auth: AuthContext, id: string, dto: ConvertProposalDto): Promise<Proposal> {
    return this.store.transaction(async (m, notifier) => {
      const p = await this.lockForDecision(m, id);
      p.kind = ProposalKind.Suggestion;
      await this.decide(m, notifier, p, auth, ProposalDecision.Converted, dto.note, {
        status: ProposalStatus.Converted,
        title: `提案“${p.subject}”已转为意见建议`,
      });
      return dto.departmentIds
        ? this.handling.assignLocked(m, notifier, p, dto.departmentIds, dto.dueOn, auth)
        : p;
    });
  }

  reject(auth: AuthContext, id: string, reason: string): Promise<Proposal> {
    return this.store.transaction(async (m, notifier) => {
      const p = await this.lockForDecision(m, id);
      return this.decide(m, notifier, p, auth, ProposalDecision.Rejected, reason, {
        status: ProposalStatus.Rejected,
        title: `提案“${p.subject}”不予立案：${reason}`,
      });
    });
  }

  /** The merged proposal points to the one that carries its matter on. */
  merge(auth: AuthContext, id: string, dto: MergeProposalDto): Promise<Proposal> {
    if (dto.intoProposalId === id)
      throw new ProposalsException(ProposalErrorCode.MergeIntoSelf, [
        { field: 'intoProposalId', errors: ['提案不能并入自身'] },
      ]);
    return this.store.transaction(async (m, notifier) => {
      // Both rows are locked, always in id order, so two crossing merges cannot deadlock.
      const [first, second] = [id, dto.intoProposalId].sort();
      const locked = new Map<string, Proposal | null>();
      for (const key of [first!, second!]) {
        locked.set(
          key,
          await m.findOne(Proposal, { where: { id: key }, lock: { mode: 'pessimistic_write' } }),
        );
      }
      const p = this.checkDecidable(locked.get(id) ?? null);
      const target = locked.get(dto.intoProposalId);
      if (!target || !isTabled(target))
        throw new ProposalsException(ProposalErrorCode.MergeTargetNotFound, [
          { field: 'intoProposalId', errors: ['没有这个提案'] },
        ]);
      if (
        target.termId !== p.termId ||
        !(ACTION_FROM.mergeTarget as readonly ProposalStatus[]).includes(target.status)
      )
        throw new ProposalsException(ProposalErrorCode.MergeTargetInvalid, {
          status: target.status,
        });
      p.mergedIntoId = target.id;
      const label = target.number ? `${target.number}号提案` : `提案“${target.subject}”`;
      await this.decide(m, notifier, p, auth, ProposalDecision.Merged, dto.note, {
        status: ProposalStatus.Merged,
        title: `提案“${p.subject}”已并入${label}办理`,
        data: { mergedIntoId: target.id },
      });
      // Proposals merged into this one follow it: the tree stays one level deep.
      await m.update(Proposal, { mergedIntoId: p.id }, { mergedIntoId: target.id });
      await this.store.record(m, target.id, 'merged_in', auth.userId, {
        data: { proposalId: p.id },
      });
      return p;
    });
  }

  private async lockForDecision(m: EntityManager, id: string): Promise<Proposal> {
    return this.checkDecidable(
      await m.findOne(Proposal, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      }),
    );
  }

  /** Drafts are the proposer's own: to the committee they do not exist yet. */
  private checkDecidable(p: Proposal | null): Proposal {
    if (!p || !isTabled(p)) throw new ProposalsException(ProposalErrorCode.NotFound);
    assertAction(p.status, 'decide');
    return p;
  }

  private async decide(
    m: EntityManager,
    notifier: Notifier,
    p: Proposal,
    auth: AuthContext,
    decision: ProposalDecision,
    note: string | undefined,
    outcome: { status: ProposalStatus; title: string; data?: object },
  ): Promise<Proposal> {
    // Told before the move: a merged proposal's followers are found through it.
    const recipients = await this.store.participants(m, p.id);
    const followers = await this.store.followers(m, p.id, recipients);
    Object.assign(p, {
      decision,
      decisionNote: note ?? null,
      decidedBy: auth.userId,
      decidedAt: this.store.now(),
    });
    await this.store.move(m, p, outcome.status, decision, auth.userId, {
      note: note ?? null,
      data: { number: p.number, category: p.category, ...outcome.data },
    });
    await notifier.notify(recipients, `proposal.${decision}`, outcome.title, notice(p));
    // Every outcome's title starts with 提案“…”.
    await notifier.notify(followers, `proposal.${decision}`, `您关注的${outcome.title}`, notice(p));
    return p;
  }

  /**
   * `YYYY-NNN`, per Shanghai calendar year of acceptance. The counter row is bumped in this
   * transaction: concurrent acceptances wait on its lock, and a rollback gives the number back.
   */
  private async nextNumber(m: EntityManager): Promise<string> {
    const year = Number(shanghaiDay(this.store.now()).slice(0, 4));
    const rows = (await m.query(
      `INSERT INTO proposal_counters (year, last) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last = proposal_counters.last + 1
       RETURNING last`,
      [year],
    )) as { last: number }[];
    return `${year}-${String(rows[0]!.last).padStart(3, '0')}`;
  }
}
