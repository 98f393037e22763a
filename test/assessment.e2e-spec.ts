import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Clock } from '../apps/api/src/common/clock.js';
import { bearer, userWithRole } from './utils/actors.js';
import { liveSession, type LiveSession } from './utils/live-session.js';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from './utils/test-app.js';

/** 2026-12-10 10:00 in Shanghai: the year 2026 not over. */
const NOW = new Date('2026-12-10T02:00:00Z');
const MANUAL = [
  'HOLD-2',
  'DEL-1',
  'DEL-2',
  'PRE-2',
  'DUR-1',
  'DUR-2',
  'DUR-3',
  'POST-1',
  'POST-3',
  'OPEN-2',
];

type Criterion = {
  code: string;
  verdict: string | null;
  autoVerdict: string | null;
  evidence: string | null;
};
const byCode = (body: { criteria: Criterion[] }, code: string) =>
  body.criteria.find((c) => c.code === code)!;

/** The congress's yearly quality self-assessment (职代会质量评估), from a small real congress. */
describe('职代会质量评估', () => {
  let t: TestApp;
  let staff: string;
  let supervisor: string;
  let admin: string;
  let secretary: string;
  let live: LiveSession;
  let id: string;
  const http = () => t.http();

  beforeAll(async () => {
    t = await createTestApp();
    staff = await userWithRole(t, 'staff');
    supervisor = await userWithRole(t, 'supervisor');
    secretary = await userWithRole(t, 'secretary');
    admin = await t.login('admin', ADMIN_PASSWORD);
    // A session of 3 delegates, its agenda circulated 7 days before 2026-12-05, held.
    live = await liveSession(t, staff, 3, 3, [{ kind: 'report', title: '工会工作报告' }]);
    t.app.get(Clock).fix(NOW);
    // A joint meeting's decision in September that no session has confirmed.
    const meeting = await http()
      .post(`/api/terms/${live.roster.termId}/joint-meetings`)
      .set(bearer(staff))
      .send({ heldOn: '2026-09-15', place: '工会会议室', topic: '食堂改造' })
      .expect(201);
    await http()
      .post(`/api/joint-meetings/${meeting.body.id}/items`)
      .set(bearer(staff))
      .send({ kind: 'decide', title: '食堂开放时间调整', outcome: '同意延长至 20:00' })
      .expect(201);
  });
  afterAll(() => t.close());

  it('is created by staff with the automatic verdicts judged from the records', async () => {
    const res = await http()
      .post(`/api/terms/${live.roster.termId}/assessments`)
      .set(bearer(staff))
      .send({ year: 2026 })
      .expect(201);
    id = res.body.id;
    expect(res.body).toMatchObject({
      year: 2026,
      version: 1,
      status: 'open',
      statusLabel: '评估中',
    });
    expect(res.body.criteria).toHaveLength(17);
    expect(byCode(res.body, 'HOLD-1')).toMatchObject({
      verdict: 'meets',
      evidence: '本年度召开 1 次：第二次会议（2026-12-05）',
    });
    expect(byCode(res.body, 'PRE-1')).toMatchObject({
      verdict: 'meets',
      evidence: '第二次会议：文件提前 7 天送达',
    });
    expect(byCode(res.body, 'INT-1')).toMatchObject({
      verdict: 'fails',
      evidence: '联席会议决定 1 项，已经职代会确认 0 项；待确认：食堂开放时间调整（2026-09-15）',
    });
    expect(byCode(res.body, 'POST-2')).toMatchObject({ verdict: 'na' });
    expect(byCode(res.body, 'OPEN-3')).toMatchObject({
      verdict: 'fails',
      evidence: '本年度（截至 2026-12-10）未关联满意度测评',
    });
    for (const code of MANUAL)
      expect(byCode(res.body, code)).toMatchObject({ verdict: null, evidence: null });
    expect(res.body.summary).toEqual({
      meets: 2,
      partly: 0,
      fails: 2,
      na: 3,
      unjudged: 10,
      total: 17,
    });
  });

  it('is one per term and year; a bad year is a field error', async () => {
    const twice = await http()
      .post(`/api/terms/${live.roster.termId}/assessments`)
      .set(bearer(staff))
      .send({ year: 2026 })
      .expect(409);
    expect(twice.body.code).toBe('ASSESSMENT_EXISTS');
    const bad = await http()
      .post(`/api/terms/${live.roster.termId}/assessments`)
      .set(bearer(staff))
      .send({ year: '明年' })
      .expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('is read by the supervision group and the administrator, and by no one else', async () => {
    for (const token of [supervisor, admin])
      await http().get(`/api/assessments/${id}`).set(bearer(token)).expect(200);
    await http().get(`/api/assessments/${id}`).set(bearer(secretary)).expect(403);
    await http()
      .get(`/api/assessments/${id}`)
      .set(bearer(live.tokens.values().next().value!))
      .expect(403);
    await http().get(`/api/assessments/${id}`).expect(401);
    await http()
      .put(`/api/assessments/${id}/criteria/DUR-1`)
      .set(bearer(supervisor))
      .send({ verdict: 'meets', note: '选举采用无记名投票' })
      .expect(403);
    await http()
      .post(`/api/terms/${live.roster.termId}/assessments`)
      .set(bearer(admin))
      .send({ year: 2025 })
      .expect(403);
  });

  it('changes an automatic verdict only with a reason, kept beside the automatic one', async () => {
    const bare = await http()
      .put(`/api/assessments/${id}/criteria/PRE-1`)
      .set(bearer(staff))
      .send({ verdict: 'partly' })
      .expect(400);
    expect(bare.body).toMatchObject({
      code: 'ASSESSMENT_REASON_REQUIRED',
      details: { field: 'reason' },
    });
    const res = await http()
      .put(`/api/assessments/${id}/criteria/PRE-1`)
      .set(bearer(staff))
      .send({ verdict: 'partly', reason: '补充文件只提前 3 天送达（纸质分发，未经系统）' })
      .expect(200);
    expect(byCode(res.body, 'PRE-1')).toMatchObject({
      autoVerdict: 'meets',
      evidence: '第二次会议：文件提前 7 天送达',
      verdict: 'partly',
      overridden: true,
      overrideReason: '补充文件只提前 3 天送达（纸质分发，未经系统）',
    });
  });

  it('takes a hand-judged criterion only with a note; an unknown one is 404', async () => {
    const bare = await http()
      .put(`/api/assessments/${id}/criteria/DUR-1`)
      .set(bearer(staff))
      .send({ verdict: 'meets' })
      .expect(400);
    expect(bare.body.code).toBe('ASSESSMENT_NOTE_REQUIRED');
    const unknown = await http()
      .put(`/api/assessments/${id}/criteria/NOPE-9`)
      .set(bearer(staff))
      .send({ verdict: 'meets', note: '—' })
      .expect(404);
    expect(unknown.body.code).toBe('ASSESSMENT_CRITERION_NOT_FOUND');
    const bad = await http()
      .put(`/api/assessments/${id}/criteria/DUR-1`)
      .set(bearer(staff))
      .send({ verdict: 'excellent', note: '好' })
      .expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('completes only when every criterion has a verdict, and exports only when completed', async () => {
    const early = await http()
      .post(`/api/assessments/${id}/complete`)
      .set(bearer(staff))
      .expect(409);
    expect(early.body).toMatchObject({ code: 'ASSESSMENT_UNJUDGED', details: { codes: MANUAL } });
    await http().get(`/api/assessments/${id}/export.docx`).set(bearer(staff)).expect(409);
    for (const code of MANUAL)
      await http()
        .put(`/api/assessments/${id}/criteria/${code}`)
        .set(bearer(staff))
        .send({ verdict: code === 'DEL-2' ? 'na' : 'meets', note: `核对了${code}的记录` })
        .expect(200);
    const done = await http()
      .post(`/api/assessments/${id}/complete`)
      .set(bearer(staff))
      .expect(200);
    expect(done.body).toMatchObject({ status: 'completed', statusLabel: '已完成' });
    expect(done.body.summary).toEqual({
      meets: 10,
      partly: 1,
      fails: 2,
      na: 4,
      unjudged: 0,
      total: 17,
    });
  });

  it('is frozen once completed: refused by the api and by the database', async () => {
    const again = await http()
      .put(`/api/assessments/${id}/criteria/DUR-1`)
      .set(bearer(staff))
      .send({ verdict: 'fails', note: '改主意了' })
      .expect(409);
    expect(again.body.code).toBe('ASSESSMENT_COMPLETED');
    await http().post(`/api/assessments/${id}/refresh`).set(bearer(staff)).expect(409);
    await expect(
      t.sql(`UPDATE assessment_entries SET staff_verdict = 'fails' WHERE assessment_id = $1`, [id]),
    ).rejects.toThrow(/completed/);
    await expect(t.sql(`DELETE FROM assessments WHERE id = $1`, [id])).rejects.toThrow(/completed/);
  });

  it('exports the completed checklist as DOCX for staff, supervisor and admin', async () => {
    for (const token of [staff, supervisor, admin]) {
      const res = await http()
        .get(`/api/assessments/${id}/export.docx`)
        .set(bearer(token))
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(res.headers['content-type']).toContain('wordprocessingml');
      expect((res.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    }
  });

  it('is corrected by a new version that carries the judgements and supersedes the old', async () => {
    const v2 = await http().post(`/api/assessments/${id}/revise`).set(bearer(staff)).expect(201);
    expect(v2.body).toMatchObject({ version: 2, supersedesId: id, status: 'open' });
    expect(byCode(v2.body, 'PRE-1')).toMatchObject({ verdict: 'partly', overridden: true });
    expect(byCode(v2.body, 'DUR-1')).toMatchObject({ verdict: 'meets', note: '核对了DUR-1的记录' });
    const old = await http().get(`/api/assessments/${id}`).set(bearer(staff)).expect(200);
    expect(old.body).toMatchObject({ superseded: true, status: 'completed' });
    const twice = await http().post(`/api/assessments/${id}/revise`).set(bearer(staff)).expect(409);
    expect(twice.body.code).toBe('ASSESSMENT_SUPERSEDED');
    const list = await http()
      .get(`/api/terms/${live.roster.termId}/assessments`)
      .set(bearer(supervisor))
      .expect(200);
    expect(list.body.map((a: { version: number }) => a.version)).toEqual([2, 1]);
  });
});
