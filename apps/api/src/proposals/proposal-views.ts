import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, Repository } from 'typeorm';
import { AccountsService } from '../auth/accounts.service.js';
import { SessionsService } from '../congress/sessions.service.js';
import { DepartmentsService } from '../departments/departments.service.js';
import { GroupsService } from '../roster/groups.service.js';
import { SeatsService } from '../roster/seats.service.js';
import { Proposal } from './proposal.entity.js';
import { ProposalAnswer } from './proposal-answer.entity.js';
import { ProposalAssignment } from './proposal-assignment.entity.js';
import { ProposalAttachment } from './proposal-attachment.entity.js';
import { ProposalCosignature } from './proposal-cosignature.entity.js';
import { ProposalFile } from './proposal-file.entity.js';

export type AttachmentMeta = Omit<ProposalAttachment, 'data'>;

export interface AssignmentView {
  assignment: ProposalAssignment;
  departmentName: string;
  answers: { answer: ProposalAnswer; attachments: AttachmentMeta[] }[];
  /** Uploaded, not yet sent with an answer: the department's own business. */
  pending: AttachmentMeta[];
}

export interface PersonView {
  delegateId: string;
  userId: string | null;
  name: string;
  groupName: string | null;
}

/** A proposal with everything its views show, loaded in a fixed number of queries. */
export interface ProposalBundle {
  proposal: Proposal;
  sessionName: string | null;
  proposer: PersonView;
  cosigners: (PersonView & { signedAt: Date; withdrawnAt: Date | null })[];
  assignments: AssignmentView[];
  mergedInto: Pick<Proposal, 'id' | 'number' | 'subject'> | null;
  mergedFrom: (Pick<Proposal, 'id' | 'number' | 'subject'> & { proposerName: string })[];
  decidedByName: string | null;
  /** The proposer's own files (材料), without their bytes. */
  files: Omit<ProposalFile, 'data'>[];
}

const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));

const unique = (ids: (string | null | undefined)[]) => [
  ...new Set(ids.filter((x): x is string => !!x)),
];

/** Names come from their owners: seats and groups (roster), departments, sessions, accounts. */
@Injectable()
export class ProposalViews {
  constructor(
    @InjectRepository(Proposal) private readonly proposals: Repository<Proposal>,
    private readonly seats: SeatsService,
    private readonly groups: GroupsService,
    private readonly departments: DepartmentsService,
    private readonly sessions: SessionsService,
    private readonly accounts: AccountsService,
  ) {}

  async one(p: Proposal): Promise<ProposalBundle> {
    return (await this.load([p]))[0]!;
  }

  async load(
    proposals: Proposal[],
    m: EntityManager = this.proposals.manager,
  ): Promise<ProposalBundle[]> {
    if (proposals.length === 0) return [];
    const ids = proposals.map((p) => p.id);
    const [signatures, assignments, mergedFrom, files] = await Promise.all([
      m.find(ProposalCosignature, { where: { proposalId: In(ids) }, order: { signedAt: 'ASC' } }),
      m.find(ProposalAssignment, {
        where: { proposalId: In(ids) },
        order: { assignedAt: 'ASC' },
      }),
      m.findBy(Proposal, { mergedIntoId: In(ids) }),
      m.find(ProposalFile, { where: { proposalId: In(ids) }, order: { createdAt: 'ASC' } }),
    ]);
    const assignmentIds = assignments.map((a) => a.id);
    const mergedIntoIds = unique(proposals.map((p) => p.mergedIntoId));
    const [answers, attachments, departments, sessions, mergedInto, users] = await Promise.all([
      assignmentIds.length
        ? m.find(ProposalAnswer, {
            where: { assignmentId: In(assignmentIds) },
            order: { round: 'ASC' },
          })
        : [],
      assignmentIds.length
        ? m.find(ProposalAttachment, {
            where: { assignmentId: In(assignmentIds) },
            order: { createdAt: 'ASC' },
          })
        : [],
      this.departments.byIds(unique(assignments.map((a) => a.departmentId)), m),
      this.sessions.byIds(unique(proposals.map((p) => p.sessionId)), m),
      mergedIntoIds.length ? m.findBy(Proposal, { id: In(mergedIntoIds) }) : [],
      this.accounts.byIds(unique(proposals.map((p) => p.decidedBy)), m),
    ]);
    const delegates = byId(
      await this.seats.byIds(
        unique([
          ...proposals.map((p) => p.proposerDelegateId),
          ...mergedFrom.map((p) => p.proposerDelegateId),
          ...signatures.map((s) => s.delegateId),
        ]),
        m,
      ),
    );
    const groups = byId(
      await this.groups.byIds(
        unique([
          ...proposals.map((p) => p.groupId),
          ...[...delegates.values()].map((d) => d.groupId),
        ]),
        m,
      ),
    );
    const departmentsById = byId(departments);
    const sessionsById = byId(sessions);
    const mergedIntoById = byId(mergedInto);
    const usersById = byId(users);
    const person = (delegateId: string, groupId?: string | null): PersonView => {
      const d = delegates.get(delegateId)!;
      const group = groups.get((groupId === undefined ? d.groupId : groupId) ?? '');
      return { delegateId, userId: d.userId, name: d.name, groupName: group?.name ?? null };
    };

    return proposals.map((p) => ({
      proposal: p,
      sessionName: p.sessionId ? (sessionsById.get(p.sessionId)?.name ?? null) : null,
      proposer: person(p.proposerDelegateId, p.groupId),
      cosigners: signatures
        .filter((s) => s.proposalId === p.id)
        .map((s) => ({
          ...person(s.delegateId),
          signedAt: s.signedAt,
          withdrawnAt: s.withdrawnAt,
        })),
      assignments: assignments
        .filter((a) => a.proposalId === p.id)
        .map((a) => ({
          assignment: a,
          departmentName: departmentsById.get(a.departmentId)?.name ?? '',
          answers: answers
            .filter((x) => x.assignmentId === a.id)
            .map((answer) => ({
              answer,
              attachments: attachments.filter((f) => f.answerId === answer.id),
            })),
          pending: attachments.filter((f) => f.assignmentId === a.id && !f.answerId),
        }))
        // Departments named in one go share a time: a fixed order keeps lists stable.
        .sort(
          (x, y) =>
            x.assignment.assignedAt.getTime() - y.assignment.assignedAt.getTime() ||
            (x.departmentName < y.departmentName
              ? -1
              : x.departmentName > y.departmentName
                ? 1
                : 0),
        ),
      mergedInto: p.mergedIntoId ? (mergedIntoById.get(p.mergedIntoId) ?? null) : null,
      mergedFrom: mergedFrom
        .filter((x) => x.mergedIntoId === p.id)
        .map((x) => ({
          id: x.id,
          number: x.number,
          subject: x.subject,
          proposerName: delegates.get(x.proposerDelegateId)?.name ?? '',
        })),
      decidedByName: p.decidedBy ? (usersById.get(p.decidedBy)?.displayName ?? null) : null,
      files: files.filter((f) => f.proposalId === p.id),
    }));
  }
}
