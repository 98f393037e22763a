import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RemindersService } from '../apps/api/src/openness/reminders.service.js';
import { bearer, userWithRole } from './utils/actors.js';
import { createTestApp, type TestApp } from './utils/test-app.js';
import {
  createWorld,
  employeeUser,
  NOW,
  published,
  setClock,
  type World,
} from './openness/world.js';

interface Inbox {
  kind: string;
  title: string;
  data: { planEntryId?: string; kind?: string };
}

/**
 * 厂务公开 oversight on a fixed clock: reminders of plan lines falling due (once each, whoever
 * sends them), items leaving the board when their period ends, the supervision group reading
 * everything, checking a period and sending notices to the departments concerned.
 */
describe('厂务公开: reminders and the end of the period', () => {
  let t: TestApp;
  let w: World;
  const http = () => t.http();
  const inbox = async (token: string, kind: string) =>
    (
      (await http().get('/api/notifications').set(bearer(token)).expect(200)).body as Inbox[]
    ).filter((n) => n.kind === kind);
  const remind = (token: string) => http().post('/api/openness/plan/reminders').set(bearer(token));
  const line = async (unitId: string, month: number, title: string, departmentId: string) =>
    (
      await http()
        .post('/api/openness/plan')
        .set(bearer(w.staff))
        .send({ year: 2026, month, unitId, category: 'finance', title, departmentId })
        .expect(201)
    ).body.id as string;
  const at = async <T>(iso: string, fn: () => Promise<T>): Promise<T> => {
    setClock(t, new Date(iso));
    try {
      return await fn();
    } finally {
      setClock(t, NOW);
    }
  };

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  }, 240_000);
  afterAll(() => t.close());

  describe('reminders to the responsible department', () => {
    it('reminds of a line 7 days before its month ends and again when late, each once', async () => {
      const oct = await line(w.units.ws2, 10, '10月二车间夜班费', w.ws2dept.departmentId);
      const nov = await line(w.units.company, 11, '11月公司办公费', w.finance.departmentId);
      const dec = await line(w.units.company, 12, '12月公司车辆费', w.finance.departmentId);

      // 2026-11-20 in Shanghai: October is late; November's last day is more than 7 days away.
      const first = await remind(w.staff).expect(200);
      expect(first.body).toEqual([{ planEntryId: oct, kind: 'overdue', dueOn: '2026-10-31' }]);
      const ws2 = await inbox(w.ws2dept.token, 'openness.reminder');
      expect(ws2).toEqual([
        expect.objectContaining({
          title: '逾期提醒：计划公开事项「10月二车间夜班费」应于 2026-10-31 前公开，至今未公开',
          data: {
            planEntryId: oct,
            kind: 'overdue',
            dueOn: '2026-10-31',
            title: '10月二车间夜班费',
          },
        }),
      ]);
      expect(await inbox(w.finance.token, 'openness.reminder')).toEqual([]);
      // Pressed again: nothing new.
      expect((await remind(w.staff).expect(200)).body).toEqual([]);

      // 2026-11-23 00:00 in Shanghai: November's line is due within 7 days.
      const soon = await at('2026-11-22T16:00:00Z', () => remind(w.staff).expect(200));
      expect(soon.body).toEqual([{ planEntryId: nov, kind: 'due_soon', dueOn: '2026-11-30' }]);
      const fin = await inbox(w.finance.token, 'openness.reminder');
      expect(fin.map((n) => n.title)).toEqual([
        '公开提醒：计划公开事项「11月公司办公费」将于 2026-11-30 到期，请按时公开',
      ]);

      // Published on 11-25: no late reminder for it on 12-01, and December is not due yet.
      await at('2026-11-25T02:00:00Z', () =>
        published(w, w.finance, w.units.company, '11月公司办公费', {
          timing: 'periodic',
          planEntryId: nov,
          eventOn: undefined,
          withinDays: undefined,
        }),
      );
      const dec1 = await at('2026-11-30T16:00:00Z', () => remind(w.staff).expect(200));
      expect(dec1.body).toEqual([]);
      // 12-24 in Shanghai: December falls due; on 2027-01-02 it is late (last year's line).
      const dec24 = await at('2026-12-24T02:00:00Z', () => remind(w.staff).expect(200));
      expect(dec24.body).toEqual([{ planEntryId: dec, kind: 'due_soon', dueOn: '2026-12-31' }]);
      const jan = await at('2027-01-02T02:00:00Z', () => remind(w.staff).expect(200));
      expect(jan.body).toEqual([{ planEntryId: dec, kind: 'overdue', dueOn: '2026-12-31' }]);
    });

    it('sends a reminder once when the timer and the button (or two api processes) race', async () => {
      const sep = await line(w.units.ws1, 9, '9月一车间劳保用品', w.finance.departmentId);
      const service = t.app.get(RemindersService);
      const [a, b, c] = await Promise.all([
        remind(w.staff).expect(200),
        service.send(),
        service.send(),
      ]);
      const sent = [...a.body, ...b, ...c].filter((r) => r.planEntryId === sep);
      expect(sent).toEqual([{ planEntryId: sep, kind: 'overdue', dueOn: '2026-09-30' }]);
      const fin = await inbox(w.finance.token, 'openness.reminder');
      expect(fin.filter((n) => n.data.planEntryId === sep)).toHaveLength(1);
    });

    it('is for staff only', async () => {
      for (const token of [w.finance.token, w.e.office]) await remind(token).expect(403);
      await http().post('/api/openness/plan/reminders').expect(401);
    });
  });

  describe('take-down after the period', () => {
    it('moves an item from the board to 往期公开 the day after its period, still readable with its hash', async () => {
      // Published 11-20, on the board until 12-04 (the world's approval).
      const id = await published(w, w.finance, w.units.company, '11月公司业务招待费');
      const ids = (body: { id: string }[]) => body.map((i) => i.id);
      const onBoard = await http().get('/api/public/openness/items').expect(200);
      expect(ids(onBoard.body)).toContain(id);
      expect(
        ids((await http().get('/api/public/openness/archive').expect(200)).body),
      ).not.toContain(id);

      // 2026-12-04 23:59 in Shanghai: its last day, still current.
      await at('2026-12-04T15:59:00Z', async () => {
        const still = await http().get('/api/public/openness/items').expect(200);
        expect(ids(still.body)).toContain(id);
      });
      // 2026-12-05 00:00 in Shanghai: off the current list, in the archive, for the public and employees.
      await at('2026-12-04T16:00:00Z', async () => {
        const board = await http().get('/api/public/openness/items').expect(200);
        expect(ids(board.body)).not.toContain(id);
        const archive = await http().get('/api/public/openness/archive').expect(200);
        const past = archive.body.find((i: { id: string }) => i.id === id);
        expect(past).toMatchObject({ archived: true, publishUntil: '2026-12-04' });
        expect(past.contentSha256).toMatch(/^[0-9a-f]{64}$/);
        const detail = await http().get(`/api/public/openness/items/${id}`).expect(200);
        expect(detail.body).toMatchObject({ archived: true, contentSha256: past.contentSha256 });
        const mine = await http().get('/api/openness/board').set(bearer(w.e.team1)).expect(200);
        expect(ids(mine.body)).not.toContain(id);
        const myArchive = await http()
          .get('/api/openness/board/archive')
          .set(bearer(w.e.team1))
          .expect(200);
        expect(ids(myArchive.body)).toContain(id);
      });
    });

    it('keeps the archive to the reader’s units: a workshop item is not in the public archive', async () => {
      const id = await published(w, w.ws2dept, w.units.ws2, '二车间11月夜班费');
      await at('2026-12-10T02:00:00Z', async () => {
        const pub = await http().get('/api/public/openness/archive').expect(200);
        expect(pub.body.map((i: { id: string }) => i.id)).not.toContain(id);
        const ws1 = await http()
          .get('/api/openness/board/archive')
          .set(bearer(w.e.team1))
          .expect(200);
        expect(ws1.body.map((i: { id: string }) => i.id)).not.toContain(id);
        const ws2 = await http()
          .get('/api/openness/board/archive')
          .set(bearer(w.e.team2))
          .expect(200);
        expect(ws2.body.map((i: { id: string }) => i.id)).toContain(id);
      });
      await http().get('/api/openness/board/archive').set(bearer(w.staff)).expect(403);
      await http().get('/api/openness/board/archive').expect(401);
    });
  });
  describe('the supervision group (监督检查小组)', () => {
    let supervisor: string;
    let itemId: string;

    it('reads every item, its opinions (anonymous ones without a name) and the plan, and changes nothing', async () => {
      supervisor = await userWithRole(t, 'supervisor');
      const all = await http().get('/api/openness/items').set(bearer(supervisor)).expect(200);
      const titles = all.body.map((i: { title: string }) => i.title);
      // Both departments' items, as staff see them.
      expect(titles).toEqual(expect.arrayContaining(['11月公司业务招待费', '二车间11月夜班费']));
      itemId = all.body.find((i: { title: string }) => i.title === '11月公司业务招待费').id;
      await http()
        .post(`/api/openness/board/items/${itemId}/opinions`)
        .set(bearer(w.e.team1))
        .send({ kind: 'question', body: '招待费为何比上月多？', anonymous: true })
        .expect(201);
      const opinions = await http()
        .get(`/api/openness/items/${itemId}/opinions`)
        .set(bearer(supervisor))
        .expect(200);
      expect(opinions.body).toEqual([
        expect.objectContaining({ kind: 'question', anonymous: true, authorName: null }),
      ]);
      await http().get(`/api/openness/items/${itemId}/record`).set(bearer(supervisor)).expect(200);
      await http().get('/api/openness/plan?year=2026').set(bearer(supervisor)).expect(200);
      await http().get('/api/openness/records?year=2026').set(bearer(supervisor)).expect(200);
      // Changes are refused.
      await http()
        .post(`/api/openness/items/${itemId}/close-opinions`)
        .set(bearer(supervisor))
        .expect(403);
      await http()
        .post(`/api/openness/items/${itemId}/measures`)
        .set(bearer(supervisor))
        .send({
          description: '公开明细',
          ownerName: '李明',
          departmentId: w.finance.departmentId,
          dueOn: '2026-11-25',
        })
        .expect(403);
      await http().post('/api/openness/plan/reminders').set(bearer(supervisor)).expect(403);
    });

    it('checks a period: each planned line on time, each question answered, each measure done by its deadline', async () => {
      const missing = await line(w.units.ws2, 11, '11月二车间加班费', w.ws2dept.departmentId);
      await http()
        .post(`/api/openness/items/${itemId}/measures`)
        .set(bearer(w.staff))
        .send({
          description: '公开招待费明细',
          ownerName: '李明',
          departmentId: w.finance.departmentId,
          dueOn: '2026-11-25',
        })
        .expect(201);
      const period = { from: '2026-11-01', to: '2026-11-30' };
      // On 11-20 the period is not over: refused.
      const early = await http()
        .post('/api/openness/checks')
        .set(bearer(supervisor))
        .send(period)
        .expect(400);
      expect(early.body.code).toBe('OPENNESS_CHECK_PERIOD');
      const bad = await http()
        .post('/api/openness/checks')
        .set(bearer(supervisor))
        .send({ from: '2026-11-31', to: 'soon' })
        .expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'from',
        'to',
      ]);

      const check = await at('2026-12-05T02:00:00Z', () =>
        http().post('/api/openness/checks').set(bearer(supervisor)).send(period).expect(201),
      );
      // November's lines: the finance one published on 11-25 (on time), workshop 2's not at all.
      expect(check.body.summary).toEqual({
        planned: 2,
        onTime: 1,
        questions: 1,
        answered: 0,
        measures: 1,
        doneOnTime: 0,
      });
      expect(
        check.body.findings.map((f: { kind: string; departmentName: string; subject: string }) => [
          f.kind,
          f.departmentName,
          f.subject,
        ]),
      ).toEqual([
        ['plan_missing', '二车间办公室', '11月二车间加班费'],
        ['question_unanswered', '财务部', '11月公司业务招待费'],
        ['measure_late', '财务部', '11月公司业务招待费'],
      ]);
      expect(check.body.findings[0]).toMatchObject({
        planEntryId: missing,
        kindLabel: '到期未公开',
        detail: '计划于 2026-11-30 前公开，至今未公开',
      });
      // Kept: staff read it for the leading group.
      const listed = await http().get('/api/openness/checks').set(bearer(w.staff)).expect(200);
      expect(listed.body.map((c: { id: string }) => c.id)).toContain(check.body.id);
    });

    it('sends one notice per department concerned, once, listed for them and for staff', async () => {
      const [check] = (await http().get('/api/openness/checks').set(bearer(supervisor)).expect(200))
        .body as { id: string }[];
      const sent = await http()
        .post(`/api/openness/checks/${check!.id}/notices`)
        .set(bearer(supervisor))
        .expect(200);
      expect(
        sent.body.map((n: { departmentName: string; findings: unknown[] }) => [
          n.departmentName,
          n.findings.length,
        ]),
      ).toEqual(
        expect.arrayContaining([
          ['财务部', 2],
          ['二车间办公室', 1],
        ]),
      );
      const finance = sent.body.find(
        (n: { departmentName: string }) => n.departmentName === '财务部',
      );
      expect(finance.body).toContain(
        '1. 【提问未答复】11月公司业务招待费：职工 2026-11-20 的提问至今未答复',
      );
      const inbox1 = await inbox(w.finance.token, 'openness.notice');
      expect(inbox1).toHaveLength(1);
      expect(inbox1[0]!.title).toBe(
        '厂务公开监督检查通报（2026-11-01 至 2026-11-30）：本部门 2 项问题',
      );
      // Again: the same notices, nobody notified twice.
      const again = await http()
        .post(`/api/openness/checks/${check!.id}/notices`)
        .set(bearer(supervisor))
        .expect(200);
      expect(again.body.map((n: { id: string }) => n.id).sort()).toEqual(
        sent.body.map((n: { id: string }) => n.id).sort(),
      );
      expect(await inbox(w.finance.token, 'openness.notice')).toHaveLength(1);

      // A department reads its own notices; staff all of them.
      const mine = await http()
        .get('/api/openness/notices')
        .set(bearer(w.finance.token))
        .expect(200);
      expect(mine.body.map((n: { departmentName: string }) => n.departmentName)).toEqual([
        '财务部',
      ]);
      const all = await http().get('/api/openness/notices').set(bearer(w.staff)).expect(200);
      expect(all.body).toHaveLength(2);
    });

    it('lets only the group run checks and send notices', async () => {
      const period = { from: '2026-10-01', to: '2026-10-31' };
      for (const token of [w.staff, w.finance.token, w.e.office])
        await http().post('/api/openness/checks').set(bearer(token)).send(period).expect(403);
      await http().get('/api/openness/checks').set(bearer(w.finance.token)).expect(403);
      await http().get('/api/openness/notices').set(bearer(w.e.office)).expect(403);
      await http().get('/api/openness/notices').expect(401);
      const unknown = await http()
        .get('/api/openness/checks/00000000-0000-4000-8000-000000000000')
        .set(bearer(supervisor))
        .expect(404);
      expect(unknown.body.code).toBe('OPENNESS_CHECK_NOT_FOUND');
    });
  });
  describe('employees leaving', () => {
    it('staff disable an employee’s account (logged out at once, no log-in) and enable it again', async () => {
      const leaver = await employeeUser(t, w.staff, w.units.team1, 'L0001', '离职者');
      const toggle = (token: string, action: string) =>
        http().post(`/api/openness/employees/${leaver.userId}/${action}`).set(bearer(token));
      await http().get('/api/openness/board').set(bearer(leaver.token)).expect(200);
      const off = await toggle(w.staff, 'disable').expect(200);
      expect(off.body).toMatchObject({ employeeNumber: 'L0001', disabled: true });
      await http().get('/api/openness/board').set(bearer(leaver.token)).expect(401);
      await http()
        .post('/api/auth/login')
        .send({ username: 'emp-l0001', password: 'second-pass-123' })
        .expect((res) => expect(res.status).toBeGreaterThanOrEqual(400));
      const listed = await http().get('/api/openness/employees').set(bearer(w.staff)).expect(200);
      expect(listed.body.find((e: { userId: string }) => e.userId === leaver.userId).disabled).toBe(
        true,
      );
      expect(
        listed.body.find((e: { employeeNumber: string }) => e.employeeNumber === 'A0001').disabled,
      ).toBe(false);

      await toggle(w.staff, 'enable').expect(200);
      const back = await t.login('emp-l0001', 'second-pass-123');
      await http().get('/api/openness/board').set(bearer(back)).expect(200);

      for (const token of [w.finance.token, w.e.office]) await toggle(token, 'disable').expect(403);
      const notEmployee = await http()
        .post(`/api/openness/employees/${w.e.team1UserId}x/disable`)
        .set(bearer(w.staff));
      expect(notEmployee.status).toBe(400);
      const staffMe = await http().get('/api/auth/me').set(bearer(w.staff)).expect(200);
      const refused = await http()
        .post(`/api/openness/employees/${staffMe.body.id}/disable`)
        .set(bearer(w.staff))
        .expect(404);
      expect(refused.body.code).toBe('OPENNESS_EMPLOYEE_NOT_FOUND');
    });
  });
});
