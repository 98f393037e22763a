import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Not, Repository } from 'typeorm';
import { AccountsService } from '../auth/accounts.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import { shanghaiDay } from '../common/time.js';
import { TermsService } from '../congress/terms.service.js';
import type { Delegate } from '../roster/delegate.entity.js';
import { isServingVoter } from '../roster/seat-rules.js';
import { SeatsService } from '../roster/seats.service.js';
import { Role } from '../users/role.enum.js';
import { ProposalResponse, type ViewerContext } from './dto/proposals.responses.js';
import type { ListProposalsQuery } from './dto/query.dto.js';
import { AWAITING_ANSWER, type AssignmentStatus, ProposalKind } from './proposal.enums.js';
import { Proposal } from './proposal.entity.js';
import { ProposalAssignment } from './proposal-assignment.entity.js';
import { ProposalCosignature } from './proposal-cosignature.entity.js';
import { ProposalEvent } from './proposal-event.entity.js';
import { ProposalFollow } from './proposal-follow.entity.js';
import { ACTION_FROM, isTabled } from './proposal-status.js';
import { ProposalStore } from './proposal-store.js';
import { type ProposalBundle, ProposalViews } from './proposal-views.js';
import { ProposalErrorCode, ProposalsException } from './proposals.exception.js';

export interface AssignmentLine {
  bundle: ProposalBundle;
  assignmentId: string;
}

export interface Viewer extends ViewerContext {
  auth: AuthContext;
  seats: Delegate[];
}

/** Who may read what, and the lists each role works from. */
@Injectable()
export class ProposalReadsService {
  constructor(
    @InjectRepository(Proposal) private readonly proposals: Repository<Proposal>,
    @InjectRepository(ProposalCosignature)
    private readonly cosignatures: Repository<ProposalCosignature>,
    @InjectRepository(ProposalAssignment)
    private readonly assignments: Repository<ProposalAssignment>,
    @InjectRepository(ProposalEvent) private readonly events: Repository<ProposalEvent>,
    @InjectRepository(ProposalFollow) private readonly follows: Repository<ProposalFollow>,
    private readonly store: ProposalStore,
    private readonly views: ProposalViews,
    private readonly terms: TermsService,
    private readonly seats: SeatsService,
    private readonly accounts: AccountsService,
  ) {}

  async viewer(auth: AuthContext): Promise<Viewer> {
    const delegate = auth.role === Role.Delegate;
    const seats = delegate ? await this.seats.seatsOf(auth.userId) : [];
    const follows = delegate ? await this.follows.findBy({ userId: auth.userId }) : [];
    return {
      auth,
      seats,
      today: shanghaiDay(this.store.now()),
      departmentId: await this.store.departmentOf(auth),
      delegateIds: new Set(seats.map((s) => s.id)),
      followed: new Set(follows.map((f) => f.proposalId)),
    };
  }

  /**
   * Staff and secretaries read every tabled proposal; a delegate their own (drafts too), the
   * ones they co-signed and the tabled ones of a term they serve in; a department the ones
   * assigned to it. Anything else does not exist for the caller (404).
   */
  async canView(v: Viewer, p: Proposal): Promise<boolean> {
    const tabled = isTabled(p);
    switch (v.auth.role) {
      case Role.Staff:
      case Role.Secretary:
        return tabled;
      case Role.Delegate: {
        if (v.delegateIds!.has(p.proposerDelegateId)) return true;
        if (!tabled) return false;
        const serving = v.seats.some((s) => s.termId === p.termId && isServingVoter(s));
        return (
          serving ||
          (v.seats.length > 0 &&
            (await this.cosignatures.existsBy({
              proposalId: p.id,
              delegateId: In(v.seats.map((s) => s.id)),
            })))
        );
      }
      case Role.Department:
        return (
          !!v.departmentId &&
          this.assignments.existsBy({ proposalId: p.id, departmentId: v.departmentId })
        );
      default:
        return false;
    }
  }

  /** A proposal as the caller sees it, after the caller changed it. */
  async present(auth: AuthContext, p: Proposal): Promise<ProposalResponse> {
    return ProposalResponse.of(await this.views.one(p), await this.viewer(auth));
  }

  async detail(auth: AuthContext, id: string): Promise<{ bundle: ProposalBundle; viewer: Viewer }> {
    const viewer = await this.viewer(auth);
    const p = await this.proposals.findOneBy({ id });
    if (!p || !(await this.canView(viewer, p)))
      throw new ProposalsException(ProposalErrorCode.NotFound);
    return { bundle: await this.views.one(p), viewer };
  }

  async forTerm(termId: string, q: ListProposalsQuery): Promise<ProposalBundle[]> {
    await this.terms.get(termId);
    const query = this.proposals
      .createQueryBuilder('p')
      .where('p.term_id = :termId', { termId })
      .andWhere('p.tabled_at IS NOT NULL')
      .orderBy('p.number', 'ASC', 'NULLS LAST')
      .addOrderBy('p.tabled_at', 'ASC');
    if (q.sessionId) query.andWhere('p.session_id = :sessionId', { sessionId: q.sessionId });
    if (q.status) query.andWhere('p.status = :status', { status: q.status });
    if (q.kind) query.andWhere('p.kind = :kind', { kind: q.kind });
    if (q.published !== undefined)
      query.andWhere(q.published ? 'p.published_at IS NOT NULL' : 'p.published_at IS NULL');
    if (q.departmentId)
      query.andWhere(
        'EXISTS (SELECT 1 FROM proposal_assignments a WHERE a.proposal_id = p.id AND a.department_id = :departmentId)',
        { departmentId: q.departmentId },
      );
    if (q.overdue !== undefined)
      query.andWhere(
        `${q.overdue ? '' : 'NOT '}EXISTS (SELECT 1 FROM proposal_assignments a
          WHERE a.proposal_id = p.id AND a.status IN (:...awaiting) AND a.due_on < :today)`,
        { awaiting: AWAITING_ANSWER, today: shanghaiDay(this.store.now()) },
      );
    return this.views.load(await query.getMany());
  }

  /** A delegate's own proposals (drafts included) and the ones they co-sign. */
  async mine(v: Viewer): Promise<ProposalBundle[]> {
    const seatIds = [...v.delegateIds!];
    if (seatIds.length === 0) return [];
    const signed = await this.cosignatures.findBy({
      delegateId: In(seatIds),
      withdrawnAt: IsNull(),
    });
    const proposals = await this.proposals.find({
      where: [
        { proposerDelegateId: In(seatIds) },
        ...(signed.length ? [{ id: In(signed.map((s) => s.proposalId)) }] : []),
      ],
      order: { createdAt: 'DESC' },
    });
    return this.views.load(proposals);
  }

  /** The proposals the caller follows and may still read, latest followed first. */
  async following(v: Viewer): Promise<ProposalBundle[]> {
    const follows = await this.follows.find({
      where: { userId: v.auth.userId },
      order: { followedAt: 'DESC' },
    });
    if (follows.length === 0) return [];
    const byId = new Map(
      (await this.proposals.findBy({ id: In(follows.map((f) => f.proposalId)) })).map((p) => [
        p.id,
        p,
      ]),
    );
    const visible: Proposal[] = [];
    for (const f of follows) {
      const p = byId.get(f.proposalId);
      if (p && (await this.canView(v, p))) visible.push(p);
    }
    return this.views.load(visible);
  }

  /** Proposals of the caller's terms still taking co-signatures, other than their own. */
  async cosignable(v: Viewer): Promise<ProposalBundle[]> {
    const serving = v.seats.filter(isServingVoter);
    if (serving.length === 0) return [];
    const proposals = await this.proposals.find({
      where: {
        termId: In(serving.map((s) => s.termId)),
        status: In([...ACTION_FROM.cosign]),
        kind: ProposalKind.Proposal,
        proposerDelegateId: Not(In(serving.map((s) => s.id))),
      },
      order: { tabledAt: 'DESC' },
    });
    return this.views.load(proposals);
  }

  /** A department's assignments, each with its proposal. */
  async forDepartment(v: Viewer, status?: AssignmentStatus): Promise<AssignmentLine[]> {
    if (!v.departmentId) return [];
    return this.lines(
      await this.assignments.find({
        where: { departmentId: v.departmentId, ...(status ? { status } : {}) },
        order: { dueOn: 'ASC' },
      }),
    );
  }

  /** Assignments still awaiting an answer after their last day, for staff to chase. */
  async overdue(termId: string): Promise<AssignmentLine[]> {
    await this.terms.get(termId);
    return this.lines(
      await this.assignments
        .createQueryBuilder('a')
        .innerJoin(Proposal, 'p', 'p.id = a.proposal_id')
        .where('p.term_id = :termId', { termId })
        .andWhere('a.status IN (:...awaiting)', { awaiting: AWAITING_ANSWER })
        .andWhere('a.due_on < :today', { today: shanghaiDay(this.store.now()) })
        .orderBy('a.due_on', 'ASC')
        .getMany(),
    );
  }

  private async lines(assignments: ProposalAssignment[]): Promise<AssignmentLine[]> {
    if (assignments.length === 0) return [];
    const proposals = await this.proposals.findBy({
      id: In([...new Set(assignments.map((a) => a.proposalId))]),
    });
    const bundles = new Map((await this.views.load(proposals)).map((b) => [b.proposal.id, b]));
    return assignments.map((a) => ({ bundle: bundles.get(a.proposalId)!, assignmentId: a.id }));
  }

  async history(id: string): Promise<(ProposalEvent & { actor: string | null })[]> {
    const p = await this.store.get(id);
    if (!isTabled(p)) throw new ProposalsException(ProposalErrorCode.NotFound);
    const events = await this.events.find({ where: { proposalId: id }, order: { id: 'ASC' } });
    const actorIds = [...new Set(events.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])))];
    const users = await this.accounts.byIds(actorIds);
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    return events.map((e) => ({
      ...e,
      actor: e.actorUserId ? (names.get(e.actorUserId) ?? null) : null,
    }));
  }
}
