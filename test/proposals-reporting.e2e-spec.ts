import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { bearer, userWithRole } from './utils/actors.js';
import { createTestApp, type TestApp } from './utils/test-app.js';
import {
  answer,
  binary,
  cosign,
  createWorld,
  NOW,
  setClock,
  staffPost,
  submitted,
  table,
  type World,
} from './proposals/world.js';

/**
 * One session's proposals with known outcomes:
 *   2026-001 welfare     HR (on time, 满意) + logistics (late, 不满意)    closed
 *   2026-002 safety      HR (on time, 基本满意)                            closed
 *   2026-003 production  logistics, due 2026-11-22, never answered         overdue
 *   rejected, merged into 2026-001, withdrawn, awaiting co-signers
 *   a suggestion (converted) forwarded to HR, answered on time, not rated
 */
describe('proposals: statistics, the report for the minutes, the spreadsheet', () => {
  let t: TestApp;
  let w: World;
  const LATER = new Date('2026-11-26T02:00:00Z');

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
    const [d0, d1, d2, d3, d4] = w.d;
    const co = [d1!, d2!];
    const accept = async (id: string, category: string, departmentIds: string[], dueOn?: string) =>
      (await staffPost(w, `proposals/${id}/accept`, { category, departmentIds, dueOn }).expect(200))
        .body.assignments as { id: string; departmentName: string }[];
    const rate = (aid: string, rating: string) =>
      t
        .http()
        .post(`/api/proposal-assignments/${aid}/rating`)
        .set(bearer(d0!.token))
        .send({ rating })
        .expect(200);

    const p1 = await submitted(w, d0!, co, '关于增设夜班班车的建议', { category: 'welfare' });
    const p2 = await submitted(w, d0!, co, '关于改善车间照明的建议', { category: 'safety' });
    const p3 = await submitted(w, d0!, co, '关于优化排产计划的建议', { category: 'production' });
    const a1 = await accept(
      p1,
      'welfare',
      [w.hr.departmentId, w.logistics.departmentId],
      '2026-11-25',
    );
    const a2 = await accept(p2, 'safety', [w.hr.departmentId]);
    const a3 = await accept(p3, 'production', [w.logistics.departmentId], '2026-11-22');
    expect(a3).toHaveLength(1);
    const [hr1, log1] = [
      a1.find((a) => a.departmentName === '人力资源部')!,
      a1.find((a) => a.departmentName === '后勤保障部')!,
    ];

    const rejected = await submitted(w, d3!, co, '关于发放购车补贴的建议', { category: 'other' });
    await staffPost(w, `proposals/${rejected}/reject`, { reason: '超出企业承受能力' }).expect(200);
    const merged = await submitted(w, d4!, co, '关于班车增加站点的建议', { category: 'welfare' });
    await staffPost(w, `proposals/${merged}/merge`, { intoProposalId: p1 }).expect(200);
    const withdrawn = await table(w, d3!, '撤回的提案', { category: 'other' });
    await t
      .http()
      .post(`/api/proposals/${withdrawn.id}/withdraw`)
      .set(bearer(d3!.token))
      .send({})
      .expect(200);
    const waiting = await table(w, d4!, '还在征集附议的提案', { category: 'other' });
    await cosign(w, d1!, waiting.id).expect(200);
    const suggestion = await submitted(w, d3!, co, '关于更换饮水机的建议', { category: 'welfare' });
    const s = await staffPost(w, `proposals/${suggestion}/convert`, {
      departmentIds: [w.hr.departmentId],
    }).expect(200);

    await answer(w, w.hr.token, hr1.id).expect(200);
    await answer(w, w.hr.token, a2[0]!.id).expect(200);
    setClock(t, LATER);
    await answer(w, w.logistics.token, log1.id).expect(200);
    await answer(w, w.hr.token, s.body.assignments[0].id).expect(200);
    await rate(hr1.id, 'satisfied');
    await rate(log1.id, 'unsatisfied');
    await rate(a2[0]!.id, 'basically_satisfied');
  });
  afterAll(() => t.close());

  const get = (path: string) => t.http().get(`/api/${path}`).set(bearer(w.staff)).expect(200);

  it('counts proposals by status and category, and rates handling by department', async () => {
    const res = await get(`terms/${w.termId}/proposals/statistics?sessionId=${w.sessionId}`);
    const s = res.body;
    expect(s).toMatchObject({
      termId: w.termId,
      sessionId: w.sessionId,
      kind: 'proposal',
      total: 7,
    });
    const byStatus = Object.fromEntries(
      s.byStatus
        .filter((x: { count: number }) => x.count)
        .map((x: { status: string; count: number }) => [x.status, x.count]),
    );
    expect(byStatus).toEqual({
      closed: 2,
      in_handling: 1,
      rejected: 1,
      merged: 1,
      withdrawn: 1,
      awaiting_cosigners: 1,
    });
    const byCategory = Object.fromEntries(
      s.byCategory.map((c: { category: string; total: number; accepted: number }) => [
        c.category,
        [c.total, c.accepted],
      ]),
    );
    expect(byCategory).toMatchObject({
      welfare: [2, 1],
      safety: [1, 1],
      production: [1, 1],
      other: [3, 0],
      training: [0, 0],
    });
    expect(s.handling).toEqual({
      assignments: 4,
      answers: 3,
      answersOnTime: 2,
      overdue: 1,
      sentBack: 0,
      rated: 3,
      ratings: { satisfied: 1, basicallySatisfied: 1, unsatisfied: 1 },
      onTimeRate: { count: 2, of: 3, percent: 66.7 },
      satisfactionRate: { count: 2, of: 3, percent: 66.7 },
    });
    const dept = (name: string) => s.byDepartment.find((d: { name: string }) => d.name === name);
    expect(dept('人力资源部')).toMatchObject({
      assignments: 2,
      answers: 2,
      onTimeRate: { count: 2, of: 2, percent: 100 },
      satisfactionRate: { count: 2, of: 2, percent: 100 },
      overdue: 0,
    });
    expect(dept('后勤保障部')).toMatchObject({
      assignments: 2,
      answers: 1,
      onTimeRate: { count: 0, of: 1, percent: 0 },
      satisfactionRate: { count: 0, of: 1, percent: 0 },
      overdue: 1,
    });

    const suggestions = await get(`terms/${w.termId}/proposals/statistics?kind=suggestion`);
    expect(suggestions.body).toMatchObject({
      total: 1,
      handling: {
        assignments: 1,
        answers: 1,
        onTimeRate: { count: 1, of: 1, percent: 100 },
        satisfactionRate: { count: 0, of: 0, percent: null },
      },
    });
    const bad = await t
      .http()
      .get(`/api/terms/${w.termId}/proposals/statistics?kind=motion`)
      .set(bearer(w.staff));
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('kind');
  });

  it('gives the 提案办理情况报告 of a session as data for the minutes', async () => {
    const token = await userWithRole(t, 'secretary');
    const res = await t
      .http()
      .get(`/api/sessions/${w.sessionId}/proposals/report`)
      .set(bearer(token))
      .expect(200);
    const r = res.body;
    expect(r).toMatchObject({
      title: '第五届职代会第二次会议提案办理情况报告',
      session: { id: w.sessionId, startsAtLocal: '2026-12-05 09:00' },
      generatedAt: LATER.toISOString(),
      received: { total: 8, proposals: 7, suggestions: 1, withdrawn: 1 },
      decisions: { accepted: 3, merged: 1, converted: 1, rejected: 1, pending: 1 },
      handling: {
        assignments: 5,
        answers: 4,
        onTimeRate: { count: 3, of: 4, percent: 75 },
        satisfactionRate: { count: 2, of: 3, percent: 66.7 },
      },
    });
    // Withdrawn proposals are counted, not listed; numbered ones come first.
    expect(r.items).toHaveLength(7);
    expect(r.items.slice(0, 3).map((i: { number: string }) => i.number)).toEqual([
      '2026-001',
      '2026-002',
      '2026-003',
    ]);
    expect(r.items[0]).toEqual({
      number: '2026-001',
      kindLabel: '提案',
      subject: '关于增设夜班班车的建议',
      categoryLabel: '生活后勤',
      proposerName: '代表1',
      groupName: '第一代表团',
      cosignerNames: ['代表2', '代表3'],
      statusLabel: '已办结',
      decisionLabel: '立案',
      decisionNote: null,
      mergedInto: null,
      departments: [
        {
          name: '人力资源部',
          dueOn: '2026-11-25',
          answeredOn: '2026-11-20',
          onTime: true,
          sentBack: false,
          rating: '满意',
        },
        {
          name: '后勤保障部',
          dueOn: '2026-11-25',
          answeredOn: '2026-11-26',
          onTime: false,
          sentBack: false,
          rating: '不满意',
        },
      ],
    });
    expect(
      r.items.find((i: { subject: string }) => i.subject === '关于班车增加站点的建议'),
    ).toMatchObject({
      statusLabel: '已合并',
      mergedInto: '2026-001',
    });
    expect(
      r.items.find((i: { subject: string }) => i.subject === '关于发放购车补贴的建议'),
    ).toMatchObject({
      decisionLabel: '不立案',
      decisionNote: '超出企业承受能力',
    });
    const unknown = await t
      .http()
      .get('/api/sessions/00000000-0000-4000-8000-000000000000/proposals/report')
      .set(bearer(w.staff));
    expect(unknown.status).toBe(404);
  });

  it('exports the list as an XLSX spreadsheet', async () => {
    const res = await t
      .http()
      .get(`/api/terms/${w.termId}/proposals/export?sessionId=${w.sessionId}`)
      .set(bearer(w.staff))
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('提案办理情况');
    expect(ws.getRow(1).getCell(1).value).toBe('编号');
    expect(ws.rowCount).toBe(1 + 8);
    const first = ws.getRow(2).values as unknown[];
    expect(first.slice(1, 4)).toEqual(['2026-001', '提案', '关于增设夜班班车的建议']);
    expect(first).toContain('人力资源部\n后勤保障部');
    expect(first).toContain('满意\n不满意');
    expect(first).toContain('是\n否');
  });

  it('lists overdue assignments for staff and flags them in the lists', async () => {
    const overdue = await get(`terms/${w.termId}/proposals/overdue`);
    expect(overdue.body).toHaveLength(1);
    expect(overdue.body[0]).toMatchObject({
      departmentName: '后勤保障部',
      dueOn: '2026-11-22',
      overdue: true,
      proposal: { number: '2026-003' },
    });
    const dept = await t
      .http()
      .get('/api/proposal-assignments/mine?status=assigned')
      .set(bearer(w.logistics.token))
      .expect(200);
    expect(dept.body.map((a: { overdue: boolean }) => a.overdue)).toEqual([true]);
    const list = await get(
      `terms/${w.termId}/proposals?overdue=false&kind=proposal&status=in_handling`,
    );
    expect(list.body).toEqual([]);
    setClock(t, NOW);
    expect((await get(`terms/${w.termId}/proposals/overdue`)).body).toEqual([]);
    setClock(t, LATER);
  });
});
