import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Clock } from '../apps/api/src/common/clock.js';
import {
  bearer,
  createRoster,
  departmentUser,
  type RosterFixture,
  userWithRole,
} from './utils/actors.js';
import { createTestApp, type TestApp } from './utils/test-app.js';

/** 2026-12-02 10:00 in Shanghai. */
const NOW = new Date('2026-12-02T02:00:00Z');

/** The congress between sessions: joint meetings (联席会议) and inspection tours (巡视检查). */
describe('between sessions', () => {
  let t: TestApp;
  let staff: string;
  let secretary: string;
  let roster: RosterFixture;
  let canteen: { departmentId: string; token: string };
  let safety: { departmentId: string; token: string };
  const http = () => t.http();

  beforeAll(async () => {
    t = await createTestApp();
    staff = await userWithRole(t, 'staff');
    secretary = await userWithRole(t, 'secretary');
    roster = await createRoster(t, staff, 6);
    // 代表1 heads the first group, 代表2 the second (delegates alternate between the groups).
    for (const [i, groupId] of roster.groupIds.entries())
      await http()
        .patch(`/api/groups/${groupId}`)
        .set(bearer(staff))
        .send({ headDelegateId: roster.delegates[i]!.id })
        .expect(200);
    canteen = await departmentUser(t, staff, '后勤服务中心', 'canteen.clerk');
    safety = await departmentUser(t, staff, '安全环保部', 'safety.clerk');
    t.app.get(Clock).fix(NOW);
  });
  afterAll(() => t.close());

  describe('联席会议', () => {
    let meetingId: string;

    it('is called with the term’s group heads, and takes committee heads', async () => {
      const res = await http()
        .post(`/api/terms/${roster.termId}/joint-meetings`)
        .set(bearer(staff))
        .send({ heldOn: '2026-09-15', place: '工会三楼会议室', topic: '职工食堂改造' })
        .expect(201);
      meetingId = res.body.id;
      expect(res.body.participants).toEqual([
        expect.objectContaining({ name: '代表1', body: '第一代表团', role: 'group_head' }),
        expect.objectContaining({ name: '代表2', body: '第二代表团', role: 'group_head' }),
      ]);
      const added = await http()
        .post(`/api/joint-meetings/${meetingId}/participants`)
        .set(bearer(staff))
        .send({ delegateId: roster.delegates[4]!.id, committee: '提案审查委员会' })
        .expect(201);
      expect(added.body).toMatchObject({ role: 'committee_head', roleLabel: '专门委员会负责人' });
      const twice = await http()
        .post(`/api/joint-meetings/${meetingId}/participants`)
        .set(bearer(staff))
        .send({ delegateId: roster.delegates[4]!.id, committee: '提案审查委员会' })
        .expect(409);
      expect(twice.body.code).toBe('INTERIM_ALREADY_PARTICIPANT');
      const present = await http()
        .patch(`/api/joint-meeting-participants/${added.body.id}`)
        .set(bearer(staff))
        .send({ present: true })
        .expect(200);
      expect(present.body.present).toBe(true);
    });

    it.each(['elect', 'evaluate', 'approve'])(
      'refuses an item of the reserved kind %s, and stores nothing',
      async (kind) => {
        const res = await http()
          .post(`/api/joint-meetings/${meetingId}/items`)
          .set(bearer(staff))
          .send({ kind, title: '补选职工董事' })
          .expect(409);
        expect(res.body).toMatchObject({
          code: 'INTERIM_RESERVED_FOR_CONGRESS',
          details: { kind },
        });
        const detail = await http()
          .get(`/api/joint-meetings/${meetingId}`)
          .set(bearer(staff))
          .expect(200);
        expect(detail.body.items).toEqual([]);
      },
    );

    it('takes a report as it is and a decision to be confirmed by the next session', async () => {
      const report = await http()
        .post(`/api/joint-meetings/${meetingId}/items`)
        .set(bearer(staff))
        .send({ kind: 'report', title: '食堂改造进展', outcome: '听取了后勤服务中心的通报' })
        .expect(201);
      expect(report.body).toMatchObject({ kindLabel: '报告', needsConfirmation: false });
      const decision = await http()
        .post(`/api/joint-meetings/${meetingId}/items`)
        .set(bearer(staff))
        .send({ kind: 'decide', title: '食堂开放时间调整', outcome: '同意延长至 20:00' })
        .expect(201);
      expect(decision.body).toMatchObject({ needsConfirmation: true, confirmedSessionId: null });
      const pending = await http()
        .get(`/api/terms/${roster.termId}/joint-meetings/pending-decisions`)
        .set(bearer(secretary))
        .expect(200);
      expect(pending.body).toEqual([
        expect.objectContaining({
          id: decision.body.id,
          meetingTopic: '职工食堂改造',
          meetingHeldOn: '2026-09-15',
        }),
      ]);
    });

    it('records a session’s confirmation once, of a session of the same term only', async () => {
      const [decision] = (
        await http()
          .get(`/api/terms/${roster.termId}/joint-meetings/pending-decisions`)
          .set(bearer(staff))
          .expect(200)
      ).body as { id: string }[];
      const report = (
        await http().get(`/api/joint-meetings/${meetingId}`).set(bearer(staff)).expect(200)
      ).body.items.find((i: { kind: string }) => i.kind === 'report');
      const session = await http()
        .post(`/api/terms/${roster.termId}/sessions`)
        .set(bearer(staff))
        .send({ name: '第二次会议', startsAt: '2027-03-01 09:00', place: '礼堂' })
        .expect(201);
      const notADecision = await http()
        .post(`/api/joint-meeting-items/${report.id}/confirm`)
        .set(bearer(staff))
        .send({ sessionId: session.body.id })
        .expect(409);
      expect(notADecision.body.code).toBe('INTERIM_NOT_FOR_CONFIRMATION');
      const ok = await http()
        .post(`/api/joint-meeting-items/${decision!.id}/confirm`)
        .set(bearer(staff))
        .send({ sessionId: session.body.id })
        .expect(200);
      expect(ok.body).toMatchObject({
        confirmedSessionId: session.body.id,
        confirmedAt: NOW.toISOString(),
      });
      const again = await http()
        .post(`/api/joint-meeting-items/${decision!.id}/confirm`)
        .set(bearer(staff))
        .send({ sessionId: session.body.id })
        .expect(409);
      expect(again.body.code).toBe('INTERIM_ALREADY_CONFIRMED');
      const pending = await http()
        .get(`/api/terms/${roster.termId}/joint-meetings/pending-decisions`)
        .set(bearer(staff))
        .expect(200);
      expect(pending.body).toEqual([]);
    });

    it('keeps the record (纪要), readable by the secretary and not by a delegate', async () => {
      await http()
        .put(`/api/joint-meetings/${meetingId}/record`)
        .set(bearer(staff))
        .send({ record: '  会议由工会主席主持，听取食堂改造进展。  ' })
        .expect(200);
      const read = await http()
        .get(`/api/joint-meetings/${meetingId}`)
        .set(bearer(secretary))
        .expect(200);
      expect(read.body.record).toBe('会议由工会主席主持，听取食堂改造进展。');
      await http()
        .put(`/api/joint-meetings/${meetingId}/record`)
        .set(bearer(secretary))
        .send({ record: '改写' })
        .expect(403);
    });

    it('refuses bad input with the fields named, and a seat of no term’s serving roster', async () => {
      const bad = await http()
        .post(`/api/terms/${roster.termId}/joint-meetings`)
        .set(bearer(staff))
        .send({ heldOn: '2026-02-30', place: '', topic: 'x' })
        .expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'heldOn',
        'place',
      ]);
      const kind = await http()
        .post(`/api/joint-meetings/${meetingId}/items`)
        .set(bearer(staff))
        .send({ kind: 'veto', title: '' })
        .expect(400);
      expect(kind.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'kind',
        'title',
      ]);
      const stranger = await http()
        .post(`/api/joint-meetings/${meetingId}/participants`)
        .set(bearer(staff))
        .send({ delegateId: '00000000-0000-4000-8000-000000000000', committee: '生活福利委员会' })
        .expect(409);
      expect(stranger.body.code).toBe('INTERIM_NOT_SERVING_SEAT');
    });
  });

  describe('职工代表巡视检查', () => {
    let tourId: string;
    let findingId: string;

    it('plans a tour with delegates of the term and records findings for departments', async () => {
      const tour = await http()
        .post(`/api/terms/${roster.termId}/inspection-tours`)
        .set(bearer(staff))
        .send({
          topic: '冬季职工食堂与休息室',
          places: '职工食堂、二车间休息室',
          heldOn: '2026-11-20',
          delegateIds: [roster.delegates[0]!.id, roster.delegates[3]!.id],
        })
        .expect(201);
      tourId = tour.body.id;
      expect(tour.body.members.map((m: { name: string }) => m.name)).toEqual(['代表1', '代表4']);
      const finding = await http()
        .post(`/api/inspection-tours/${tourId}/findings`)
        .set(bearer(staff))
        .send({
          text: '二车间休息室暖气不热',
          departmentId: canteen.departmentId,
          deadline: '2026-12-10',
        })
        .expect(201);
      findingId = finding.body.id;
      expect(finding.body).toMatchObject({
        departmentName: '后勤服务中心',
        status: 'open',
        statusLabel: '待办理',
        overdue: false,
      });
      // Its deadline is yesterday in Beijing: overdue on the fixed clock.
      const late = await http()
        .post(`/api/inspection-tours/${tourId}/findings`)
        .set(bearer(staff))
        .send({
          text: '食堂地面湿滑无警示',
          departmentId: safety.departmentId,
          deadline: '2026-12-01',
        })
        .expect(201);
      expect(late.body.overdue).toBe(true);
    });

    it('refuses a member who holds no serving seat of the term', async () => {
      const res = await http()
        .post(`/api/terms/${roster.termId}/inspection-tours`)
        .set(bearer(staff))
        .send({
          topic: '安全生产',
          places: '一车间',
          heldOn: '2026-11-21',
          delegateIds: ['00000000-0000-4000-8000-000000000000'],
        })
        .expect(409);
      expect(res.body.code).toBe('INTERIM_NOT_SERVING_SEAT');
    });

    it('shows a department with no findings an empty list', async () => {
      const none = await departmentUser(t, staff, '财务部', 'finance.clerk');
      const res = await http()
        .get('/api/inspection-findings/mine')
        .set(bearer(none.token))
        .expect(200);
      expect(res.body).toEqual([]);
    });

    it('shows a department only its own findings, and lets it answer only those', async () => {
      const mine = await http()
        .get('/api/inspection-findings/mine')
        .set(bearer(canteen.token))
        .expect(200);
      expect(mine.body).toEqual([
        expect.objectContaining({ id: findingId, tourTopic: '冬季职工食堂与休息室' }),
      ]);
      const other = await http()
        .post(`/api/inspection-findings/${findingId}/progress`)
        .set(bearer(safety.token))
        .send({ status: 'done', answer: '不是我们的' })
        .expect(404);
      expect(other.body.code).toBe('INTERIM_FINDING_NOT_FOUND');
    });

    it('follows a finding open → in hand → done, and refuses going back', async () => {
      const inHand = await http()
        .post(`/api/inspection-findings/${findingId}/progress`)
        .set(bearer(canteen.token))
        .send({ status: 'in_hand', answer: '已联系维修班组' })
        .expect(200);
      expect(inHand.body).toMatchObject({ status: 'in_hand', statusLabel: '办理中' });
      const done = await http()
        .post(`/api/inspection-findings/${findingId}/progress`)
        .set(bearer(canteen.token))
        .send({ status: 'done', answer: '已更换暖气阀门，室温恢复 20℃' })
        .expect(200);
      expect(done.body).toMatchObject({
        status: 'done',
        answer: '已更换暖气阀门，室温恢复 20℃',
        answeredAt: NOW.toISOString(),
      });
      const back = await http()
        .post(`/api/inspection-findings/${findingId}/progress`)
        .set(bearer(canteen.token))
        .send({ status: 'in_hand', answer: '重新处理' })
        .expect(409);
      expect(back.body.code).toBe('INTERIM_INVALID_TRANSITION');
      const bad = await http()
        .post(`/api/inspection-findings/${findingId}/progress`)
        .set(bearer(canteen.token))
        .send({ status: 'open', answer: '' })
        .expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'answer',
        'status',
      ]);
    });

    it('lets the secretary read the term’s tours with their findings', async () => {
      const res = await http()
        .get(`/api/terms/${roster.termId}/inspection-tours`)
        .set(bearer(secretary))
        .expect(200);
      expect(res.body).toHaveLength(1);
      expect(res.body[0].findings.map((f: { statusLabel: string }) => f.statusLabel)).toEqual([
        '已办结',
        '待办理',
      ]);
    });
  });
});
