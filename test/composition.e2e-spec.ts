import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, createRoster, type RosterFixture, userWithRole } from './utils/actors.js';
import { createTestApp, type TestApp } from './utils/test-app.js';

describe('composition report', () => {
  let t: TestApp;
  let staff: string;
  let roster: RosterFixture;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await userWithRole(t, 'staff');
    roster = await createRoster(t, staff, 4);
  });
  afterAll(() => t.close());

  const report = (q = '') =>
    t.http().get(`/api/terms/${roster.termId}/composition${q}`).set(bearer(staff));

  it('answers before any session exists, saying the workforce figures are not filled in', async () => {
    const res = await report().expect(200);
    expect(res.body).toMatchObject({ sessionId: null, workforce: null, workforceFrom: null });
    const size = res.body.report.rules.find((r: { id: string }) => r.id === 'size');
    expect(size).toMatchObject({ outcome: 'warning' });
    expect(size.explanation).toContain('尚未填写职工总数');
  });

  it("uses the term's figures before any session, and a session's own figures when asked", async () => {
    const term = await t
      .http()
      .post('/api/terms')
      .set(bearer(staff))
      .send({
        name: '第六届职工代表大会',
        startsOn: '2027-01-01',
        endsOn: '2031-12-31',
        employees: 700,
        women: 300,
        dispatched: 20,
      })
      .expect(201);
    expect(term.body).toMatchObject({ employees: 700, women: 300, dispatched: 20 });
    const termReport = await t
      .http()
      .get(`/api/terms/${term.body.id}/composition`)
      .set(bearer(staff))
      .expect(200);
    expect(termReport.body).toMatchObject({
      sessionId: null,
      workforce: { employees: 700, women: 300, dispatched: 20 },
      workforceFrom: 'term',
    });
    const size = termReport.body.report.rules.find((r: { id: string }) => r.id === 'size');
    expect(size.numbers).toMatchObject({ minimum: 35 }); // 5% of 700

    // A session inherits the term's figures unless it brings its own (all three together).
    const sessions = `/api/terms/${term.body.id}/sessions`;
    const base = { name: '第一次会议', startsAt: '2027-03-01 09:00', place: '礼堂' };
    const inherits = await t.http().post(sessions).set(bearer(staff)).send(base).expect(201);
    expect(inherits.body).toMatchObject({ employees: 700, workforceFrom: 'term' });
    const partial = await t
      .http()
      .post(sessions)
      .set(bearer(staff))
      .send({ ...base, employees: 900 });
    expect(partial.status).toBe(400);
    expect(partial.body.details.map((d: { field: string }) => d.field)).toEqual([
      'women',
      'dispatched',
    ]);
    const own = await t
      .http()
      .post(sessions)
      .set(bearer(staff))
      .send({ ...base, employees: 900, women: 400, dispatched: 0 })
      .expect(201);
    expect(own.body).toMatchObject({ employees: 900, workforceFrom: 'session' });
    const sessionReport = await t
      .http()
      .get(`/api/terms/${term.body.id}/composition?sessionId=${own.body.id}`)
      .set(bearer(staff))
      .expect(200);
    expect(sessionReport.body).toMatchObject({
      sessionId: own.body.id,
      workforce: { employees: 900 },
      workforceFrom: 'session',
    });
    // Clearing the session's figures (null) brings the term's back.
    const cleared = await t
      .http()
      .patch(`/api/sessions/${own.body.id}`)
      .set(bearer(staff))
      .send({ employees: null, women: null, dispatched: null })
      .expect(200);
    expect(cleared.body).toMatchObject({ employees: 700, workforceFrom: 'term' });
  });

  it('reports each rule with its outcome and numbers, following the roster as it changes', async () => {
    const session = await t
      .http()
      .post(`/api/terms/${roster.termId}/sessions`)
      .set(bearer(staff))
      .send({
        name: '第一次会议',
        startsAt: '2026-12-05 09:00',
        place: '礼堂',
        employees: 80,
        women: 40,
        dispatched: 0,
      })
      .expect(201);
    const first = await report(`?sessionId=${session.body.id}`).expect(200);
    const byId = (r: { rules: { id: string; outcome: string }[] }) =>
      Object.fromEntries(r.rules.map((x) => [x.id, x.outcome]));
    expect(first.body.report.counts).toMatchObject({ delegates: 4, women: 2 });
    expect(byId(first.body.report)).toMatchObject({
      size: 'violation',
      managers_share: 'pass',
      women_share: 'pass',
    });
    expect(first.body.report.worst).toBe('violation');
    const size = first.body.report.rules.find((r: { id: string }) => r.id === 'size');
    expect(size.numbers).toMatchObject({ delegates: 4 });
    expect(size.explanation).toMatch(/30/);

    // A leader makes 1 of 5 = 20%: still within the limit; a second one breaks it.
    const add = (n: string, category: string) =>
      t
        .http()
        .post(`/api/terms/${roster.termId}/delegates`)
        .set(bearer(staff))
        .send({ name: n, employeeNumber: n, gender: 'male', groupId: roster.groupIds[0], category })
        .expect(201);
    await add('L1', 'leader');
    expect(byId((await report()).body.report).managers_share).toBe('pass');
    await add('L2', 'middle_manager');
    expect(byId((await report()).body.report).managers_share).toBe('violation');
  });

  it('is for staff and secretaries only', async () => {
    expect((await t.http().get(`/api/terms/${roster.termId}/composition`)).status).toBe(401);
  });
});
