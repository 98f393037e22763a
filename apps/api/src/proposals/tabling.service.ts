import { Injectable } from '@nestjs/common';
import { type EntityManager, In, IsNull } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import type { Delegate } from '../roster/delegate.entity.js';
import { SeatsService } from '../roster/seats.service.js';
import type { CreateProposalDto, UpdateProposalDto } from './dto/tabling.dto.js';
import { IntakeService } from './intake.service.js';
import { ProposalKind } from './proposal.enums.js';
import { Proposal } from './proposal.entity.js';
import { ProposalCosignature } from './proposal-cosignature.entity.js';
import { assertAction, isTabled, ProposalStatus } from './proposal-status.js';
import { notice, type Notifier, ProposalStore } from './proposal-store.js';
import { ProposalErrorCode, ProposalsException } from './proposals.exception.js';

/** The delegate's side before review: drafting, tabling, co-signing, withdrawing. */
@Injectable()
export class TablingService {
  constructor(
    private readonly store: ProposalStore,
    private readonly intake: IntakeService,
    private readonly seats: SeatsService,
  ) {}

  async create(auth: AuthContext, dto: CreateProposalDto): Promise<Proposal> {
    return this.store.transaction(async (m) => {
      const termId = dto.termId ?? (await this.onlyTerm(m, auth));
      const seat = await this.store.requireServingSeat(m, auth, termId);
      const draft = await m.save(
        Proposal,
        m.create(Proposal, {
          termId,
          proposerDelegateId: seat.id,
          groupId: seat.groupId,
          subject: dto.subject,
          reasons: dto.reasons,
          measures: dto.measures,
          proposedCategory: dto.category,
          category: dto.category,
          status: ProposalStatus.Draft,
        }),
      );
      await this.store.record(m, draft.id, 'drafted', auth.userId, { to: draft.status });
      return dto.draft ? draft : this.tableLocked(m, draft, seat);
    });
  }

  async update(auth: AuthContext, id: string, dto: UpdateProposalDto): Promise<Proposal> {
    return this.store.transaction(async (m) => {
      const p = await this.store.lock(m, id);
      await this.store.requireProposer(m, p, auth);
      assertAction(p.status, 'edit', ProposalErrorCode.NotEditable);
      if (dto.subject !== undefined) p.subject = dto.subject;
      if (dto.reasons !== undefined) p.reasons = dto.reasons;
      if (dto.measures !== undefined) p.measures = dto.measures;
      if (dto.category !== undefined) p.proposedCategory = p.category = dto.category;
      return m.save(Proposal, p);
    });
  }

  async table(auth: AuthContext, id: string): Promise<Proposal> {
    return this.store.transaction(async (m) => {
      const p = await this.store.lock(m, id);
      await this.store.requireProposer(m, p, auth);
      assertAction(p.status, 'table');
      // The proposer must still hold a serving seat when the draft goes out.
      const seat = await this.store.requireServingSeat(m, auth, p.termId);
      return this.tableLocked(m, p, seat);
    });
  }

  async withdraw(auth: AuthContext, id: string, reason?: string): Promise<Proposal> {
    return this.store.transaction(async (m, notifier) => {
      const p = await this.store.lock(m, id);
      await this.store.requireProposer(m, p, auth);
      assertAction(p.status, 'withdraw');
      const recipients = await this.store.participants(m, p.id);
      const followers = await this.store.followers(m, p.id, recipients);
      p.withdrawnAt = this.store.now();
      await this.store.move(m, p, ProposalStatus.Withdrawn, 'withdrawn', auth.userId, {
        note: reason ?? null,
      });
      await notifier.notify(
        recipients.filter((u) => u !== auth.userId),
        'proposal.withdrawn',
        `提案“${p.subject}”已由提案人撤回`,
        notice(p),
      );
      await notifier.notify(
        followers,
        'proposal.withdrawn',
        `您关注的提案“${p.subject}”已由提案人撤回`,
        notice(p),
      );
      return p;
    });
  }

  async cosign(auth: AuthContext, id: string): Promise<Proposal> {
    return this.store.transaction(async (m, notifier) => {
      const p = await this.store.lock(m, id);
      if (!isTabled(p)) throw new ProposalsException(ProposalErrorCode.NotFound);
      const seat = await this.store.requireServingSeat(m, auth, p.termId);
      if (seat.id === p.proposerDelegateId)
        throw new ProposalsException(ProposalErrorCode.CosignOwn);
      assertAction(p.status, 'cosign', ProposalErrorCode.NotOpenForCosigning);
      if (p.kind === ProposalKind.Suggestion)
        throw new ProposalsException(ProposalErrorCode.NotOpenForCosigning, { kind: p.kind });
      if (await this.liveSignature(m, p.id, [seat.id]))
        throw new ProposalsException(ProposalErrorCode.AlreadyCosigned);
      await m.insert(ProposalCosignature, {
        proposalId: p.id,
        delegateId: seat.id,
        signedAt: this.store.now(),
      });
      await this.store.record(m, p.id, 'cosigned', auth.userId, { data: { delegateId: seat.id } });
      const proposer = await this.store.proposerSeat(m, p);
      await notifier.notify(
        proposer.userId ? [proposer.userId] : [],
        'proposal.cosigned',
        `${seat.name} 附议了您的提案“${p.subject}”`,
        notice(p),
      );
      await this.submitIfEnough(m, notifier, p);
      return p;
    });
  }

  /** A co-signer takes their signature back, as long as the proposal is not yet submitted. */
  async uncosign(auth: AuthContext, id: string): Promise<Proposal> {
    return this.store.transaction(async (m, notifier) => {
      const p = await this.store.lock(m, id);
      // Any seat of the caller in this term: a signature outlives a later change of seat.
      const seats = await this.seats.seatsOf(auth.userId, p.termId, m);
      const signature = await this.liveSignature(
        m,
        p.id,
        seats.map((s) => s.id),
      );
      if (!signature) throw new ProposalsException(ProposalErrorCode.NotCosigned);
      assertAction(p.status, 'uncosign', ProposalErrorCode.CosignatureLocked);
      signature.withdrawnAt = this.store.now();
      await m.save(ProposalCosignature, signature);
      await this.store.record(m, p.id, 'cosign_withdrawn', auth.userId, {
        data: { delegateId: signature.delegateId },
      });
      const proposer = await this.store.proposerSeat(m, p);
      await notifier.notify(
        proposer.userId ? [proposer.userId] : [],
        'proposal.cosign_withdrawn',
        `${auth.displayName} 撤回了对您的提案“${p.subject}”的附议`,
        notice(p),
      );
      return p;
    });
  }

  /** Tabling fixes kind, session and co-signers needed from the intake window open right now. */
  private async tableLocked(m: EntityManager, p: Proposal, seat: Delegate): Promise<Proposal> {
    const placement = await this.intake.placement(m, p.termId);
    Object.assign(p, placement, { groupId: seat.groupId, tabledAt: this.store.now() });
    // A suggestion, or a congress that needs no co-signers, goes straight to the committee.
    const needsCosigners = placement.cosignersRequired > 0;
    if (!needsCosigners) p.submittedAt = p.tabledAt;
    return this.store.move(
      m,
      p,
      needsCosigners ? ProposalStatus.AwaitingCosigners : ProposalStatus.Submitted,
      'tabled',
      seat.userId,
      { data: placement },
    );
  }

  private async submitIfEnough(m: EntityManager, notifier: Notifier, p: Proposal): Promise<void> {
    if (p.status !== ProposalStatus.AwaitingCosigners) return;
    const live = await m.countBy(ProposalCosignature, { proposalId: p.id, withdrawnAt: IsNull() });
    if (live < p.cosignersRequired) return;
    p.submittedAt = this.store.now();
    await this.store.move(m, p, ProposalStatus.Submitted, 'submitted', null, {
      data: { cosigners: live },
    });
    const told = await this.store.participants(m, p.id);
    await notifier.notify(
      told,
      'proposal.submitted',
      `提案“${p.subject}”附议人数已满，已提交提案工作委员会审查`,
      notice(p),
    );
    await this.store.tellFollowers(
      m,
      notifier,
      p,
      told,
      'proposal.submitted',
      '附议人数已满，已提交提案工作委员会审查',
      notice(p),
    );
  }

  private liveSignature(m: EntityManager, proposalId: string, delegateIds: string[]) {
    if (delegateIds.length === 0) return Promise.resolve(null);
    return m.findOneBy(ProposalCosignature, {
      proposalId,
      delegateId: In(delegateIds),
      withdrawnAt: IsNull(),
    });
  }

  /** A delegate seated in one term need not name it; one seated in several must. */
  private async onlyTerm(m: EntityManager, auth: AuthContext): Promise<string> {
    const seats = await this.seats.votingSeatsOf(auth.userId, m);
    if (seats.length === 0) throw new ProposalsException(ProposalErrorCode.NotServingDelegate);
    if (seats.length > 1)
      throw new ProposalsException(ProposalErrorCode.TermRequired, [
        { field: 'termId', errors: ['您在多届任代表，请指定届次（termId）'] },
      ]);
    return seats[0]!.termId;
  }
}
