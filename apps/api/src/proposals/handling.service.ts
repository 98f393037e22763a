import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { shanghaiDay } from '../common/time.js';
import { DepartmentsService } from '../departments/departments.service.js';
import { IntakeService } from './intake.service.js';
import { addDays } from './proposal-days.js';
import { AssignmentStatus, AWAITING_ANSWER, Rating, RATING_LABELS } from './proposal.enums.js';
import type { Proposal } from './proposal.entity.js';
import { ProposalAnswer } from './proposal-answer.entity.js';
import { ProposalAssignment } from './proposal-assignment.entity.js';
import { ProposalAttachment } from './proposal-attachment.entity.js';
import { assertAction, isTabled, ProposalStatus } from './proposal-status.js';
import { notice, type Notifier, ProposalStore } from './proposal-store.js';
import { ProposalErrorCode, ProposalsException } from './proposals.exception.js';

/** Handling (承办): departments get the proposal, answer in writing, the proposer rates. */
@Injectable()
export class HandlingService {
  constructor(
    private readonly store: ProposalStore,
    private readonly intake: IntakeService,
    private readonly departments: DepartmentsService,
  ) {}

  async assign(auth: AuthContext, id: string, departmentIds: string[], dueOn?: string) {
    return this.store.transaction(async (m, notifier) => {
      const p = await this.store.lock(m, id);
      if (!isTabled(p)) throw new ProposalsException(ProposalErrorCode.NotFound);
      return this.assignLocked(m, notifier, p, departmentIds, dueOn, auth);
    });
  }

  /** Also used by review, when the committee names the departments with its decision. */
  async assignLocked(
    m: EntityManager,
    notifier: Notifier,
    p: Proposal,
    departmentIds: string[],
    dueOn: string | undefined,
    auth: AuthContext,
  ): Promise<Proposal> {
    assertAction(p.status, 'assign', ProposalErrorCode.NotAssignable);
    const departments = await this.departments.byIds(departmentIds, m);
    const unknown = departmentIds.filter((d) => !departments.some((x) => x.id === d));
    if (unknown.length)
      throw new ProposalsException(ProposalErrorCode.UnknownDepartment, [
        { field: 'departmentIds', errors: [`没有这些部门：${unknown.join('、')}`] },
      ]);
    const taken = await m.findBy(ProposalAssignment, {
      proposalId: p.id,
      departmentId: In(departmentIds),
    });
    if (taken.length)
      throw new ProposalsException(ProposalErrorCode.AlreadyAssigned, {
        departmentIds: taken.map((a) => a.departmentId),
      });
    const due = await this.dueOn(m, p, dueOn);
    const now = this.store.now();
    await m.insert(
      ProposalAssignment,
      departmentIds.map((departmentId) => ({
        proposalId: p.id,
        departmentId,
        dueOn: due,
        assignedBy: auth.userId,
        assignedAt: now,
        status: AssignmentStatus.Assigned,
        round: 1,
      })),
    );
    const extra = { data: { departmentIds, dueOn: due } };
    if (p.status === ProposalStatus.InHandling)
      await this.store.record(m, p.id, 'assigned', auth.userId, extra);
    else await this.store.move(m, p, ProposalStatus.InHandling, 'assigned', auth.userId, extra);
    const names = departments.map((d) => d.name).join('、');
    const told = await this.store.participants(m, p.id);
    await notifier.notify(
      told,
      'proposal.assigned',
      `提案“${p.subject}”已交${names}办理，答复期限 ${due}`,
      { ...notice(p), dueOn: due },
    );
    await this.store.tellFollowers(
      m,
      notifier,
      p,
      told,
      'proposal.assigned',
      `已交${names}办理，答复期限 ${due}`,
      { ...notice(p), dueOn: due },
    );
    await notifier.notify(
      await this.store.departmentUsers(m, departmentIds),
      'proposal.assignment',
      `新的承办事项：“${p.subject}”，请于 ${due} 前书面答复`,
      { ...notice(p), dueOn: due },
    );
    return p;
  }

  async answer(auth: AuthContext, assignmentId: string, body: string, attachmentIds: string[]) {
    return this.store.transaction(async (m, notifier) => {
      const { p, a } = await this.lockForDepartment(m, auth, assignmentId);
      if (!AWAITING_ANSWER.includes(a.status))
        throw new ProposalsException(ProposalErrorCode.AlreadyAnswered, { status: a.status });
      assertAction(p.status, 'handle');
      const files = attachmentIds.length
        ? await m.findBy(ProposalAttachment, { id: In(attachmentIds) })
        : [];
      const foreign = attachmentIds.filter(
        (id) => !files.some((f) => f.id === id && f.assignmentId === a.id && !f.answerId),
      );
      if (foreign.length)
        throw new ProposalsException(ProposalErrorCode.AttachmentInvalid, [
          {
            field: 'attachmentIds',
            errors: [`不是为本次答复上传的附件：${foreign.join('、')}`],
          },
        ]);
      const now = this.store.now();
      const answer = await m.save(
        ProposalAnswer,
        m.create(ProposalAnswer, {
          assignmentId: a.id,
          round: a.round,
          body,
          answeredBy: auth.userId,
          answeredAt: now,
          dueOn: a.dueOn,
          onTime: shanghaiDay(now) <= a.dueOn,
        }),
      );
      if (attachmentIds.length)
        await m.update(ProposalAttachment, { id: In(attachmentIds) }, { answerId: answer.id });
      a.status = AssignmentStatus.Answered;
      await m.save(ProposalAssignment, a);
      await this.sync(m, p, 'answered', auth.userId, { assignmentId: a.id, round: a.round });
      const department = await this.departments.get(a.departmentId, m);
      const told = await this.store.participants(m, p.id);
      await notifier.notify(
        told,
        'proposal.answered',
        `${department.name}已答复提案“${p.subject}”，请提案人评价`,
        { ...notice(p), assignmentId: a.id },
      );
      await this.store.tellFollowers(
        m,
        notifier,
        p,
        told,
        'proposal.answered',
        `已由${department.name}答复`,
        { ...notice(p), assignmentId: a.id },
      );
      return p;
    });
  }

  /** The proposer's final rating of one department's answer. */
  async rate(auth: AuthContext, assignmentId: string, rating: Rating, comment?: string) {
    return this.store.transaction(async (m, notifier) => {
      const { p, a } = await this.lockForProposer(m, auth, assignmentId);
      a.rating = rating;
      a.ratingComment = comment ?? null;
      a.ratedAt = this.store.now();
      a.status = AssignmentStatus.Rated;
      await m.save(ProposalAssignment, a);
      await this.sync(m, p, 'rated', auth.userId, { assignmentId: a.id, rating });
      await notifier.notify(
        await this.store.departmentUsers(m, [a.departmentId]),
        'proposal.rated',
        `提案“${p.subject}”的答复评价：${RATING_LABELS[rating]}`,
        { ...notice(p), assignmentId: a.id, rating },
      );
      return p;
    });
  }

  /** 不满意 and sent back once for re-handling, with a new deadline. */
  async sendBack(auth: AuthContext, assignmentId: string, reason: string) {
    return this.store.transaction(async (m, notifier) => {
      const { p, a } = await this.lockForProposer(m, auth, assignmentId);
      if (a.round > 1) throw new ProposalsException(ProposalErrorCode.AlreadySentBack);
      a.round = 2;
      a.sentBackAt = this.store.now();
      a.sentBackReason = reason;
      a.status = AssignmentStatus.SentBack;
      a.dueOn = await this.dueOn(m, p);
      await m.save(ProposalAssignment, a);
      await this.sync(
        m,
        p,
        'sent_back',
        auth.userId,
        { assignmentId: a.id, dueOn: a.dueOn },
        reason,
      );
      await notifier.notify(
        await this.store.departmentUsers(m, [a.departmentId]),
        'proposal.sent_back',
        `提案“${p.subject}”的答复被退回重办，请于 ${a.dueOn} 前重新答复：${reason}`,
        { ...notice(p), assignmentId: a.id, dueOn: a.dueOn },
      );
      return p;
    });
  }

  /** The proposal's status follows from its departments' progress. */
  private async sync(
    m: EntityManager,
    p: Proposal,
    event: string,
    actor: string,
    data: object,
    note: string | null = null,
  ): Promise<void> {
    const all = await m.findBy(ProposalAssignment, { proposalId: p.id });
    const to = all.every((x) => x.status === AssignmentStatus.Rated)
      ? ProposalStatus.Closed
      : all.some((x) => x.status === AssignmentStatus.SentBack)
        ? ProposalStatus.SentBack
        : all.some((x) => x.status === AssignmentStatus.Assigned)
          ? ProposalStatus.InHandling
          : ProposalStatus.Answered;
    if (to === p.status) await this.store.record(m, p.id, event, actor, { data, note });
    else await this.store.move(m, p, to, event, actor, { data, note });
  }

  private async dueOn(m: EntityManager, p: Proposal, given?: string): Promise<string> {
    const today = shanghaiDay(this.store.now());
    if (given === undefined)
      return addDays(today, (await this.intake.settingsOf(m, p)).proposalHandlingDays);
    if (given < today)
      throw new ProposalsException(ProposalErrorCode.BadDueDate, [
        { field: 'dueOn', errors: [`答复期限不能早于 ${today}`] },
      ]);
    return given;
  }

  /** Proposal first, then the assignment: every path locks in this order. */
  private async lockAssignment(m: EntityManager, assignmentId: string) {
    const found = await m.findOneBy(ProposalAssignment, { id: assignmentId });
    if (!found) throw new ProposalsException(ProposalErrorCode.AssignmentNotFound);
    const p = await this.store.lock(m, found.proposalId);
    const a = await m.findOneOrFail(ProposalAssignment, {
      where: { id: assignmentId },
      lock: { mode: 'pessimistic_write' },
    });
    return { p, a };
  }

  private async lockForDepartment(m: EntityManager, auth: AuthContext, assignmentId: string) {
    const locked = await this.lockAssignment(m, assignmentId);
    if (locked.a.departmentId !== (await this.store.departmentOf(auth)))
      throw new ProposalsException(ProposalErrorCode.NotYourDepartment);
    return locked;
  }

  private async lockForProposer(m: EntityManager, auth: AuthContext, assignmentId: string) {
    const locked = await this.lockAssignment(m, assignmentId);
    await this.store.requireProposer(m, locked.p, auth);
    if (locked.a.status === AssignmentStatus.Rated)
      throw new ProposalsException(ProposalErrorCode.AlreadyRated);
    if (locked.a.status !== AssignmentStatus.Answered)
      throw new ProposalsException(ProposalErrorCode.NotAnswered, { status: locked.a.status });
    assertAction(locked.p.status, 'handle');
    return locked;
  }
}
