import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AgendaItemsService } from '../agenda/agenda-items.service.js';
import type { AgendaItem as AgendaItemRow } from '../agenda/agenda-item.entity.js';
import { CirculationService } from '../agenda/circulation.service.js';
import { LateItemsService } from '../agenda/late-items.service.js';
import { AttendanceService } from '../attendance/attendance.service.js';
import { PollsService } from '../ballots/polls.service.js';
import { fingerprintOf, type ElectionKey } from '../common/ballot.js';
import type { PollResult } from '../common/contracts.js';
import {
  MINUTES_FORMAT,
  MINUTES_VERSION,
  tallyFromResult,
  voteMethod,
  type AgendaItem,
  type MinutesDocument,
  type ProposalsReport,
  type Tally,
} from '../common/minutes.js';
import { shanghaiDay } from '../common/time.js';
import type { CongressSession } from '../congress/congress-session.entity.js';
import { SessionStatus } from '../congress/session-status.js';
import { TermsService } from '../congress/terms.service.js';
import { ReportingService } from '../proposals/reporting.service.js';
import { GroupsService } from '../roster/groups.service.js';
import { RosterKind } from '../roster/roster.enums.js';
import { SeatsService } from '../roster/seats.service.js';
import { SessionIncidentsService } from '../roster/session-incidents.service.js';
import type { DraftEdits } from './draft-edits.js';
import { incidentsOf } from './incident-entries.js';
import { MinutesErrorCode, MinutesException } from './minutes.exception.js';
import { SessionChair } from './session-chair.entity.js';

/** Who the minutes are for and what the secretary wrote; the rest comes from the record. */
export interface AssembleInput {
  id: string;
  session: CongressSession;
  recorderName: string;
  edits: DraftEdits;
  finalisedAt: Date;
  corrects: { seq: number; reason: string } | null;
}

const rate = (label: string, r: { count: number; of: number; percent: number | null }) =>
  r.percent === null ? null : `${label} ${r.percent.toFixed(1)}%（${r.count}/${r.of}）`;

/**
 * The minutes document assembled from the record the other modules keep (attendance and the
 * quorum, the circulated versions with their receipts and late flags, each item's polls with
 * the rule and outcome, the proposals report, chairs and tellers, the session's incidents such
 * as a log-in code re-issued mid-session) plus the secretary's text.
 * It reads other modules only through their public services.
 */
@Injectable()
export class RecordAssembler {
  constructor(
    @InjectRepository(SessionChair) private readonly chairs: Repository<SessionChair>,
    private readonly terms: TermsService,
    private readonly attendance: AttendanceService,
    private readonly groups: GroupsService,
    private readonly seats: SeatsService,
    private readonly items: AgendaItemsService,
    private readonly lateItems: LateItemsService,
    private readonly circulation: CirculationService,
    private readonly polls: PollsService,
    private readonly reporting: ReportingService,
    private readonly incidents: SessionIncidentsService,
  ) {}

  async assemble(input: AssembleInput): Promise<MinutesDocument> {
    const { session, edits } = input;
    const term = await this.terms.get(session.termId);
    const year = shanghaiDay(session.startsAt).slice(0, 4);
    const closed = [SessionStatus.Closed, SessionStatus.Archived].includes(session.status);
    return {
      format: MINUTES_FORMAT,
      version: MINUTES_VERSION,
      id: input.id,
      reference: edits.reference || `${term.name}〔${year}〕会议记录`,
      issuer: term.name,
      title: `${term.name}${session.name}记录`,
      term: { id: term.id, name: term.name },
      session: {
        id: session.id,
        name: session.name,
        startsAt: session.startsAt.toISOString(),
        endsAt: closed ? session.statusChangedAt.toISOString() : null,
        place: session.place,
      },
      attendance: await this.attendanceOf(session),
      chairs: (await this.chairsOf(session.id)).map((c) => ({ name: c.name, title: c.title })),
      recorder: { name: input.recorderName, title: '记录人' },
      tellers: (await this.seats.servingSeats(session.termId))
        .filter((d) => d.teller && d.kind === RosterKind.Delegate)
        .map((d) => ({ name: d.name, title: '监票人', chief: false })),
      agenda: await this.agendaOf(session, edits),
      resolutions: edits.resolutions,
      circulation: await this.circulationOf(session),
      agendaChanges: edits.agendaChanges,
      proposals: await this.proposalsOf(session.id),
      incidents: incidentsOf(await this.incidents.forSession(session.id), edits.incidents),
      narrative: edits.narrative,
      finalisedAt: input.finalisedAt.toISOString(),
      corrects: input.corrects,
    };
  }

  /** The session's presiding chairs with their seat (name, user), in order. */
  async chairsOf(sessionId: string) {
    const rows = await this.chairs.find({ where: { sessionId }, order: { position: 'ASC' } });
    const seats = new Map(
      (await this.seats.byIds(rows.map((r) => r.delegateId))).map((d) => [d.id, d]),
    );
    return rows.map((r) => ({
      delegateId: r.delegateId,
      name: seats.get(r.delegateId)!.name,
      userId: seats.get(r.delegateId)!.userId,
      title: r.title,
    }));
  }

  private async attendanceOf(session: CongressSession): Promise<MinutesDocument['attendance']> {
    const summary = await this.attendance.summary(session.id);
    const absent = (await this.attendance.rows(session)).filter(
      (r) => r.kind === RosterKind.Delegate && r.status === 'absent',
    );
    const groupIds = [...new Set(absent.map((r) => r.groupId).filter((g): g is string => !!g))];
    const groupNames = new Map((await this.groups.byIds(groupIds)).map((g) => [g.id, g.name]));
    const q = summary.quorum;
    return {
      total: summary.total,
      present: summary.present,
      absent: absent.map((r) => ({
        name: r.name,
        ...(r.groupId && groupNames.has(r.groupId) ? { group: groupNames.get(r.groupId)! } : {}),
        reason: r.reason ?? '未说明',
      })),
      notCheckedIn: summary.total - summary.present - absent.length,
      attendeesPresent: summary.attendeesPresent,
      quorum: {
        // libs/tally's wording already carries the numbers (需 ≥ n 人，共 m 名代表).
        rule: q.rule.text.zh,
        required: q.required,
        met: q.reached,
      },
    };
  }

  /** The secretary's text may name only items on this session's agenda (400 otherwise). */
  async checkItems(sessionId: string, edits: DraftEdits): Promise<AgendaItemRow[]> {
    const items = (await this.items.list(sessionId)).map((x) => x.item);
    const known = new Set(items.map((i) => i.id));
    const unknown = [...edits.items.map((e) => e.itemId), ...edits.resolutions.map((r) => r.itemId)]
      .filter((id): id is string => !!id)
      .find((id) => !known.has(id));
    if (unknown) throw new MinutesException(MinutesErrorCode.UnknownItem, { itemId: unknown });
    return items;
  }

  private async agendaOf(session: CongressSession, edits: DraftEdits): Promise<AgendaItem[]> {
    const items = await this.checkItems(session.id, edits);
    const talliesByItem = await this.talliesOf(session.id);
    const out: AgendaItem[] = [];
    for (const [index, item] of items.entries()) {
      const text = edits.items.find((e) => e.itemId === item.id);
      out.push({
        id: item.id,
        position: index + 1,
        kind: item.kind,
        title: item.title,
        presenter: item.presenter,
        circulatedAt: item.circulatedAt?.toISOString() ?? null,
        late: await this.lateOf(item),
        discussion: text?.discussion ?? '',
        groupOpinions: text?.groupOpinions ?? [],
        tallies: talliesByItem.get(item.id) ?? [],
      });
    }
    return out;
  }

  /** An item put to the vote later than the N-day rule: by how much, why, who allowed it. */
  private async lateOf(item: AgendaItemRow): Promise<AgendaItem['late']> {
    const v = await this.lateItems.votability(item);
    if (v.daysBefore === null || v.daysBefore >= v.requiredDays) return null;
    const approver = v.approval ? await this.seats.seat(v.approval.presidiumDelegateId) : null;
    return {
      daysBefore: v.daysBefore,
      requiredDays: v.requiredDays,
      reason: v.approval?.reason ?? '未经主席团批准',
      approvedBy: approver?.name ?? null,
    };
  }

  /** Every decided poll of the session as a tally, by item; an undecided poll stops the draft. */
  async talliesOf(sessionId: string): Promise<Map<string, Tally[]>> {
    const byItem = new Map<string, Tally[]>();
    for (const poll of await this.polls.list(sessionId)) {
      const result = poll.result as PollResult | null;
      if (!result || !poll.closedAt)
        throw new MinutesException(MinutesErrorCode.PollOpen, { pollId: poll.id });
      // A void poll (more ballots returned than issued) has no decision: it is re-run as a new
      // poll on the same item, whose result the minutes carry. Not yet listed as an incident.
      if (!result.decision) continue;
      const key = poll.electionKey as ElectionKey | null;
      // 发出: the delegates serving and checked in when the poll opened.
      const issued = (poll.quorumAtOpen as { present: number }).present;
      const tally = tallyFromResult(
        {
          pollId: poll.id,
          title: poll.title,
          method: voteMethod(poll.secret, poll.keyMode, key ? fingerprintOf(key) : null),
          openedAt: poll.openedAt.toISOString(),
          closedAt: poll.closedAt.toISOString(),
          issued,
        },
        result.decision,
      );
      byItem.set(poll.itemId, [...(byItem.get(poll.itemId) ?? []), tally]);
    }
    return byItem;
  }

  private async circulationOf(session: CongressSession): Promise<MinutesDocument['circulation']> {
    const counts = await this.circulation.receiptCounts(session.id);
    return (await this.circulation.versions(session.id)).map((v) => ({
      number: v.number,
      circulatedAt: v.circulatedAt.toISOString(),
      daysBefore: v.daysBefore,
      requiredDays: v.requiredDays,
      late: v.daysBefore < v.requiredDays,
      lateReason: v.lateReason,
      hash: v.hash,
      receipts: counts.get(v.id)?.receipts ?? 0,
      recipients: counts.get(v.id)?.recipients ?? 0,
    }));
  }

  private async proposalsOf(sessionId: string): Promise<ProposalsReport | null> {
    const r = await this.reporting.report(sessionId);
    if (r.received.total === 0) return null;
    return {
      title: r.title,
      received: r.received,
      decisions: {
        accepted: r.decisions.accepted,
        merged: r.decisions.merged,
        converted: r.decisions.converted,
        rejected: r.decisions.rejected,
        pending: r.decisions.pending,
      },
      onTimeRate: rate('按期答复率', r.handling.onTimeRate),
      satisfactionRate: rate('满意率', r.handling.satisfactionRate),
      items: r.items.map((i) => ({
        number: i.number,
        subject: i.subject,
        proposer: i.proposerName,
        decision: i.decisionLabel,
        departments: i.departments.map((d) => d.name),
        rating: i.departments.map((d) => d.rating).find((x) => x !== null) ?? null,
      })),
    };
  }
}
