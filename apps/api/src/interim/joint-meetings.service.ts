import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { Clock } from '../common/clock.js';
import { SessionsService, TermsService } from '../congress/index.js';
import { GroupsService, isServingVoter, SeatsService } from '../roster/index.js';
import type {
  AddCommitteeHeadDto,
  AddJointItemDto,
  CreateJointMeetingDto,
} from './dto/interim.dto.js';
import { InterimErrorCode, InterimException } from './interim.exception.js';
import { JointItem } from './joint-item.entity.js';
import { JointMeeting } from './joint-meeting.entity.js';
import { jointMeetingMay } from './joint-meeting-rule.js';
import { JointParticipant, JointRole } from './joint-participant.entity.js';

/**
 * 联席会议 between sessions: called with the term's group heads, committee heads added by staff,
 * attendance, the matters handled (reserved kinds refused), the record, and the decisions that
 * wait for the next session's confirmation.
 */
@Injectable()
export class JointMeetingsService {
  constructor(
    @InjectRepository(JointMeeting) private readonly meetings: Repository<JointMeeting>,
    @InjectRepository(JointParticipant)
    private readonly participants: Repository<JointParticipant>,
    @InjectRepository(JointItem) private readonly items: Repository<JointItem>,
    private readonly terms: TermsService,
    private readonly sessions: SessionsService,
    private readonly groups: GroupsService,
    private readonly seats: SeatsService,
    private readonly clock: Clock,
  ) {}

  async list(termId: string): Promise<JointMeeting[]> {
    await this.terms.get(termId);
    return this.meetings.find({ where: { termId }, order: { heldOn: 'DESC', createdAt: 'DESC' } });
  }

  async get(id: string): Promise<JointMeeting> {
    const m = await this.meetings.findOneBy({ id });
    if (!m) throw new InterimException(InterimErrorCode.MeetingNotFound);
    return m;
  }

  async detail(id: string) {
    const meeting = await this.get(id);
    const [participants, items] = await Promise.all([
      this.participants.find({ where: { meetingId: id }, order: { role: 'DESC', body: 'ASC' } }),
      this.items.find({ where: { meetingId: id }, order: { createdAt: 'ASC' } }),
    ]);
    return { meeting, participants, items };
  }

  /** Called with every group of the term whose head is a serving voting delegate. */
  async create(termId: string, dto: CreateJointMeetingDto, by: string): Promise<JointMeeting> {
    const groups = (await this.groups.list(termId)).map((g) => g.group);
    const heads = await this.seats.byIds(
      groups.flatMap((g) => (g.headDelegateId ? [g.headDelegateId] : [])),
    );
    const serving = new Map(heads.filter(isServingVoter).map((s) => [s.id, s]));
    return this.meetings.manager.transaction(async (m) => {
      const meeting = await m.save(
        m.create(JointMeeting, { termId, ...dto, record: null, createdBy: by }),
      );
      const called = groups.flatMap((g) => {
        const seat = g.headDelegateId ? serving.get(g.headDelegateId) : undefined;
        return seat
          ? [
              m.create(JointParticipant, {
                meetingId: meeting.id,
                delegateId: seat.id,
                role: JointRole.GroupHead,
                name: seat.name,
                body: g.name,
                present: null,
              }),
            ]
          : [];
      });
      await m.save(called);
      return meeting;
    });
  }

  async addCommitteeHead(meetingId: string, dto: AddCommitteeHeadDto): Promise<JointParticipant> {
    const meeting = await this.get(meetingId);
    const seat = await this.seats.servingSeatById(meeting.termId, dto.delegateId);
    if (!seat || !isServingVoter(seat)) throw new InterimException(InterimErrorCode.NotServingSeat);
    if (await this.participants.existsBy({ meetingId, delegateId: seat.id }))
      throw new InterimException(InterimErrorCode.AlreadyParticipant);
    return this.participants.save(
      this.participants.create({
        meetingId,
        delegateId: seat.id,
        role: JointRole.CommitteeHead,
        name: seat.name,
        body: dto.committee,
        present: null,
      }),
    );
  }

  async setPresence(participantId: string, present: boolean): Promise<JointParticipant> {
    const p = await this.participants.findOneBy({ id: participantId });
    if (!p) throw new InterimException(InterimErrorCode.ParticipantNotFound);
    p.present = present;
    return this.participants.save(p);
  }

  /** A reserved kind is refused here, before anything is stored (joint-meeting-rule.ts). */
  async addItem(meetingId: string, dto: AddJointItemDto): Promise<JointItem> {
    await this.get(meetingId);
    const verdict = jointMeetingMay(dto.kind);
    if (!verdict.allowed)
      throw new InterimException(InterimErrorCode.ReservedForCongress, { kind: dto.kind });
    return this.items.save(
      this.items.create({
        meetingId,
        kind: dto.kind,
        title: dto.title,
        outcome: dto.outcome ?? null,
        needsConfirmation: verdict.needsConfirmation,
        confirmedSessionId: null,
        confirmedAt: null,
      }),
    );
  }

  async setRecord(id: string, record: string): Promise<JointMeeting> {
    const meeting = await this.get(id);
    meeting.record = record || null;
    return this.meetings.save(meeting);
  }

  /** Decisions of the term's joint meetings that no session has confirmed yet, oldest first. */
  async pending(termId: string): Promise<{ item: JointItem; meeting: JointMeeting }[]> {
    const meetings = await this.list(termId);
    const byId = new Map(meetings.map((m) => [m.id, m]));
    if (byId.size === 0) return [];
    const items = await this.items.find({
      where: {
        meetingId: In([...byId.keys()]),
        needsConfirmation: true,
        confirmedSessionId: IsNull(),
      },
      order: { createdAt: 'ASC' },
    });
    return items.map((item) => ({ item, meeting: byId.get(item.meetingId)! }));
  }

  /**
   * The decisions (须提请下次职代会确认) of the term's joint meetings held in `year` (Shanghai
   * calendar), confirmed or not: the quality self-assessment's figures.
   */
  async decisionsOfYear(
    termId: string,
    year: number,
  ): Promise<{ title: string; heldOn: string; confirmed: boolean }[]> {
    const meetings = (await this.list(termId)).filter((m) => m.heldOn.startsWith(`${year}-`));
    if (meetings.length === 0) return [];
    const heldOn = new Map(meetings.map((m) => [m.id, m.heldOn]));
    const items = await this.items.find({
      where: { meetingId: In([...heldOn.keys()]), needsConfirmation: true },
      order: { createdAt: 'ASC' },
    });
    return items.map((i) => ({
      title: i.title,
      heldOn: heldOn.get(i.meetingId)!,
      confirmed: i.confirmedSessionId !== null,
    }));
  }

  /** Staff note that a session of the same term confirmed the decision. */
  async confirm(itemId: string, sessionId: string): Promise<JointItem> {
    const item = await this.items.findOneBy({ id: itemId });
    if (!item) throw new InterimException(InterimErrorCode.ItemNotFound);
    if (!item.needsConfirmation) throw new InterimException(InterimErrorCode.NotForConfirmation);
    if (item.confirmedSessionId) throw new InterimException(InterimErrorCode.AlreadyConfirmed);
    const [meeting, session] = await Promise.all([
      this.get(item.meetingId),
      this.sessions.get(sessionId),
    ]);
    if (session.termId !== meeting.termId)
      throw new InterimException(InterimErrorCode.SessionOfOtherTerm);
    item.confirmedSessionId = session.id;
    item.confirmedAt = this.clock.now();
    return this.items.save(item);
  }
}
